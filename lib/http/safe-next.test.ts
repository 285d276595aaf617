import { describe, expect, it } from "vitest";
import { safeNext } from "@/lib/http/safe-next";

describe("safeNext", () => {
  it("keeps same-site paths", () => {
    expect(safeNext("/invite/inv_abc", "/workspaces")).toBe("/invite/inv_abc");
    expect(safeNext("/w/demo?x=1#top", "/workspaces")).toBe("/w/demo?x=1#top");
  });

  it("refuses other sites, protocol-relative, backslash and whitespace tricks, and non-strings", () => {
    const tricks = [
      "https://evil.test/",
      "//evil.test/",
      "/\\evil.test",
      "/\t/evil.test",
      "/\n/evil.test",
      "/\r//evil.test",
      "/ /evil.test",
      "javascript:alert(1)",
      "",
      null,
      undefined,
      42,
    ];
    for (const value of tricks) expect(safeNext(value, "/workspaces"), JSON.stringify(value)).toBe("/workspaces");
  });

  it("whatever it keeps resolves to this site in a browser", () => {
    for (const value of ["/a/../b", "/%2f%2fevil.test", "/.//evil.test"]) {
      const kept = safeNext(value, "/workspaces");
      expect(new URL(kept, "https://app.example").origin, value).toBe("https://app.example");
    }
  });
});
