// Prepares what the app needs before Next.js starts: a database (the embedded PostgreSQL under
// DATA_DIR unless DATABASE_URL is set), its migrations, the demo seed on first start, and an
// AUTH_SECRET that survives restarts. Shared by scripts/run-app.ts and scripts/db.ts.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { postgresLinesWorthShowing } from "../lib/db/postgres-log";
import { migrateDeploy } from "../lib/db/migrate";

export type PreparedDatabase = { url: string; embedded: boolean; created: boolean; stop: () => Promise<void> };

export function dataDir(): string {
  return path.resolve(process.env.DATA_DIR || ".data");
}

export async function prepareDatabase(log: (line: string) => void): Promise<PreparedDatabase> {
  const external = process.env.DATABASE_URL;
  if (external) {
    log(`using DATABASE_URL (${new URL(external).host}); no embedded database is started`);
    await migrateDeploy(external);
    return { url: external, embedded: false, created: false, stop: async () => undefined };
  }
  const dir = dataDir();
  const started = Date.now();
  const database = await startEmbeddedPostgres({
    dataDir: dir,
    log,
    serverLog: (chunk) => {
      for (const line of postgresLinesWorthShowing(chunk)) log(`[postgres] ${line}`);
    },
  });
  log(`embedded PostgreSQL ready in ${Date.now() - started} ms (data in ${dir})`);
  await migrateDeploy(database.url);
  return { url: database.url, embedded: true, created: database.created, stop: database.stop };
}

/** Seeds the embedded database the first time it is used. */
export async function seedIfFirstRun(database: PreparedDatabase, log: (line: string) => void): Promise<void> {
  if (!database.embedded) return;
  const marker = path.join(dataDir(), "seeded");
  const seeded = await fs.access(marker).then(
    () => true,
    () => false,
  );
  if (seeded && !database.created) return;
  const { seed } = await import("../prisma/seed");
  await seed(database.url, { demoApiKey: process.env.DEMO_API_KEY || undefined, log });
  await fs.writeFile(marker, new Date().toISOString() + "\n");
}

/** AUTH_SECRET from the environment, else one generated once and kept in DATA_DIR. */
export async function authSecret(): Promise<string> {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir(), "auth-secret");
  try {
    return (await fs.readFile(file, "utf8")).trim();
  } catch {
    const secret = randomBytes(32).toString("base64url");
    await fs.mkdir(dataDir(), { recursive: true });
    await fs.writeFile(file, secret + "\n", { mode: 0o600 });
    return secret;
  }
}
