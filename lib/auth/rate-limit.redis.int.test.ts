// Sign-in limits shared through a real redis-server: two app instances spend one budget per
// account, so an attacker gains nothing by spreading guesses over the instances; without Redis
// each counts alone; when Redis goes away sign-in keeps working, counted in process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumeSignInAttempt, createAuthLimiters, setAuthLimitersForTests, type AuthLimiters } from "@/lib/auth/rate-limit";
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

/** One attempt on the given instance (its limiters in place, as in that process). */
function attemptOn(instance: AuthLimiters, email: string, ip: string) {
  setAuthLimitersForTests(instance);
  return outcome(consumeSignInAttempt(email, ip));
}

describe("sign-in limits through Redis", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    setAuthLimitersForTests(undefined);
    await redis?.stop();
  });

  it("two instances share one budget per account and address", async () => {
    const one = createAuthLimiters({ redisUrl: redis.url, keyPrefix: "shared" });
    const two = createAuthLimiters({ redisUrl: redis.url, keyPrefix: "shared" });
    await Promise.all([one.ready, two.ready]);
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await attemptOn(i % 2 ? two : one, "victim@x.test", "10.9.0.1"));
    expect(results).toEqual(["ok", "ok", "ok", "ok", "ok", "limited", "limited"]);
    expect(await attemptOn(two, "someone-else@x.test", "10.9.0.1")).toBe("ok");
    await Promise.all([one.close(), two.close()]);
  });

  it("without Redis each instance counts on its own (why REDIS_URL matters with several)", async () => {
    const one = createAuthLimiters({ keyPrefix: "alone" });
    const two = createAuthLimiters({ keyPrefix: "alone" });
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await attemptOn(i % 2 ? two : one, "victim@x.test", "10.9.0.1"));
    expect(results.filter((r) => r === "ok")).toHaveLength(7);
  });

  it("keeps limiting, in process, when Redis stops", async () => {
    const instance = createAuthLimiters({ redisUrl: redis.url, keyPrefix: "outage" });
    await instance.ready;
    expect(await attemptOn(instance, "o@x.test", "10.9.0.2")).toBe("ok");
    await redis.stop();
    const during = [];
    for (let i = 0; i < 6; i++) during.push(await attemptOn(instance, "o@x.test", "10.9.0.2"));
    expect(during).toEqual(["ok", "ok", "ok", "ok", "ok", "limited"]); // the insurance has its own budget of 5
    await instance.close();
  });
});
