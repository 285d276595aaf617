// `npm run bench:bulk` (part of `npm run bench`): 10,000 per-creator links created through
// POST /api/v1/links/bulk (10 calls of 1,000) against the production build, compared in the same
// run with the same links made one POST /api/v1/links at a time. Checks that every link asked for
// exists exactly once. Prints a table and appends it to docs/benchmarks.md.
//
// Needs a production build (`npm run build`). Options: BENCH_BULK_LINKS (default 10000),
// BENCH_SINGLE_LINKS (default 400: the demo's Team plan allows 600 API requests a minute).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { runningEmbeddedUrl } from "../../lib/db/embedded";
import { machineLine, report, startApp, waitFor } from "./app";

const root = path.resolve(import.meta.dirname, "../..");
const PORT = 3192;
const API_KEY = "cp_bench_bulk_key_0123456789abcdef";
const BULK_LINKS = Number(process.env.BENCH_BULK_LINKS ?? 10_000);
const SINGLE_LINKS = Number(process.env.BENCH_SINGLE_LINKS ?? 400);
const BATCH = 1_000;
const CONCURRENCY = 10;

const item = (run: string, i: number) => ({ url: `https://shop.example.com/drop?creator=${i}`, slug: `${run}-creator-${i}`, tags: ["bench"] });

async function post(base: string, pathname: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${base}${pathname}`, {
    method: "POST",
    headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

async function main(): Promise<void> {
  await fs.access(path.join(root, ".next/BUILD_ID")).catch(() => {
    throw new Error("no production build: run `npm run build` first");
  });
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "clickproof-bench-bulk-"));
  const app = startApp(dataDir, PORT, API_KEY);
  const base = `http://127.0.0.1:${PORT}`;
  try {
    await waitFor(`${base}/api/health`);
    // warm up both endpoints (JIT, connection pool, the OpenAPI-free route modules)
    await post(base, "/api/v1/links/bulk", { items: Array.from({ length: 50 }, (_, i) => item("warm", i)) });
    await post(base, "/api/v1/links", item("warm-single", 0));

    // Bulk: 10 sequential calls of 1,000, as a script would send them.
    const bulkStarted = performance.now();
    const callTimes: number[] = [];
    let created = 0;
    for (let offset = 0; offset < BULK_LINKS; offset += BATCH) {
      const started = performance.now();
      const { status, json } = await post(base, "/api/v1/links/bulk", { items: Array.from({ length: Math.min(BATCH, BULK_LINKS - offset) }, (_, i) => item("bulk", offset + i)) });
      callTimes.push(performance.now() - started);
      if (status !== 200) throw new Error(`bulk call answered ${status}: ${JSON.stringify(json).slice(0, 300)}`);
      created += (json as { created: number }).created;
    }
    const bulkSeconds = (performance.now() - bulkStarted) / 1000;

    // Baseline, same run: one link per request, 10 in flight.
    const singleStarted = performance.now();
    let next = 0;
    let singleCreated = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < SINGLE_LINKS) {
          const { status } = await post(base, "/api/v1/links", item("single", next++));
          if (status === 201) singleCreated++;
        }
      }),
    );
    const singleSeconds = (performance.now() - singleStarted) / 1000;

    const databaseUrl = await runningEmbeddedUrl(dataDir);
    if (!databaseUrl) throw new Error("the app's embedded database is not running");
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ count: string; distinct: string }>(`SELECT count(*) AS count, count(DISTINCT slug) AS distinct FROM "Link" WHERE slug LIKE 'bulk-creator-%'`);
    await db.end();
    const stored = Number(rows[0]!.count);
    const exact = created === BULK_LINKS && stored === BULK_LINKS && Number(rows[0]!.distinct) === BULK_LINKS;

    const sorted = [...callTimes].sort((a, b) => a - b);
    const perLinkBulk = (bulkSeconds * 1000) / BULK_LINKS;
    const perLinkSingle = (singleSeconds * 1000) / SINGLE_LINKS;
    const table = [
      "| how | links | seconds | links/s | ms per link | per call p50 / max ms |",
      "|---|---|---|---|---|---|",
      `| POST /api/v1/links/bulk, ${BATCH.toLocaleString("en-US")} per call, calls in sequence | ${BULK_LINKS.toLocaleString("en-US")} | ${bulkSeconds.toFixed(2)} | ${Math.round(BULK_LINKS / bulkSeconds)} | ${perLinkBulk.toFixed(2)} | ${Math.round(sorted[Math.floor(sorted.length / 2)]!)} / ${Math.round(sorted.at(-1)!)} |`,
      `| baseline: POST /api/v1/links one by one, ${CONCURRENCY} in flight | ${SINGLE_LINKS.toLocaleString("en-US")} | ${singleSeconds.toFixed(2)} | ${Math.round(SINGLE_LINKS / singleSeconds)} | ${perLinkSingle.toFixed(2)} | — |`,
    ].join("\n");
    const summary = [
      `- ${BULK_LINKS.toLocaleString("en-US")} links by the bulk endpoint in ${bulkSeconds.toFixed(1)} s (target < 10 s): ${bulkSeconds < 10 ? "met" : "missed"}; ${(perLinkSingle / perLinkBulk).toFixed(0)}× faster per link than one request per link`,
      `- check: ${created.toLocaleString("en-US")} reported created, ${stored.toLocaleString("en-US")} stored with distinct slugs — ${exact ? "exact" : "MISMATCH"}; single baseline created ${singleCreated} of ${SINGLE_LINKS}`,
    ].join("\n");
    await report("bulk link creation", machineLine(), "`npm run bench:bulk` (part of `npm run bench`; production build, embedded PostgreSQL, the demo's Team plan).", `${table}\n\n${summary}`);
    if (!exact) process.exitCode = 1;
  } catch (error) {
    console.error(app.logs().slice(-4000));
    throw error;
  } finally {
    app.child.kill("SIGTERM");
    await new Promise((resolve) => app.child.once("exit", resolve));
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
