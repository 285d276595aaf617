import { describe, expect, it } from "vitest";
import { isOwnHost, shortLinkHosts, shortUrl } from "@/lib/urls/short-url";

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

  it("counts this machine's own addresses as ours on any port", () => {
    const hosts = shortLinkHosts({ requestOrigin: "http://localhost:3000", machineAddresses: ["10.1.2.3", "fe80::1"] });
    expect(isOwnHost(hosts, "http://10.1.2.3:3000/maya")).toBe(true);
    expect(isOwnHost(hosts, "http://10.1.2.3/maya")).toBe(true);
    expect(isOwnHost(hosts, "http://[FE80::1]:8080/x")).toBe(true);
    expect(isOwnHost(hosts, "http://10.1.2.4:3000/maya")).toBe(false);
    expect(isOwnHost(hosts, "http://localhost:4000/")).toBe(false);
  });

  it("sees through other spellings of our hosts: case, a trailing dot, default ports, every loopback form", () => {
    const hosts = shortLinkHosts({ shortDomain: "clk.example.com", requestOrigin: "http://localhost:3000" });
    for (const url of [
      "https://CLK.Example.COM/x",
      "https://clk.example.com./x",
      "https://www.clk.example.com../x",
      "https://clk.example.com:443/x",
      "http://clk.example.com:80/x",
      "http://127.1:3000/x",
      "http://2130706433:3000/x",
      "http://0x7f.0.0.1:3000/x",
      "http://127.8.9.10:3000/x",
      "http://[0:0:0:0:0:0:0:1]:3000/x",
      "http://[::ffff:127.0.0.1]:3000/x",
      "http://app.localhost:3000/x",
      "http://localhost.:3000/x",
    ]) {
      expect(isOwnHost(hosts, url), url).toBe(true);
    }
    expect(isOwnHost(hosts, "https://clk.example.com.evil.test/x")).toBe(false);
    expect(isOwnHost(hosts, "https://example.com./x")).toBe(false);
  });

  it("counts the name brands point their CNAME at as ours (middleware serves our links on it)", () => {
    const hosts = shortLinkHosts({ requestOrigin: "http://localhost:3000", cnameTarget: "domains.clickproof.example" });
    expect(isOwnHost(hosts, "https://domains.clickproof.example/loop")).toBe(true);
    expect(isOwnHost(hosts, "https://DOMAINS.clickproof.example./loop")).toBe(true);
  });
});
