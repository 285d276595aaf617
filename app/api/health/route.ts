// GET /api/health — 200 when the database answers, 503 when it does not (for load balancers).
import { getPool } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const started = Date.now();
  try {
    await getPool().query("SELECT 1");
    return Response.json({ status: "ok", database: { ok: true, latencyMs: Date.now() - started } }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // The reason goes to our log, not to whoever asks (it can name hosts and users).
    console.error("[health] database check failed:", error instanceof Error ? error.message : error);
    return Response.json({ status: "unavailable", database: { ok: false } }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
