// `npm run bench:crash` (part of `npm run bench`): the production app under redirect load is
// SIGKILLed — run-app and its Next.js server together, no shutdown hook runs — then restarted on
// the same database, and every click id an answered 302 carried must be in the Click table, once.
// The database is this script's own embedded PostgreSQL, so it outlives the app. Prints a table,
// appends it to docs/benchmarks.md, and exits 1 when an answered click is missing.
//
// Needs a production build (`npm run build`). Options: BENCH_CRASH_SECONDS (load before the kill,
// default 3), BENCH_CRASH_WORKERS (concurrent keep-alive connections, default 20).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { machineLine, report } from "./app";
import { runCrashScenario } from "./crash-scenario";
import { removeDataDir } from "./processes";

const root = path.resolve(import.meta.dirname, "../..");
const PORT = 3193;
const API_KEY = "cp_bench_crash_key_0123456789abcdef";
const SECONDS = Number(process.env.BENCH_CRASH_SECONDS ?? 3);
const WORKERS = Number(process.env.BENCH_CRASH_WORKERS ?? 20);
const AFTER_RESTART = 200;

async function main(): Promise<void> {
  await fs.access(path.join(root, ".next/BUILD_ID")).catch(() => {
    throw new Error("no production build: run `npm run build` first");
  });
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "clickproof-bench-crash-"));
  try {
    const outcome = await runCrashScenario({
      dataDir,
      port: PORT,
      apiKey: API_KEY,
      workers: WORKERS,
      loadMs: SECONDS * 1000,
      minAnswered: 100,
      afterRestart: AFTER_RESTART,
      log: (line) => console.log(`[crash] ${line}`),
    });
    const { tally, check } = outcome;
    const others = Object.entries(tally.otherAnswers).map(([status, count]) => `${count} × ${status}`);
    const answered = tally.answered.length;
    const after = outcome.afterRestart;
    // A stored click no 302 carried can only belong to a request that got none.
    const unanswered = tally.sent - answered;
    const table = [
      "| what | count |",
      "|---|---|",
      `| requests sent before the kill | ${tally.sent} |`,
      `| 302s answered (each with its click id) | ${answered} |`,
      `| answers other than a 302 with a click id | ${others.length ? others.join(", ") : 0} |`,
      `| requests failed before the kill | ${tally.failed} |`,
      `| in flight at the kill | ${outcome.inFlightAtKill} |`,
      `| of which never answered (cut off) | ${tally.cutOff} |`,
      `| clicks stored for the link after the restart | ${check.stored} |`,
      `| stored but never answered (committed, answer cut off) | ${check.storedUnanswered} |`,
      `| answered but missing (lost clicks) | ${check.missing.length} |`,
      `| click ids answered twice / stored twice | ${check.answeredTwice} / ${check.storedTwice} |`,
    ].join("\n");
    const lost = check.missing.length > 0 || check.answeredTwice > 0 || check.storedTwice > 0;
    const summary = [
      lost
        ? `- LOST: ${check.missing.length} answered clicks missing (${check.missing.slice(0, 5).join(", ")}${check.missing.length > 5 ? ", …" : ""}), ${check.answeredTwice} ids answered twice, ${check.storedTwice} stored twice`
        : `- every one of the ${answered} answered clicks is stored, exactly once`,
      `- stored exceeds answered by ${check.storedUnanswered}: ${check.storedUnanswered <= unanswered ? "within" : "MORE THAN"} the ${unanswered} requests that got no 302 (${tally.cutOff} of them cut off by the kill)`,
      `- restart: /api/health answered ${outcome.restartSeconds.toFixed(1)} s after the kill (migrations included); then ${after.tally.answered.length} of ${after.tally.sent} redirects answered, ${after.check.missing.length} of their clicks missing`,
    ].join("\n");
    await report(
      "crash",
      machineLine(),
      `\`npm run bench:crash\` (part of \`npm run bench\`; production build, ${WORKERS} keep-alive connections, normal browser user agent, SIGKILL to the app's process group after ${outcome.loadSeconds.toFixed(1)} s, restart on the same embedded PostgreSQL).`,
      `${table}\n\n${summary}`,
    );
    const restartFailed = after.tally.answered.length < after.tally.sent || after.check.missing.length > 0;
    if (lost || check.storedUnanswered > unanswered || restartFailed) process.exitCode = 1;
  } finally {
    await removeDataDir(dataDir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
