// Helpers for integration tests: point the app's modules at the throw-away database and give
// each test file clean tables.
import { inject } from "vitest";
import { resetEnvForTests } from "@/lib/env";

export function connectTestDatabase(): string {
  const url = inject("databaseUrl");
  const host = new URL(url).hostname;
  // Refuse anything but the local throw-away server the global set-up started.
  if (host !== "127.0.0.1" && host !== "localhost") {
    throw new Error(`integration tests refuse to run against a non-local database (${host})`);
  }
  process.env.DATABASE_URL = url;
  resetEnvForTests();
  return url;
}

export async function truncateAll(): Promise<void> {
  const { getPool } = await import("@/lib/db");
  await getPool().query(`
    DO $$ DECLARE t text; BEGIN
      SELECT string_agg(format('%I', tablename), ', ') INTO t FROM pg_tables
        WHERE schemaname = 'public' AND tablename <> '_prisma_migrations';
      IF t IS NOT NULL THEN EXECUTE 'TRUNCATE ' || t || ' CASCADE'; END IF;
    END $$;`);
}
