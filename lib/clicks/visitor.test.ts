import { describe, expect, it } from "vitest";
import { utcDay, visitorHash } from "@/lib/clicks/visitor";

describe("visitorHash", () => {
  it("is the hex SHA-256 of salt, ip and user agent joined by newlines", () => {
    // Expected value computed outside Node: printf 'pepper\n203.0.113.7\nMozilla/5.0' | sha256sum
    expect(visitorHash("203.0.113.7", "Mozilla/5.0", "pepper")).toBe(
      "8d091dc6ccb7c7012ceecc5d578bc29f54e46185489841076bfaf89899e20e50",
    );
  });

  it("treats a missing ip or user agent as the empty string", () => {
    // printf 'pepper\n\n' | sha256sum
    expect(visitorHash(null, null, "pepper")).toBe("11f098fce205f9750ee8b6bbac14c24c6adf0e1ca049f91e25fad6eed47ea69f");
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
