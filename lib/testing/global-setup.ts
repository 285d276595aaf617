// Integration tests get their own throw-away embedded PostgreSQL, migrated from the committed
// migrations; they never touch DATA_DIR (the developer's data) or a DATABASE_URL server.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { migrateDeploy } from "@/lib/db/migrate";

export default async function setup(project: TestProject) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "clickproof-test-"));
  const database = await startEmbeddedPostgres({ dataDir, throwAway: true });
  await migrateDeploy(database.url);
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
