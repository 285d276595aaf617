// `npm run dev` / `npm start`: prepare the database (embedded by default), then run Next.js with
// DATABASE_URL and AUTH_SECRET set, and stop the embedded database when Next.js exits.
import { spawn } from "node:child_process";
import path from "node:path";
import { parseEnv } from "../lib/env";
import { authSecret, prepareDatabase, seedIfFirstRun } from "./app-env";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start") {
  console.error("usage: tsx scripts/run-app.ts dev|start");
  process.exit(2);
}

const log = (line: string) => console.log(`[clickproof] ${line}`);

async function main(): Promise<void> {
  // Every variable checked before anything starts, as Next.js will read them: one line per
  // variable to fix, then exit 1. (Without DATABASE_URL the embedded database supplies it.)
  const nodeEnv = mode === "dev" ? "development" : "production";
  try {
    parseEnv({ ...process.env, NODE_ENV: nodeEnv, DATABASE_URL: process.env.DATABASE_URL || "postgresql://embedded@127.0.0.1/clickproof" });
  } catch (error) {
    console.error(`[clickproof] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const database = await prepareDatabase(log);
  await seedIfFirstRun(database, log);
  const port = process.env.PORT || "3000";
  const nextBin = path.resolve(import.meta.dirname, "../node_modules/next/dist/bin/next");
  const child = spawn(process.execPath, [nextBin, mode!, "--port", port], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: await authSecret(),
      // Auth.js builds its own URLs on AUTH_URL when set: the public URL, never a request's Host.
      ...(process.env.APP_URL ? { AUTH_URL: process.env.APP_URL } : {}),
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: nodeEnv,
    },
  });
  log(`${mode === "dev" ? "development" : "production"} server starting on http://localhost:${port}`);

  let stopping = false;
  const forward = (signal: NodeJS.Signals) => {
    stopping = true;
    child.kill(signal);
  };
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  child.on("exit", async (code, signal) => {
    await database.stop().catch((error: unknown) => log(`could not stop the embedded database: ${String(error)}`));
    process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0)));
  });
}

main().catch((error: unknown) => {
  console.error("[clickproof] could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});
