// The process's one pg pool. Kept free of "server-only" and Prisma because middleware.ts (the
// redirect hot path) uses it directly. Stored on globalThis: middleware.ts and the App Router are
// bundled separately but run in one Node.js process and must share one pool.
import pg from "pg";
import { getEnv } from "@/lib/env";

const KEY = Symbol.for("clickproof.pool");
const globals = globalThis as typeof globalThis & { [KEY]?: pg.Pool };

export function getPool(): pg.Pool {
  let pool = globals[KEY];
  if (!pool) {
    pool = new pg.Pool({
      connectionString: getEnv().DATABASE_URL,
      max: 20,
      idleTimeoutMillis: 30_000,
      // A hung database must turn into errors (a 503 for a visitor, "unavailable" for health
      // checks), not into requests that wait forever.
      connectionTimeoutMillis: 5_000,
      query_timeout: 15_000,
    });
    // An idle client losing its connection (a database restart) must not crash the server. The
    // database stopping (57P01, what every client hears on a normal stop) is not an error of
    // ours: the pool drops the client, and a query that needs the database reports if it stays away.
    pool.on("error", (error) => {
      if ((error as { code?: string }).code === "57P01") return;
      console.error("[db] idle client error:", error.message);
    });
    globals[KEY] = pool;
  }
  return pool;
}
