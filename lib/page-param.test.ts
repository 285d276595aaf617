import { describe, expect, it } from "vitest";
import { pageParam } from "@/lib/page-param";

describe("pageParam", () => {
  it("reads a page number within the pages there are", () => {
    expect(pageParam("2", 3)).toBe(2);
    expect(pageParam("9", 3)).toBe(3);
  });
  it("falls back to the first page for anything else", () => {
    for (const raw of [undefined, "", "0", "-1", "1.5", "abc", "2e3x"]) expect(pageParam(raw, 3)).toBe(1);
    expect(pageParam("4", 0)).toBe(1);
  });
});
