// Issue 8's durability and crash checks, small and deterministic: the timed versions are
// `npm run bench:redirects` and `npm run bench:crash`; here only what holds whatever the timing.
// A click is committed before its 302 is sent, so every 302 answered is a click counted, and
// killing the app mid-load can only lose clicks of visits that never got their 302.
import { expect, test } from "@playwright/test";
import path from "node:path";
import { RedirectLoad, runCrashScenario } from "../../scripts/bench/crash-scenario";
import { removeDataDir } from "../../scripts/bench/processes";
import { DEMO_API_KEY, DESKTOP_CHROME_UA, LOOPBACK_URL, TMP_DIR } from "../support/env";
import { bearer, uniqueSuffix, type ApiLink } from "../support/helpers";

/**
 * The crash test's own app, one port per parallel worker (3117, 3118 with the suite's two), so
 * copies running together (--repeat-each) never meet. The suite's app on 3107 is shared and must
 * never be killed.
 */
const CRASH_APP_PORT = 3117;

test("300 visits, 20 at a time, on the shared app: as many clicks counted as 302s answered", async ({ request }) => {
  test.setTimeout(120_000);
  const slug = `durable-${uniqueSuffix()}`;
  const created = await request.post("/api/v1/links", { headers: bearer(), data: { url: "https://shop.example.com/durable", slug } });
  expect(created.status()).toBe(201);
  const link = (await created.json()) as ApiLink;

  const load = new RedirectLoad(`${LOOPBACK_URL}/${slug}`, { workers: 20, requests: 300, userAgent: DESKTOP_CHROME_UA });
  await load.finished;
  expect(load.tally.otherAnswers, "answers other than a 302 with a click id, by status").toEqual({});
  expect(load.tally.failed, "requests that failed").toBe(0);
  expect(load.tally.answered).toHaveLength(300);
  expect(new Set(load.tally.answered).size, "every visit has its own click id").toBe(300);

  // Every 302 was sent after its click committed: nothing to wait for.
  const analytics = await request.get(`/api/v1/analytics?linkId=${link.id}`, { headers: bearer() });
  expect(analytics.status()).toBe(200);
  expect(await analytics.json()).toMatchObject({ linkId: link.id, clicks: load.tally.answered.length, filteredClicks: 0 });
});

test("SIGKILL mid-load, restart on the same database: no answered click missing, none stored twice", async () => {
  // Its own embedded PostgreSQL (seeded), its own app started, killed and started again.
  test.setTimeout(180_000);
  const dataDir = path.join(TMP_DIR, `crash-${uniqueSuffix()}`);
  try {
    const report = await runCrashScenario({
      dataDir,
      port: CRASH_APP_PORT + test.info().parallelIndex,
      apiKey: DEMO_API_KEY,
      workers: 20,
      loadMs: 2_000,
      // the kill waits for these, so it always lands on a loaded app
      minAnswered: 50,
      afterRestart: 50,
    });
    const { tally, check } = report;
    test.info().annotations.push({
      type: "crash",
      description: `${tally.answered.length} answered, ${check.stored} stored, ${report.inFlightAtKill} in flight at the kill, ${check.missing.length} missing`,
    });
    expect(tally.answered.length).toBeGreaterThanOrEqual(50);
    expect(check.missing, "click ids of answered 302s not in the Click table").toEqual([]);
    expect(check.answeredTwice, "click ids answered twice").toBe(0);
    expect(check.storedTwice, "click ids stored twice").toBe(0);
    // A stored click no 302 carried can only be a visit that got none (in flight at the kill).
    expect(check.storedUnanswered).toBeLessThanOrEqual(tally.sent - tally.answered.length);
    // The restarted app serves and records again.
    expect(report.afterRestart.tally.answered).toHaveLength(50);
    expect(report.afterRestart.check.missing).toEqual([]);
  } finally {
    await removeDataDir(dataDir);
  }
});
