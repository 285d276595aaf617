import { describe, expect, it } from "vitest";
import { isOwnHost, shortLinkHosts, shortUrl } from "@/lib/links/short-url";

describe("short link hosts", () => {
  it("uses the request origin when nothing is configured", () => {
    const hosts = shortLinkHosts({ requestOrigin: "http://localhost:3000" });
    expect(shortUrl(hosts, { slug: "maya-lopez", domain: "" })).toBe("http://localhost:3000/maya-lopez");
    expect(hosts.ownHosts).toEqual(["localhost:3000"]);
  });

  it("prints short URLs on SHORT_DOMAIN and counts app, short and request hosts as ours", () => {
    const hosts = shortLinkHosts({ shortDomain: "clk.example.com", appUrl: "https://app.example.com", requestOrigin: "http://10.0.0.5:3000" });
    expect(shortUrl(hosts, { slug: "x", domain: "" })).toBe("https://clk.example.com/x");
    expect(hosts.ownHosts.sort()).toEqual(["10.0.0.5:3000", "app.example.com", "clk.example.com"]);
  });

  it("recognises destinations on our own hosts, with or without www, and not other ports", () => {
    const hosts = shortLinkHosts({ shortDomain: "clk.example.com", requestOrigin: "http://localhost:3000" });
    expect(isOwnHost(hosts, "https://clk.example.com/abc")).toBe(true);
    expect(isOwnHost(hosts, "https://www.clk.example.com/abc")).toBe(true);
    expect(isOwnHost(hosts, "http://LOCALHOST:3000/w/demo")).toBe(true);
    expect(isOwnHost(hosts, "http://localhost:4000/")).toBe(false);
    // other names of this machine on the same port
    expect(isOwnHost(hosts, "http://127.0.0.1:3000/x")).toBe(true);
    expect(isOwnHost(hosts, "http://[::1]:3000/x")).toBe(true);
    expect(isOwnHost(hosts, "http://0.0.0.0:3000/x")).toBe(true);
    expect(isOwnHost(hosts, "http://127.0.0.1:3001/x")).toBe(false);
    expect(isOwnHost(hosts, "https://example.com/")).toBe(false);
  });
});
