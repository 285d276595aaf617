// The invalidation bus between app instances, over both transports: PostgreSQL LISTEN/NOTIFY (the
// test database) and Redis pub/sub (a real redis-server). Two buses stand for two instances.
import { spawnSync } from "node:child_process";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/lib/testing/db";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { startRedisServer } from "@/lib/testing/redis-server";
import { createInvalidationBus, type Invalidation, type InvalidationBus } from "@/lib/cache/invalidation-bus";

const databaseUrl = connectTestDatabase();
const { getPool } = await import("@/lib/db");

type Instance = { bus: InvalidationBus; received: Invalidation[]; missed: number };
const open: InvalidationBus[] = [];

function instance(transport: { redisUrl?: string; databaseUrl?: string }): Instance {
  const received: Invalidation[] = [];
  let missed = 0;
  const bus = createInvalidationBus({ ...transport, onMessage: (m) => received.push(m), onMissed: () => (missed += 1), log: () => undefined });
  open.push(bus);
  return {
    bus,
    received,
    get missed() {
      return missed;
    },
  };
}

async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((bus) => bus.close()));
});

type SetUp = () => Promise<{ transport: { redisUrl?: string; databaseUrl?: string }; stop: () => Promise<void> }>;
const overPostgres: SetUp = async () => ({ transport: { databaseUrl }, stop: async () => undefined });
const overRedis: SetUp = async () => {
  const redis = await startRedisServer();
  return { transport: { redisUrl: redis.url }, stop: () => redis.stop() };
};

describe.each([
  ["PostgreSQL LISTEN/NOTIFY", overPostgres],
  ["Redis pub/sub", overRedis],
])("over %s", (_name, setUp) => {
  it("brings one instance's invalidations to the others, not back to itself", async () => {
    const { transport, stop } = await setUp();
    const one = instance(transport);
    const two = instance(transport);
    const three = instance(transport);
    await Promise.all([one.bus.ready, two.bus.ready, three.bus.ready]);
    one.bus.publish({ cache: "linkCache", key: "/maya" });
    one.bus.publish({ cache: "domainCache", workspaceId: "w1" });
    await until(() => two.received.length === 2 && three.received.length === 2, "both other instances");
    expect(two.received).toEqual([
      { cache: "linkCache", key: "/maya" },
      { cache: "domainCache", workspaceId: "w1" },
    ]);
    two.bus.publish({ cache: "linkCache", key: "go.brand.com/sam" });
    await until(() => one.received.length === 1 && three.received.length === 3, "the reply");
    expect(one.received).toEqual([{ cache: "linkCache", key: "go.brand.com/sam" }]);
    expect(two.received).toHaveLength(2); // never its own
    await stop();
  });

  it("`npm run plan` tells the running instances: the workspace's links and domains are forgotten", async () => {
    const { transport, stop } = await setUp();
    const listening = instance(transport);
    await listening.bus.ready;
    const { workspace } = await makeWorkspace("Plan CLI", "free");
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/plan.ts", workspace.slug, "team"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: transport.redisUrl ?? "" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("running instances told");
    await until(() => listening.received.length === 2, "the plan change");
    expect(listening.received).toEqual([
      { cache: "linkCache", workspaceId: workspace.id },
      { cache: "domainCache", workspaceId: workspace.id },
    ]);
    await stop();
  });

  it("sends a bulk edit's invalidations together, every one of them", async () => {
    const { transport, stop } = await setUp();
    const one = instance(transport);
    const two = instance(transport);
    await Promise.all([one.bus.ready, two.bus.ready]);
    const keys = Array.from({ length: 3_000 }, (_, i) => `/creator-${i}-${"x".repeat(i % 40)}`);
    for (const key of keys) one.bus.publish({ cache: "linkCache", key });
    await until(() => two.received.length === keys.length, "3,000 invalidations");
    expect(two.received.map((m) => ("key" in m ? m.key : null))).toEqual(keys);
    await stop();
  });
});

describe("losing the connection", () => {
  it("PostgreSQL: terminated connections come back; the listeners clear their caches, and what is published after arrives", async () => {
    const one = instance({ databaseUrl });
    const two = instance({ databaseUrl });
    await Promise.all([one.bus.ready, two.bus.ready]);
    one.bus.publish({ cache: "linkCache", key: "/before" }); // opens one's NOTIFY connection
    await until(() => two.received.length === 1, "a first message");
    const { rowCount } = await getPool().query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE (query = 'LISTEN clickproof_cache' OR query LIKE 'SELECT pg_notify%') AND pid <> pg_backend_pid()`,
    );
    expect(rowCount).toBeGreaterThanOrEqual(3); // two listeners and one's sender
    await until(() => one.missed === 1 && two.missed === 1, "both listeners back");
    one.bus.publish({ cache: "linkCache", key: "/after" });
    await until(() => two.received.length === 2, "a message after the reconnect");
    expect(two.received).toEqual([
      { cache: "linkCache", key: "/before" },
      { cache: "linkCache", key: "/after" },
    ]);
  });

  it("Redis: what is published while Redis is away is sent when it is back; the subscribers clear their caches", async () => {
    const redis = await startRedisServer();
    const one = instance({ redisUrl: redis.url });
    const two = instance({ redisUrl: redis.url });
    await Promise.all([one.bus.ready, two.bus.ready]);
    await redis.stop();
    one.bus.publish({ cache: "linkCache", key: "/while-away" });
    const again = await startRedisServer(redis.port);
    await until(() => two.missed >= 1, "the subscription back", 15_000);
    await until(() => two.received.length === 1, "the message kept while away", 15_000);
    expect(two.received).toEqual([{ cache: "linkCache", key: "/while-away" }]);
    await again.stop();
  });

  it("Redis: too much to keep while away becomes one \"clear everything\"", async () => {
    const redis = await startRedisServer();
    const one = instance({ redisUrl: redis.url });
    const two = instance({ redisUrl: redis.url });
    await Promise.all([one.bus.ready, two.bus.ready]);
    await redis.stop();
    for (let i = 0; i < 40_000; i++) one.bus.publish({ cache: "linkCache", key: `/bulk-${i}` });
    await new Promise((resolve) => setTimeout(resolve, 50)); // the tick's flush overflows the outbox
    const again = await startRedisServer(redis.port);
    await until(() => two.missed >= 2, "the reconnect and the clear-everything", 15_000);
    expect(two.received).toEqual([]);
    await again.stop();
  });
});

afterAll(async () => {
  await Promise.all(open.splice(0).map((bus) => bus.close()));
});
