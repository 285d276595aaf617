import { describe, expect, it } from "vitest";
import { halfLifeHours, timingFromHourly } from "@/lib/analytics/kpi";
import type { CreatorTiming } from "@/lib/analytics/timing";
import { parseTimingSort, sortTimingRows, timingCsv } from "@/lib/campaigns/timing-table";

function row(name: string, hourly: [number, number][]): CreatorTiming {
  const counts = new Map(hourly);
  return {
    creatorId: `id-${name}`,
    name,
    timing: { buckets: timingFromHourly(counts), halfLifeHours: halfLifeHours(counts), clicks: hourly.reduce((sum, [, n]) => sum + n, 0) },
  };
}

// In the breakdown's order (e.g. by audience CTR).
const ROWS = [
  row("Maya Lopez", [[0, 60], [2, 30], [30, 10]]), // half by the end of hour 0 → 1 h
  row("Jordan Reed", [[5, 10], [50, 10], [200, 5]]), // 10 of 25 by hour 5, 20 by hour 50 → 51 h
  row("Ava Chen", [[1, 4], [10, 4]]), // 4 of 8 by hour 1 → 2 h
];
const names = (rows: CreatorTiming[]) => rows.map((r) => r.name);

describe("parseTimingSort", () => {
  it("defaults to the breakdown's order; names start A→Z, half-lives longest first", () => {
    expect(parseTimingSort(undefined, undefined).sort).toBe("breakdown");
    expect(parseTimingSort("audience_ctr", "asc").sort).toBe("breakdown"); // the breakdown's keys are not the timing's
    expect(parseTimingSort("name", null)).toEqual({ sort: "name", dir: "asc" });
    expect(parseTimingSort("half_life", null)).toEqual({ sort: "half_life", dir: "desc" });
    expect(parseTimingSort("half_life", "asc")).toEqual({ sort: "half_life", dir: "asc" });
  });
});

describe("sortTimingRows", () => {
  it.each([
    ["breakdown", "desc", ["Maya Lopez", "Jordan Reed", "Ava Chen"]],
    ["breakdown", "asc", ["Maya Lopez", "Jordan Reed", "Ava Chen"]],
    ["name", "asc", ["Ava Chen", "Jordan Reed", "Maya Lopez"]],
    ["name", "desc", ["Maya Lopez", "Jordan Reed", "Ava Chen"]],
    ["half_life", "desc", ["Jordan Reed", "Ava Chen", "Maya Lopez"]],
    ["half_life", "asc", ["Maya Lopez", "Ava Chen", "Jordan Reed"]],
  ] as const)("by %s %s", (sort, dir, expected) => {
    expect(names(sortTimingRows(ROWS, sort, dir))).toEqual(expected);
  });
});

describe("timingCsv", () => {
  it("a row per creator in the table's order: clicks, each period's clicks under its label, half-life in hours", () => {
    expect(timingCsv(sortTimingRows(ROWS, "half_life", "asc")).split("\r\n")).toEqual([
      "Creator,Clicks,First hour,1–3 h,3–6 h,6–12 h,12–24 h,1–3 d,3–7 d,Later,Half-life (hours)",
      "Maya Lopez,100,60,30,0,0,0,10,0,0,1",
      "Ava Chen,8,0,4,0,4,0,0,0,0,2",
      "Jordan Reed,25,0,0,10,0,0,10,0,5,51",
    ]);
  });

  it("neutralises formulas in creator names", () => {
    expect(timingCsv([row("+1 Creator", [[0, 1]])]).split("\r\n")[1]).toBe("'+1 Creator,1,1,0,0,0,0,0,0,0,1");
  });
});
