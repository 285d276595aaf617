import { describe, expect, it } from "vitest";
import { parseHostname, requestHostname } from "@/lib/domains/hostname";

const ok = (input: string) => {
  const result = parseHostname(input);
  if (!result.ok) throw new Error(`${input}: ${result.message}`);
  return result.hostname;
};
const refused = (input: string) => {
  const result = parseHostname(input);
  if (result.ok) throw new Error(`${input} was accepted as ${result.hostname}`);
  return result.message;
};

describe("parseHostname", () => {
  it("stores lowercase ASCII without scheme, slash or trailing dot", () => {
    expect(ok("Go.Brand.com")).toBe("go.brand.com");
    expect(ok("  https://go.brand.com/ ")).toBe("go.brand.com");
    expect(ok("go.brand.com.")).toBe("go.brand.com");
    expect(ok("links.my-brand.co.uk")).toBe("links.my-brand.co.uk");
  });

  it("stores international names in punycode, so a look-alike is a different name", () => {
    expect(ok("gö.brand.com")).toBe("xn--g-1ga.brand.com");
    // Cyrillic "а" in brаnd: not the same host as brand.com
    expect(ok("go.br\u0430nd.com")).not.toBe("go.brand.com");
  });

  it("refuses paths, ports, credentials, IPs, single labels and private names", () => {
    expect(refused("")).toMatch(/Enter a domain/);
    expect(refused("go.brand.com/x")).toMatch(/only the domain/);
    expect(refused("https://go.brand.com/path")).toMatch(/only the domain/);
    expect(refused("go.brand.com:8080")).toMatch(/only the domain/);
    expect(refused("https://user@go.brand.com")).toMatch(/only the domain/);
    expect(refused("192.168.1.10")).toMatch(/not an IP/);
    expect(refused("brand")).toMatch(/with a dot/);
    expect(refused("localhost")).toMatch(/with a dot/);
    expect(refused("app.localhost")).toMatch(/private/);
    expect(refused("printer.local")).toMatch(/private/);
    expect(refused("-go.brand.com")).toMatch(/inner hyphens/);
    expect(refused("go_links.brand.com")).toMatch(/inner hyphens/);
    expect(refused(`${"a".repeat(64)}.com`)).toMatch(/inner hyphens/);
    expect(refused(`${"abcdefgh.".repeat(32)}com`)).toMatch(/at most 253/);
  });
});

describe("requestHostname", () => {
  it("drops the port and trailing dot and lowercases", () => {
    expect(requestHostname("Go.Brand.com:443")).toBe("go.brand.com");
    expect(requestHostname("go.brand.com.")).toBe("go.brand.com");
    expect(requestHostname("[::1]:3000")).toBe("[::1]");
    expect(requestHostname(null)).toBeNull();
    expect(requestHostname("")).toBeNull();
  });
});
