import { describe, expect, it } from "vitest";
import { parseSortDir, parseSortKey, sortQuery, sortRowsBy } from "@/lib/table-sort";

describe("sortRowsBy", () => {
  const rows = [
    { id: "a", n: 2 as number | null, s: "beta" },
    { id: "b", n: null, s: "Gamma" },
    { id: "c", n: 10, s: "Émile" },
    { id: "d", n: 2, s: "alpha" },
  ];

  it("orders numbers either way with unknowns last, ties in their incoming order", () => {
    expect(sortRowsBy(rows, (r) => r.n, "desc").map((r) => r.id)).toEqual(["c", "a", "d", "b"]);
    expect(sortRowsBy(rows, (r) => r.n, "asc").map((r) => r.id)).toEqual(["a", "d", "c", "b"]);
  });

  it("orders text as text, not by code point", () => {
    expect(sortRowsBy(rows, (r) => r.s, "asc").map((r) => r.s)).toEqual(["alpha", "beta", "Émile", "Gamma"]);
    expect(sortRowsBy(rows, (r) => r.s, "desc").map((r) => r.s)).toEqual(["Gamma", "Émile", "beta", "alpha"]);
  });

  it("leaves the input alone", () => {
    const before = rows.map((r) => r.id);
    sortRowsBy(rows, (r) => r.n, "asc");
    expect(rows.map((r) => r.id)).toEqual(before);
  });
});

describe("parsing", () => {
  const keys = ["name", "clicks"] as const;
  it("takes known keys and directions, falls back otherwise", () => {
    expect(parseSortKey(keys, "clicks", "name")).toBe("clicks");
    expect(parseSortKey(keys, "constructor", "name")).toBe("name");
    expect(parseSortKey(keys, null, "name")).toBe("name");
    expect(parseSortDir("asc", "desc")).toBe("asc");
    expect(parseSortDir("ASC", "desc")).toBe("desc");
    expect(parseSortDir(undefined, "asc")).toBe("asc");
  });
});

describe("sortQuery", () => {
  it("flips the sorted column and starts another in its first direction", () => {
    expect(sortQuery({ key: "clicks", current: "clicks", dir: "desc", firstDir: "desc" })).toBe("?sort=clicks&dir=asc");
    expect(sortQuery({ key: "clicks", current: "clicks", dir: "asc", firstDir: "desc" })).toBe("?sort=clicks&dir=desc");
    expect(sortQuery({ key: "name", current: "clicks", dir: "desc", firstDir: "asc" })).toBe("?sort=name&dir=asc");
  });

  it("uses the table's own parameters and keeps the page's others", () => {
    expect(
      sortQuery({
        key: "half_life",
        current: "breakdown",
        dir: "desc",
        firstDir: "desc",
        params: { sort: "tsort", dir: "tdir" },
        keep: { sort: "audience_ctr", dir: "asc", tsort: "name", tdir: "asc", campaign: undefined },
      }),
    ).toBe("?sort=audience_ctr&dir=asc&tsort=half_life&tdir=desc");
    expect(sortQuery({ key: "clicks", current: "clicks", dir: "asc", firstDir: "desc", keep: { campaign: "a b&c", tsort: "name" } })).toBe(
      "?campaign=a+b%26c&tsort=name&sort=clicks&dir=desc",
    );
  });
});
