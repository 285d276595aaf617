// The invalidation bus between app instances, over both transports: PostgreSQL LISTEN/NOTIFY (the
// test database) and Redis pub/sub (a real redis-server). Two buses stand for two instances.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/lib/testing/db";
import { startRedisServer } from "@/lib/testing/redis-server";
import { createInvalidationBus, type Invalidation, type InvalidationBus } from "@/lib/redirect/invalidation-bus";

const databaseUrl = connectTestDatabase();
const { getPool } = await import("@/lib/db");

type Instance = { bus: InvalidationBus; received: Invalidation[]; reconnects: number };
const open: InvalidationBus[] = [];

function instance(transport: { redisUrl?: string; databaseUrl?: string }): Instance {
  const received: Invalidation[] = [];
  let reconnects = 0;
  const bus = createInvalidationBus({ ...transport, onMessage: (m) => received.push(m), onReconnect: () => (reconnects += 1), log: () => undefined });
  open.push(bus);
  return {
    bus,
    received,
    get reconnects() {
      return reconnects;
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

describe("losing the subscription", () => {
  it("PostgreSQL: a terminated listener reconnects, reports it (caches are cleared) and receives again", async () => {
    const one = instance({ databaseUrl });
    const two = instance({ databaseUrl });
    await Promise.all([one.bus.ready, two.bus.ready]);
    const { rowCount } = await getPool().query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = $1 AND pid <> pg_backend_pid()`, ['LISTEN clickproof_cache']);
    expect(rowCount).toBeGreaterThanOrEqual(2);
    await until(() => one.reconnects === 1 && two.reconnects === 1, "both reconnects");
    one.bus.publish({ cache: "linkCache", key: "/after" });
    await until(() => two.received.length === 1, "a message after the reconnect");
    expect(two.received).toEqual([{ cache: "linkCache", key: "/after" }]);
  });

  it("Redis: a restarted server is resubscribed, reported, and carries messages again", async () => {
    const redis = await startRedisServer();
    const one = instance({ redisUrl: redis.url });
    const two = instance({ redisUrl: redis.url });
    await Promise.all([one.bus.ready, two.bus.ready]);
    await redis.stop();
    one.bus.publish({ cache: "linkCache", key: "/lost" }); // dropped: the TTL covers it, and the reconnect clears
    const again = await startRedisServer(redis.port);
    await until(() => two.reconnects === 1, "the reconnect", 10_000);
    // the publisher reconnects on its own schedule: publish until one arrives
    await until(
      () => {
        if (two.received.length === 0) one.bus.publish({ cache: "linkCache", key: "/after" });
        return two.received.length > 0;
      },
      "a message after the restart",
      10_000,
    );
    expect(two.received[0]).toEqual({ cache: "linkCache", key: "/after" });
    await again.stop();
  });
});

afterAll(async () => {
  await Promise.all(open.splice(0).map((bus) => bus.close()));
});
