import { describe, expect, it } from "vitest";
import { crossSiteWrite } from "@/lib/api/csrf";

const request = (method: string, headers: Record<string, string>) => new Request("http://localhost:3000/api/v1/links?workspace=demo", { method, headers });

describe("crossSiteWrite", () => {
  it("refuses writes a browser says came from another site", () => {
    expect(crossSiteWrite(request("POST", { "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(crossSiteWrite(request("DELETE", { "sec-fetch-site": "same-site" }))).toBe(true); // a sibling subdomain is another tenant's site
    expect(crossSiteWrite(request("PATCH", { origin: "https://evil.example", host: "localhost:3000" }))).toBe(true);
    expect(crossSiteWrite(request("POST", { origin: "null", host: "localhost:3000" }))).toBe(true);
  });

  it("lets our own pages, typed URLs and non-browser clients through", () => {
    expect(crossSiteWrite(request("POST", { "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(crossSiteWrite(request("POST", { "sec-fetch-site": "none" }))).toBe(false);
    expect(crossSiteWrite(request("POST", { origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(false);
    expect(crossSiteWrite(request("POST", { origin: "https://app.clickproof.dev", host: "internal:3000", "x-forwarded-host": "app.clickproof.dev" }))).toBe(false);
    expect(crossSiteWrite(request("POST", {}))).toBe(false);
  });

  it("never refuses reads", () => {
    expect(crossSiteWrite(request("GET", { "sec-fetch-site": "cross-site" }))).toBe(false);
  });
});
