import { describe, expect, it } from "vitest";
import { safeNext } from "@/lib/http/safe-next";

describe("safeNext", () => {
  it("keeps same-site paths", () => {
    expect(safeNext("/invite/inv_abc", "/workspaces")).toBe("/invite/inv_abc");
    expect(safeNext("/w/demo?x=1", "/workspaces")).toBe("/w/demo?x=1");
  });
  it("refuses other sites, protocol-relative and backslash tricks, and non-strings", () => {
    for (const value of ["https://evil.test/", "//evil.test/", "/\\evil.test", "javascript:alert(1)", "", null, undefined, 42]) {
      expect(safeNext(value, "/workspaces")).toBe("/workspaces");
    }
  });
});
