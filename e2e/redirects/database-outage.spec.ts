// The database goes down under a running app and comes back (issue 9, faults): cached links keep
// redirecting (past their cache TTL too), their clicks wait in the local spool, /api/health says "degraded", the API
// answers 503 with Retry-After, and once the database is back the spool is replayed without a restart — no answered
// click lost, none twice.
// Its own app and its own embedded PostgreSQL, stopped and started again on the same port.
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { createBenchLink } from "../../scripts/bench/app";
import { checkClicks, RedirectLoad } from "../../scripts/bench/crash-scenario";
import { removeDataDir, startAppGroup, startSeededDatabase, stopAppGroup, waitForApp, type AppGroup } from "../../scripts/bench/processes";
import { DEMO_API_KEY, DESKTOP_CHROME_UA, TMP_DIR } from "../support/env";
import { uniqueSuffix } from "../support/helpers";

/** One port per parallel worker, clear of the suite's app (3107) and the crash spec's (3117+). */
const OUTAGE_APP_PORT = 3127;

type Health = { status: string; database: { ok: boolean }; clicks: { spooled: number } };

test("database down: cached links still redirect, clicks are spooled and replayed when it is back", async () => {
  test.setTimeout(180_000);
  const dataDir = path.join(TMP_DIR, `outage-${uniqueSuffix()}`);
  let database = await startSeededDatabase(dataDir, DEMO_API_KEY);
  const port = Number(new URL(database.url).port);
  let app: AppGroup | null = null;
  try {
    // a 1-second cache: the outage outlasts every cached entry, which must keep answering anyway
    app = startAppGroup({ port: OUTAGE_APP_PORT + test.info().parallelIndex, databaseUrl: database.url, dataDir, env: { LINK_CACHE_TTL_SECONDS: "1" } });
    await waitForApp(app);
    const health = async () => (await (await fetch(`${app!.base}/api/health`)).json()) as Health;
    const link = await createBenchLink(app.base, DEMO_API_KEY, "outage");
    const warm = new RedirectLoad(`${app.base}/outage`, { workers: 1, requests: 3, userAgent: DESKTOP_CHROME_UA });
    await warm.finished; // the link and the day's visitor salt are now in the app's memory
    expect(warm.tally.answered).toHaveLength(3);

    await database.stop();
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // past the cached link's TTL
    const during = new RedirectLoad(`${app.base}/outage`, { workers: 10, requests: 100, userAgent: DESKTOP_CHROME_UA });
    await during.finished;
    expect(during.tally.otherAnswers, "answers other than a 302 with a click id").toEqual({});
    expect(during.tally.answered).toHaveLength(100);
    const down = await fetch(`${app.base}/api/health`);
    expect(down.status).toBe(200); // still in rotation: it serves cached links
    expect(await down.json()).toMatchObject({ status: "degraded", database: { ok: false }, clicks: { spooled: 100 } });
    // the API cannot serve without it: 503 with when to come back, in its error shape — never a 500
    const api = await fetch(`${app.base}/api/v1/links`, { headers: { authorization: `Bearer ${DEMO_API_KEY}` } });
    expect(api.status).toBe(503);
    expect(api.headers.get("retry-after")).toBe("5");
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe("unavailable");

    // Back on the same port; the app recovers by itself.
    const restarted = await startEmbeddedPostgres({ dataDir, port });
    database = { url: restarted.url, stop: restarted.stop };
    await expect.poll(async () => (await health()).status, { timeout: 30_000 }).toBe("ok");
    expect(await health()).toMatchObject({ database: { ok: true }, clicks: { spooled: 0 } });

    const answered = [...warm.tally.answered, ...during.tally.answered];
    const check = await checkClicks(database.url, link.id, answered);
    expect(check.missing, "answered clicks missing").toEqual([]);
    expect(check.storedTwice + check.answeredTwice).toBe(0);
    expect(check.stored).toBe(103);
  } finally {
    if (app) await stopAppGroup(app);
    await database.stop().catch(() => undefined);
    await removeDataDir(dataDir);
  }
});
