// Scale-out: two instances of the app on one database. A link edited through one is served
// updated by the other well before its cache entry would expire (the invalidation bus: LISTEN/
// NOTIFY on the database by default, Redis pub/sub with REDIS_URL), and clicks answered by both
// add up exactly.
import path from "node:path";
import { expect, test, type APIRequestContext, type TestInfo } from "@playwright/test";
import { runningEmbeddedUrl } from "../../lib/db/embedded";
import { startRedisServer } from "../../lib/testing/redis-server";
import { startAppInstance, type AppInstance } from "../support/app-instance";
import { DATA_DIR_RELATIVE, DEMO_API_KEY, DESKTOP_CHROME_UA, LOOPBACK_URL, TMP_DIR } from "../support/env";
import { uniqueSuffix } from "../support/helpers";

const auth = { authorization: `Bearer ${DEMO_API_KEY}` };

async function sharedDatabase(): Promise<Record<string, string>> {
  const dataDir = path.resolve(TMP_DIR, "..", "..", DATA_DIR_RELATIVE);
  const url = await runningEmbeddedUrl(dataDir);
  if (!url) throw new Error("the suite's embedded database is not running");
  // the same data directory: the same AUTH_SECRET (scripts/app-env.ts), no second embedded server
  return { DATABASE_URL: url, DATA_DIR: dataDir, APP_URL: "", SHORT_DOMAIN: "" };
}

/** Edits through `editor`, watches `server`; every 302 either answers is counted. */
async function editAndCount(request: APIRequestContext, editor: string, server: string, testInfo: TestInfo) {
  let answered = 0;
  const visit = async (base: string, slug: string) => {
    const response = await request.get(`${base}/${slug}`, { headers: { "User-Agent": DESKTOP_CHROME_UA }, maxRedirects: 0 });
    expect(response.status()).toBe(302);
    answered += 1;
    return response.headers()["location"] ?? "";
  };

  const slug = `scale-${uniqueSuffix()}`;
  const created = await request.post(`${editor}/api/v1/links`, { headers: auth, data: { url: "https://shop.example/before", slug } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  // The other instance caches the link as it is now.
  for (let i = 0; i < 3; i++) expect(await visit(server, slug)).toMatch(/^https:\/\/shop\.example\/before/);

  const patched = await request.patch(`${editor}/api/v1/links/${id}`, { headers: auth, data: { url: "https://shop.example/after" } });
  expect(patched.status()).toBe(200);
  const editedAt = Date.now();
  // Far below the cache's 60 s TTL: only the invalidation bus can make this pass.
  await expect.poll(() => visit(server, slug), { timeout: 5_000, intervals: [20] }).toMatch(/^https:\/\/shop\.example\/after/);
  testInfo.annotations.push({ type: "edit visible on the other instance after", description: `${Date.now() - editedAt} ms` });

  // Clicks through both at once add up exactly.
  await Promise.all(Array.from({ length: 60 }, (_, i) => visit(i % 2 ? server : editor, slug)));
  const totals = await request.get(`${server}/api/v1/analytics?linkId=${id}`, { headers: auth });
  expect(totals.status()).toBe(200);
  expect(((await totals.json()) as { clicks: number }).clicks).toBe(answered);
}

test.describe("two instances on one database", () => {
  test.describe.configure({ mode: "serial" });

  test("without Redis: edits travel over LISTEN/NOTIFY, clicks add up", async ({ request }, testInfo) => {
    test.setTimeout(90_000);
    const other = await startAppInstance(3121, await sharedDatabase());
    try {
      await editAndCount(request, LOOPBACK_URL, other.url, testInfo);
      await editAndCount(request, other.url, LOOPBACK_URL, testInfo);
    } finally {
      await other.stop();
    }
  });

  test("with REDIS_URL: edits travel over Redis pub/sub, clicks add up", async ({ request }, testInfo) => {
    test.setTimeout(120_000);
    const redis = await startRedisServer();
    const env = { ...(await sharedDatabase()), REDIS_URL: redis.url };
    const instances: AppInstance[] = [];
    try {
      // both start at once; whichever started is stopped below even if the other failed
      const started = await Promise.allSettled([startAppInstance(3122, env), startAppInstance(3123, env)]);
      for (const result of started) if (result.status === "fulfilled") instances.push(result.value);
      for (const result of started) if (result.status === "rejected") throw result.reason;
      const [one, two] = instances as [AppInstance, AppInstance];
      await editAndCount(request, one.url, two.url, testInfo);
      await editAndCount(request, two.url, one.url, testInfo);
    } finally {
      await Promise.all(instances.map((instance) => instance.stop()));
      await redis.stop();
    }
  });
});
