import { describe, expect, it } from "vitest";
import { utcDay, visitorHash as keyedHash, visitorHashKey } from "@/lib/clicks/visitor";

const KEY = "server-key";
const visitorHash = (ip: string | null, userAgent: string | null, salt: string) => keyedHash(ip, userAgent, salt, KEY);

describe("visitorHash", () => {
  it("is the hex HMAC-SHA256, under the server's key, of salt, ip and user agent joined by newlines", () => {
    // Expected value computed outside Node: printf 'pepper\n203.0.113.7\nMozilla/5.0' | openssl dgst -sha256 -hmac server-key
    expect(visitorHash("203.0.113.7", "Mozilla/5.0", "pepper")).toBe(
      "0363d9fcad4cf77b8cedf04b901a9581abd375ad9e9c6f7c09ccbe5b0a3039d4",
    );
  });

  it("treats a missing ip or user agent as the empty string", () => {
    // printf 'pepper\n\n' | openssl dgst -sha256 -hmac server-key
    expect(visitorHash(null, null, "pepper")).toBe("99b1acf0fe3b84ebcce894ad2c2f333a8df845221625fe6dddebedab62ae8880");
  });

  it("cannot be re-derived from what the database holds (the salt) without the key", () => {
    expect(keyedHash("203.0.113.7", "UA", "salt-1", "another-key")).not.toBe(visitorHash("203.0.113.7", "UA", "salt-1"));
  });

  it("never contains the raw address and changes with the salt, ip and user agent", () => {
    const base = visitorHash("203.0.113.7", "UA", "salt-1");
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(base).not.toContain("203.0.113.7");
    expect(visitorHash("203.0.113.7", "UA", "salt-2")).not.toBe(base);
    expect(visitorHash("203.0.113.8", "UA", "salt-1")).not.toBe(base);
    expect(visitorHash("203.0.113.7", "UA2", "salt-1")).not.toBe(base);
    expect(visitorHash("203.0.113.7", "UA", "salt-1")).toBe(base);
  });

  it("keeps the fields apart, so shifting text between them changes the hash", () => {
    expect(visitorHash("1.2.3.4", "5", "s")).not.toBe(visitorHash("1.2.3.45", "", "s"));
  });
});

describe("utcDay", () => {
  it("formats the UTC calendar day", () => {
    expect(utcDay(new Date("2026-03-05T12:00:00Z"))).toBe("2026-03-05");
  });

  it("uses UTC, not the local time zone, around midnight", () => {
    expect(utcDay(new Date("2026-03-05T23:59:59.999Z"))).toBe("2026-03-05");
    expect(utcDay(new Date("2026-03-06T00:00:00.000Z"))).toBe("2026-03-06");
    // 01:30 in UTC+02:00 is still the previous day in UTC.
    expect(utcDay(new Date("2026-03-06T01:30:00+02:00"))).toBe("2026-03-05");
    expect(utcDay(new Date("2026-12-31T22:00:00-05:00"))).toBe("2027-01-01");
  });

  it("rejects an invalid date instead of returning garbage", () => {
    expect(() => utcDay(new Date("not a date"))).toThrow(RangeError);
  });
});

describe("visitorHashKey", () => {
  it("comes from VISITOR_HASH_SECRET, else AUTH_SECRET — the same for every instance given the same secret", () => {
    expect(visitorHashKey({ VISITOR_HASH_SECRET: "v", AUTH_SECRET: "a" })).toBe(visitorHashKey({ VISITOR_HASH_SECRET: "v" }));
    expect(visitorHashKey({ AUTH_SECRET: "a" })).toBe(visitorHashKey({ AUTH_SECRET: "a" }));
    expect(visitorHashKey({ AUTH_SECRET: "a" })).not.toBe(visitorHashKey({ VISITOR_HASH_SECRET: "v" }));
  });

  it("is a random key of this process when neither is set", () => {
    const key = visitorHashKey({});
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(visitorHashKey({})).toBe(key);
  });
});
