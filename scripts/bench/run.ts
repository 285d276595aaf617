// `npm run bench:redirects` (the first part of `npm run bench`): redirect throughput and latency
// of the production build, against three baselines measured in the same run — a bare Node.js
// redirect server, Next's own middleware ceiling (a constant redirect, no lookup, no logging), and
// the naive design in the same middleware (lib/bench/naive-redirect.ts: a Prisma lookup and a
// Prisma insert per request, the design stack-notes.md measured at ≈ 250 req/s) — and
// a durability check (every 302 answered has its click stored). Prints a table, the ratios and
// issue 8's targets (≥ 80 % of the ceiling, ≥ 6× naive, p99 ≤ 25 ms at 10 connections), and
// appends them to docs/benchmarks.md.
//
// Needs a production build (`npm run build`). Options: BENCH_SECONDS (default 10),
// BENCH_CONNECTIONS (default "10,50"), BENCH_DURABILITY_REQUESTS (default 20000), BENCH_APPEND=0 to print only.
import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { runningEmbeddedUrl } from "../../lib/db/embedded";
import { createBenchLink, machineLine, report, startApp, waitFor } from "./app";

const root = path.resolve(import.meta.dirname, "../..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? "10,50").split(",").map(Number);
const PORT = 3190;
const DURABILITY_REQUESTS = Number(process.env.BENCH_DURABILITY_REQUESTS ?? 20_000);
const BARE_PORT = 3191;
const API_KEY = "cp_bench_key_0123456789abcdefghij";
const UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

type Row = { name: string; connections: number; rps: number; p50: number; p99: number; redirects: number; errors: number };

async function load(url: string, connections: number, seconds = SECONDS, amount?: number): Promise<Row> {
  const limit = amount ? { amount } : { duration: seconds };
  const result = await autocannon({ url, connections, ...limit, headers: { "user-agent": UA }, pipelining: 1 });
  return {
    name: url,
    connections,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    redirects: result["3xx"],
    errors: result.errors + result.timeouts + result.non2xx - result["3xx"],
  };
}

function bareServer(): Promise<http.Server> {
  const links = new Map([["bench", "https://example.com/landing"]]);
  const server = http.createServer((req, res) => {
    const target = links.get((req.url ?? "/").slice(1));
    res.writeHead(target ? 302 : 404, target ? { location: target } : {});
    res.end();
  });
  return new Promise((resolve) => server.listen(BARE_PORT, "127.0.0.1", () => resolve(server)));
}

async function main(): Promise<void> {
  await fs.access(path.join(root, ".next/BUILD_ID")).catch(() => {
    throw new Error("no production build: run `npm run build` first");
  });
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "clickproof-bench-"));
  const bare = await bareServer();
  const app = startApp(dataDir, PORT, API_KEY);
  const base = `http://127.0.0.1:${PORT}`;
  try {
    await waitFor(`${base}/api/health`);
    const link = await createBenchLink(base, API_KEY, "bench");
    // The naive baseline's own link: its slow requests still in flight never reach the durability count.
    await createBenchLink(base, API_KEY, "naive");
    const databaseUrl = await runningEmbeddedUrl(dataDir);
    if (!databaseUrl) throw new Error("the app's embedded database is not running");
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const storedClicks = async () => Number((await db.query(`SELECT count(*) FROM "Click" WHERE "linkId" = $1`, [link.id])).rows[0].count);

    // Warm up every path (JIT, caches, the GeoIP reader, the daily salt).
    await load(`${base}/bench`, 10, 3);
    await load(`${base}/bench-ceiling`, 10, 2);
    await load(`${base}/bench-naive/naive`, 10, 2);

    const rows: Row[] = [];
    for (const connections of CONNECTIONS) {
      rows.push({ ...(await load(`http://127.0.0.1:${BARE_PORT}/bench`, connections)), name: "bare Node http, 302 from a Map" });
      rows.push({ ...(await load(`${base}/bench-ceiling`, connections)), name: "Next middleware, constant 302 (ceiling)" });
      rows.push({ ...(await load(`${base}/bench`, connections)), name: "Clickproof: lookup + durable click" });
      rows.push({ ...(await load(`${base}/bench-naive/naive`, connections)), name: "naive: Prisma lookup + insert per request, same middleware" });
    }

    // Durability: a fixed number of requests, every response awaited (a timed run stops with
    // requests in flight whose answers it never counts), then 302s answered = clicks stored.
    // Let the requests the timed runs left in flight finish first.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const before = await storedClicks();
    const durability = await load(`${base}/bench`, 50, SECONDS, DURABILITY_REQUESTS);
    const answered = durability.redirects;
    const stored = (await storedClicks()) - before;
    await db.end();

    const row = (connections: number, prefix: string) => rows.find((r) => r.connections === connections && r.name.startsWith(prefix));
    const ofCeiling = (connections: number) => {
      const app = row(connections, "Clickproof");
      const ceiling = row(connections, "Next");
      return app && ceiling ? app.rps / ceiling.rps : null;
    };
    const timesNaive = (connections: number) => {
      const app = row(connections, "Clickproof");
      const naiveRow = row(connections, "naive");
      return app && naiveRow && naiveRow.rps > 0 ? app.rps / naiveRow.rps : null;
    };
    const percent = (value: number | null) => (value === null ? "n/a" : `${Math.round(value * 100)}%`);
    const times = (value: number | null) => (value === null ? "n/a" : `${value.toFixed(1)}×`);
    /** "met" only when met at every connection count measured. */
    const target = (what: string, value: (c: number) => number | null, floor: number, show: (v: number | null) => string) => {
      const each = CONNECTIONS.map((c) => ({ c, v: value(c) }));
      const met = each.every(({ v }) => v !== null && v >= floor);
      return `- target ${what}: ${met ? "met" : "NOT met"} (${each.map(({ c, v }) => `${show(v)} at ${c}`).join(", ")})`;
    };
    const p99At10 = row(10, "Clickproof")?.p99;
    const p99Target =
      p99At10 === undefined
        ? "- target p99 ≤ 25 ms at 10 connections: not measured (BENCH_CONNECTIONS has no 10)"
        : `- target p99 ≤ 25 ms at 10 connections: ${p99At10 <= 25 ? "met" : "NOT met"} (${p99At10} ms)`;
    const table = [
      "| what answers the redirect | connections | req/s | p50 ms | p99 ms | 302s | errors |",
      "|---|---|---|---|---|---|---|",
      ...rows.map((r) => `| ${r.name} | ${r.connections} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.redirects} | ${r.errors} |`),
    ].join("\n");
    const summary = [
      ...CONNECTIONS.map((c) => `- at ${c} connections Clickproof runs at ${percent(ofCeiling(c))} of the framework ceiling and is ${times(timesNaive(c))} the naive design`),
      `- durability (${DURABILITY_REQUESTS.toLocaleString("en-US")} requests at 50 connections): ${answered} redirects answered, ${stored} clicks stored — ${answered === stored && durability.errors === 0 ? "exact" : `MISMATCH (${stored - answered}, ${durability.errors} errors)`}`,
      target("Clickproof ≥ 80% of the framework ceiling", ofCeiling, 0.8, percent),
      target("Clickproof ≥ 6× the naive design", timesNaive, 6, times),
      p99Target,
    ].join("\n");
    await report("redirects", machineLine(), `\`npm run bench\` (autocannon, ${SECONDS} s per row, pipelining 1, normal browser user agent).`, `${table}\n\n${summary}`);
    if (answered !== stored || durability.errors > 0) process.exitCode = 1;
  } catch (error) {
    console.error(app.logs().slice(-4000));
    throw error;
  } finally {
    app.child.kill("SIGTERM");
    bare.close();
    await new Promise((resolve) => app.child.once("exit", resolve));
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
