// GET /api/health — for load balancers and monitoring.
// - 200 "ok": the database answers and no clicks wait in the local spool.
// - 200 "degraded": the database does not answer (or spooled clicks are being replayed into it).
//   This instance still redirects cached links and keeps their clicks on local disk, so it stays
//   in rotation; pages and the API answer 503 until the database is back.
// - 503 "unavailable": the database does not answer and clicks cannot be spooled either.
// While the click sink already knows the database is down, the answer comes from it at once
// rather than from another probe that would wait for the connection timeout.
import { getPool } from "@/lib/db";
import { getRedirectRuntime } from "@/lib/redirect/serve-short-link";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "no-store" };

function databaseDown(spooled: number, spoolUsable: boolean): Response {
  return Response.json(
    { status: spoolUsable ? "degraded" : "unavailable", database: { ok: false }, clicks: { spooled, spoolWritable: spoolUsable } },
    { status: spoolUsable ? 200 : 503, headers: NO_STORE },
  );
}

export async function GET(): Promise<Response> {
  const sink = getRedirectRuntime().sink;
  const known = sink.status();
  if (known.database === "down") return databaseDown(known.spooledClicks, !known.spoolFailing && (await sink.spoolWritable()));
  const started = Date.now();
  try {
    await getPool().query("SELECT 1");
  } catch (error) {
    // The reason goes to our log, not to whoever asks (it can name hosts and users).
    console.error("[health] database check failed:", error instanceof Error ? error.message : error);
    return databaseDown(sink.status().spooledClicks, await sink.spoolWritable());
  }
  const { spooledClicks } = sink.status();
  const database = { ok: true, latencyMs: Date.now() - started };
  return Response.json({ status: spooledClicks > 0 ? "degraded" : "ok", database, clicks: { spooled: spooledClicks } }, { headers: NO_STORE });
}
