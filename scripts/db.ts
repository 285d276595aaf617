// `npm run db:migrate` applies the committed migrations; `npm run db:seed` (re)runs the demo seed
// (idempotent); `npm run db:new-migration -- <name>` writes a migration for schema changes.
// Each works on DATABASE_URL, or on the embedded database under DATA_DIR (shared with a running
// `npm run dev` if there is one).
import fs from "node:fs/promises";
import path from "node:path";
import { runPrisma } from "../lib/db/migrate";
import { prepareDatabase } from "./app-env";

const log = (line: string) => console.log(`[clickproof] ${line}`);

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const database = await prepareDatabase(log); // applies migrations
  try {
    if (command === "migrate") {
      log("migrations applied");
    } else if (command === "seed") {
      const { seed } = await import("../prisma/seed");
      await seed(database.url, { demoApiKey: process.env.DEMO_API_KEY || undefined, log });
    } else if (command === "new-migration") {
      if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: npm run db:new-migration -- <snake_case_name>");
      // Diffing the committed migrations (replayed in a shadow database) against the schema
      // avoids `migrate dev`, whose Wasm engine path still stumbles on PostgreSQL 18 here.
      const sql = await runPrisma(
        ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
        database.url,
      );
      if (sql.includes("This is an empty migration")) {
        log("the schema matches the migrations; nothing to write");
        return;
      }
      const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
      const dir = path.resolve("prisma/migrations", `${stamp}_${name}`);
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(path.join(dir, "migration.sql"), sql);
      log(`written under prisma/migrations — review it, then npm run db:migrate`);
    } else {
      throw new Error("usage: tsx scripts/db.ts migrate|seed|new-migration <name>");
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error("[clickproof]", error instanceof Error ? error.message : error);
  process.exit(1);
});
