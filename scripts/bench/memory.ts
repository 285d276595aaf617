// `npm run bench:memory` (not part of `npm run bench`: it takes BENCH_MEMORY_MINUTES, 10 by
// default): sustained redirect load on the production build at 10 connections, sampling the
// resident memory (VmRSS) of the Next.js server process every 10 s. A leak on the redirect path
// (caches, the click writer's queue, per-request closures) shows as RSS that keeps growing after
// the warm-up; the target is < 10 % growth from the end of the first minute to the end.
// Prints a table and appends it to docs/benchmarks.md.
//
// Needs a production build (`npm run build`). Options: BENCH_MEMORY_MINUTES (≥ 2, default 10).
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createBenchLink, machineLine, report, startApp, waitFor } from "./app";
import { findNextServer, rssKiB } from "./processes";

const root = path.resolve(import.meta.dirname, "../..");
const MINUTES = Number(process.env.BENCH_MEMORY_MINUTES ?? 10);
const CONNECTIONS = 10;
const SAMPLE_MS = 10_000;
const WARM_UP_MS = 60_000;
const PORT = 3194;
const API_KEY = "cp_bench_memory_key_0123456789abcdef";
const UA = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

type Sample = { atMs: number; rssKiB: number; requests: number };

const mib = (kib: number) => (kib / 1024).toFixed(1);

async function main(): Promise<void> {
  if (!(MINUTES >= 2)) throw new Error("BENCH_MEMORY_MINUTES must be at least 2 (one minute of warm-up, then the run)");
  await fs.access(path.join(root, ".next/BUILD_ID")).catch(() => {
    throw new Error("no production build: run `npm run build` first");
  });
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "clickproof-bench-memory-"));
  const app = startApp(dataDir, PORT, API_KEY);
  const base = `http://127.0.0.1:${PORT}`;
  try {
    await waitFor(`${base}/api/health`);
    await createBenchLink(base, API_KEY, "bench");
    const server = app.child.pid ? await findNextServer(app.child.pid) : null;
    if (!server) throw new Error("the Next.js server process was not found below the launcher");
    const idle = await rssKiB(server);

    // Responses so far, so each sample says how much work the memory it shows has seen.
    let requests = 0;
    const samples: Sample[] = [];
    const started = Date.now();
    const options = { url: `${base}/bench`, connections: CONNECTIONS, duration: MINUTES * 60, headers: { "user-agent": UA }, pipelining: 1 };
    const run = new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(options, (error: unknown, result) => (error ? reject(error) : resolve(result)));
      instance.on("response", () => requests++);
    });
    const sampler = setInterval(() => {
      void rssKiB(server).then((rss) => {
        if (rss !== null) samples.push({ atMs: Date.now() - started, rssKiB: rss, requests });
      });
    }, SAMPLE_MS);
    const result = await run;
    clearInterval(sampler);
    const last = await rssKiB(server);
    if (last === null) throw new Error(`the Next.js server (pid ${server}) is gone:\n${app.logs().slice(-4000)}`);
    samples.push({ atMs: Date.now() - started, rssKiB: last, requests });

    // The sample nearest the end of the warm-up minute is the reference.
    const warm = samples.reduce((best, s) => (Math.abs(s.atMs - WARM_UP_MS) < Math.abs(best.atMs - WARM_UP_MS) ? s : best));
    const max = Math.max(...samples.map((s) => s.rssKiB));
    const maxAfterWarm = Math.max(...samples.filter((s) => s.atMs >= warm.atMs).map((s) => s.rssKiB));
    const growth = ((last - warm.rssKiB) / warm.rssKiB) * 100;
    // Minute i ends at the last sample taken by i × 60 s (give or take the timer's drift).
    const upTo = (minute: number) => samples.filter((s) => s.atMs <= minute * 60_000 + SAMPLE_MS / 2);
    const perMinute = Array.from({ length: MINUTES }, (_, i) => {
      const before = upTo(i);
      const inMinute = upTo(i + 1).slice(before.length);
      const end = inMinute.at(-1);
      if (!end) return null;
      const rps = Math.round((end.requests - (before.at(-1)?.requests ?? 0)) / ((end.atMs - (before.at(-1)?.atMs ?? 0)) / 1000));
      return { minute: i + 1, end, max: Math.max(...inMinute.map((s) => s.rssKiB)), rps };
    }).filter((row) => row !== null);

    const table = [
      "| minute | RSS at its end MiB | max in the minute MiB | req/s in the minute | responses so far |",
      "|---|---|---|---|---|",
      ...perMinute.map((r) => `| ${r.minute} | ${mib(r.end.rssKiB)} | ${mib(r.max)} | ${r.rps} | ${r.end.requests} |`),
    ].join("\n");
    const met = growth < 10;
    const summary = [
      `- RSS of the Next.js server: ${idle === null ? "n/a" : mib(idle)} MiB idle before the load, ${mib(warm.rssKiB)} MiB after the 1-minute warm-up, ${mib(last)} MiB at the end, ${mib(max)} MiB at most (${mib(maxAfterWarm)} after the warm-up)`,
      `- growth after the warm-up: ${growth >= 0 ? "+" : ""}${growth.toFixed(1)} % — target < 10 %: ${met ? "met" : "NOT met"}`,
      `- load: ${result.requests.total} requests, ${result["3xx"]} redirects, ${result.errors + result.timeouts + result.non2xx - result["3xx"]} errors, ${Math.round(result.requests.average)} req/s on average, p99 ${result.latency.p99} ms`,
    ].join("\n");
    await report(
      "memory under sustained redirects",
      machineLine(),
      `\`BENCH_MEMORY_MINUTES=${MINUTES} npm run bench:memory\` (not part of \`npm run bench\`; production build, autocannon at ${CONNECTIONS} connections for ${MINUTES} min, normal browser user agent, VmRSS of the \`next start\` process every ${SAMPLE_MS / 1000} s).`,
      `${table}\n\n${summary}`,
    );
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
