// The environment is checked as a whole, with one line per variable that is missing or wrong,
// so a misconfigured deployment says exactly what to fix when it boots.
import { afterEach, describe, expect, it } from "vitest";
import { getEnv, resetEnvForTests } from "@/lib/env";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

function problems(env: Record<string, string>): string {
  process.env = { ...saved, ...env };
  resetEnvForTests();
  try {
    getEnv();
    return "";
  } catch (error) {
    return (error as Error).message;
  }
}

describe("getEnv", () => {
  it("names every malformed or missing variable, one line each", () => {
    const message = problems({
      DATABASE_URL: "not a url",
      REDIS_URL: "http://cache:6379",
      LINK_CACHE_TTL_SECONDS: "a minute",
    });
    expect(message.split("\n")[0]).toBe("Invalid environment:");
    expect(message).toContain("  DATABASE_URL: must be a postgresql:// URL");
    expect(message).toContain("  REDIS_URL: must be a redis:// or rediss:// URL");
    expect(message).toMatch(/ {2}LINK_CACHE_TTL_SECONDS: /);
    expect(message.split("\n")).toHaveLength(4);
  });

  it("checks variables that only make sense together", () => {
    const valid = { DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db", REDIS_URL: "", LINK_CACHE_TTL_SECONDS: "" };
    expect(problems({ ...valid, STRIPE_SECRET_KEY: "sk_test_x", STRIPE_WEBHOOK_SECRET: "" })).toBe(
      "Invalid environment:\n  STRIPE_WEBHOOK_SECRET: is required with STRIPE_SECRET_KEY: plans change only through signed webhook events",
    );
  });

  it("accepts a complete environment and fills in the defaults", () => {
    expect(problems({ DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db", REDIS_URL: "", STRIPE_SECRET_KEY: "", LINK_CACHE_TTL_SECONDS: "" })).toBe("");
    expect(getEnv()).toMatchObject({ DATA_DIR: expect.any(String), CLICK_BATCH_WINDOW_MS: 0 });
  });
});
