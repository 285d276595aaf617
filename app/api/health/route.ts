// GET /api/health — for load balancers and monitoring.
// - 200 "ok": the database answers and no clicks wait in the local spool.
// - 200 "degraded": the database does not answer (or spooled clicks are being replayed into it).
//   This instance still redirects cached links and keeps their clicks on local disk, so it stays
//   in rotation; pages and the API answer 503 until the database is back.
// - 503 "unavailable": the database does not answer and the spool cannot take clicks either.
import { getPool } from "@/lib/db";
import { getRedirectRuntime } from "@/lib/redirect/serve-short-link";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

export async function GET(): Promise<Response> {
  const started = Date.now();
  const sink = getRedirectRuntime().sink;
  try {
    await getPool().query("SELECT 1");
    const { spooledClicks } = sink.status();
    const database = { ok: true, latencyMs: Date.now() - started };
    return Response.json({ status: spooledClicks > 0 ? "degraded" : "ok", database, clicks: { spooled: spooledClicks } }, { headers: NO_STORE });
  } catch (error) {
    // The reason goes to our log, not to whoever asks (it can name hosts and users).
    console.error("[health] database check failed:", error instanceof Error ? error.message : error);
    const spoolWritable = await sink.spoolWritable();
    return Response.json(
      { status: spoolWritable ? "degraded" : "unavailable", database: { ok: false }, clicks: { spooled: sink.status().spooledClicks, spoolWritable } },
      { status: spoolWritable ? 200 : 503, headers: NO_STORE },
    );
  }
}
