import { describe, expect, it } from "vitest";
import { clientIp, normaliseIp } from "@/lib/http/client-ip";

describe("normaliseIp", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    [" 203.0.113.7 ", "203.0.113.7"],
    ["203.0.113.7:54321", "203.0.113.7"],
    ["2001:db8::1", "2001:db8::1"],
    ["2001:DB8::A", "2001:db8::a"],
    ["[2001:db8::1]", "2001:db8::1"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["::ffff:203.0.113.7", "203.0.113.7"],
    ["::FFFF:203.0.113.7", "203.0.113.7"],
    ["[::ffff:203.0.113.7]:80", "203.0.113.7"],
    ["::ffff:cb00:7107", "203.0.113.7"],
    ["fe80::1%eth0", "fe80::1"],
    ['"[2001:db8::1]:443"', "2001:db8::1"],
  ])("%s → %s", (raw, expected) => {
    expect(normaliseIp(raw)).toBe(expected);
  });

  it.each([[""], ["unknown"], ["999.1.1.1"], ["1.2.3"], ["[2001:db8::1"], ["example.com"], ["2001:db8::1::2"], ["_hidden"]])(
    "%s → null",
    (raw) => {
      expect(normaliseIp(raw)).toBeNull();
    },
  );
});

describe("clientIp", () => {
  it("behind a trusted proxy takes the first X-Forwarded-For entry", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.7, 10.0.0.2, 10.0.0.1" });
    expect(clientIp(headers, true)).toBe("203.0.113.7");
  });

  it("parses IPv6, bracketed IPv6 with port and IPv4-mapped entries", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "2001:db8::1, 10.0.0.1" }), true)).toBe("2001:db8::1");
    expect(clientIp(new Headers({ "x-forwarded-for": "[2001:db8::1]:443" }), true)).toBe("2001:db8::1");
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:198.51.100.4" }), true)).toBe("198.51.100.4");
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.4:1234,10.0.0.1" }), true)).toBe("198.51.100.4");
  });

  it("falls back to X-Real-IP when X-Forwarded-For is missing or unusable", () => {
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.4" }), true)).toBe("198.51.100.4");
    expect(clientIp(new Headers({ "x-forwarded-for": "unknown", "x-real-ip": "198.51.100.4" }), true)).toBe(
      "198.51.100.4",
    );
    expect(clientIp(new Headers({ "x-real-ip": "garbage" }), true)).toBeNull();
    expect(clientIp(new Headers(), true)).toBeNull();
  });

  it("without a trusted proxy takes the last X-Forwarded-For entry and ignores X-Real-IP", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.7, 198.51.100.4", "x-real-ip": "192.0.2.1" });
    expect(clientIp(headers, false)).toBe("198.51.100.4");
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }), false)).toBe("127.0.0.1");
    expect(clientIp(new Headers({ "x-real-ip": "192.0.2.1" }), false)).toBeNull();
  });
});
