// Rate limits shared through a real redis-server: two app instances (two limiters, two
// connections) spend one budget per key; without Redis each instance counts alone; when Redis
// goes away the API keeps answering, counted in process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiRateLimiter } from "@/lib/api/rate-limit";
import { startRedisServer, type RedisServer } from "@/lib/testing/redis-server";

async function outcome(promise: Promise<unknown>): Promise<"ok" | "limited"> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if ((error as { code?: string }).code === "rate_limited") return "limited";
    throw error;
  }
}

describe("API rate limits through Redis", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it("two instances share one budget per key", async () => {
    const one = createApiRateLimiter({ redisUrl: redis.url, points: 4, windowSeconds: 60, keyPrefix: "shared" });
    const two = createApiRateLimiter({ redisUrl: redis.url, points: 4, windowSeconds: 60, keyPrefix: "shared" });
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await outcome((i % 2 ? two : one).consume("key:k1", 600)));
    expect(results).toEqual(["ok", "ok", "ok", "ok", "limited", "limited"]);
    expect(await outcome(two.consume("key:k2", 600))).toBe("ok"); // another key, its own budget
    await Promise.all([one.close(), two.close()]);
  });

  it("without Redis each instance counts on its own (which is why REDIS_URL matters with several)", async () => {
    const one = createApiRateLimiter({ points: 4, keyPrefix: "alone" });
    const two = createApiRateLimiter({ points: 4, keyPrefix: "alone" });
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await outcome((i % 2 ? two : one).consume("key:k1", 600)));
    expect(results).toEqual(["ok", "ok", "ok", "ok", "ok", "ok"]);
  });

  it("keeps answering, counted in process, when Redis stops", async () => {
    const limiter = createApiRateLimiter({ redisUrl: redis.url, points: 2, keyPrefix: "outage" });
    expect(await outcome(limiter.consume("key:k3", 600))).toBe("ok");
    await redis.stop();
    const during = [];
    for (let i = 0; i < 3; i++) during.push(await outcome(limiter.consume("key:k3", 600)));
    expect(during).toEqual(["ok", "ok", "limited"]); // the in-process insurance has its own budget of 2
    await limiter.close();
  });
});
