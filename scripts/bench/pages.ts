// `npm run bench:pages`: server render time of the signed-in pages brands look at most — the
// campaign page and Compare (issue 20's "must not regress"), the links list — on the production
// build with the demo data, against the sign-in page measured in the same run (the framework and
// session floor). Requests one at a time; time to first byte (the shell, which streams once a
// section has a loading sketch) and to the last byte (the whole page rendered). Appends to
// docs/benchmarks.md.
//
// Needs a production build (`npm run build`). Options: BENCH_PAGE_REQUESTS (default 40), BENCH_APPEND=0.
import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { DEMO_USER } from "../../prisma/seed-data";
import { machineLine, report, startApp, waitFor } from "./app";

const root = path.resolve(import.meta.dirname, "../..");
const PORT = 3193;
const REQUESTS = Number(process.env.BENCH_PAGE_REQUESTS ?? 40);
const API_KEY = "cp_bench_key_0123456789abcdefghij";

type Timing = { status: number; ttfb: number; total: number; body: string };

/** One GET with the session cookie; times to the first and the last byte, in ms. */
function get(base: string, pathname: string, cookie: string): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const ms = () => Number(process.hrtime.bigint() - started) / 1e6;
    const request = http.get(`${base}${pathname}`, { headers: { cookie, "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36" } }, (response) => {
      let ttfb = -1;
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => {
        if (ttfb < 0) ttfb = ms();
        chunks.push(chunk);
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, ttfb: ttfb < 0 ? ms() : ttfb, total: ms(), body: Buffer.concat(chunks).toString() }));
    });
    request.on("error", reject);
  });
}

/** Signs the demo user in through Auth.js's credentials callback; the session cookie. */
async function signIn(base: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email: DEMO_USER.email, password: DEMO_USER.password }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c?.includes("session-token"));
  if (!session) throw new Error(`could not sign in as the demo (${response.status})`);
  return `${jar}; ${session}`;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

async function main(): Promise<void> {
  await fs.access(path.join(root, ".next/BUILD_ID")).catch(() => {
    throw new Error("no production build: run `npm run build` first");
  });
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "clickproof-bench-pages-"));
  const app = startApp(dataDir, PORT, API_KEY);
  const base = `http://127.0.0.1:${PORT}`;
  try {
    await waitFor(`${base}/api/health`, 120_000);
    const cookie = await signIn(base);
    const campaigns = (await (await fetch(`${base}/api/v1/campaigns`, { headers: { authorization: `Bearer ${API_KEY}` } })).json()) as { data: { id: string; name: string }[] };
    const spring = campaigns.data.find((c) => c.name === "Spring Drop");
    if (!spring) throw new Error("the demo's Spring Drop campaign is missing");
    const pages: [string, string, string][] = [
      ["sign-in page, signed out (baseline)", "/login", "Sign in"],
      ["links list", "/w/demo", "links-table"],
      ["campaign page (Overview)", `/w/demo/campaigns/${spring.id}`, 'data-creator="Maya Lopez"'],
      ["campaign Timing", `/w/demo/campaigns/${spring.id}/timing`, "timing-table"],
      ["Compare, all campaigns", "/w/demo/compare", 'data-creator="Maya Lopez"'],
    ];
    const rows: string[] = [];
    for (const [name, pathname, marker] of pages) {
      const jar = pathname === "/login" ? "" : cookie;
      for (let i = 0; i < 5; i++) await get(base, pathname, jar); // warm up
      const runs: Timing[] = [];
      for (let i = 0; i < REQUESTS; i++) runs.push(await get(base, pathname, jar));
      if (runs.every((r) => r.status === 404)) {
        rows.push(`| ${name} | n/a: not a page of this build | | | |`); // an older build, measured for comparison
        continue;
      }
      const bad = runs.filter((r) => r.status !== 200 || !r.body.includes(marker)).length;
      if (bad) throw new Error(`${pathname}: ${bad} of ${REQUESTS} answers were not the rendered page`);
      const ttfb = runs.map((r) => r.ttfb);
      const total = runs.map((r) => r.total);
      rows.push(`| ${name} | ${percentile(ttfb, 50).toFixed(1)} | ${percentile(ttfb, 90).toFixed(1)} | ${percentile(total, 50).toFixed(1)} | ${percentile(total, 90).toFixed(1)} |`);
    }
    const table = ["| page (demo data) | first byte p50 ms | p90 | whole page p50 ms | p90 |", "|---|---|---|---|---|", ...rows].join("\n");
    await report("page render times", machineLine(), `\`npm run bench:pages\` (${REQUESTS} sequential requests per page after 5 warm-up, production build, signed in as the demo).`, table);
  } catch (error) {
    console.error(app.logs().slice(-4000));
    throw error;
  } finally {
    app.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await fs.rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

await main();
