import { describe, expect, it } from "vitest";
import { placeLabels } from "@/components/campaigns/followers-clicks-scatter";

describe("placeLabels", () => {
  it("leaves names of points far apart beside their points", () => {
    const points = [
      { name: "Maya", followers: 80_000, uniqueClicks: 2_000 },
      { name: "Jordan", followers: 80_000, uniqueClicks: 200 },
    ];
    expect(placeLabels(points, 400_000, 3_000)).toEqual([
      { left: false, shift: 0 },
      { left: false, shift: 0 },
    ]);
  });
  it("moves a name off one placed before it when two points nearly coincide", () => {
    const points = [
      { name: "Sofia Rossi", followers: 62_400, uniqueClicks: 2_059 },
      { name: "Maya Lopez", followers: 80_000, uniqueClicks: 2_100 },
      { name: "Lucas Martin", followers: 83_900, uniqueClicks: 2_180 },
    ];
    const placed = placeLabels(points, 400_000, 3_000);
    const rows = placed.map((p, i) => points[i]!.uniqueClicks / 3_000 + p.shift);
    // every two names at least a line apart vertically
    for (let i = 0; i < rows.length; i++) for (let j = i + 1; j < rows.length; j++) expect(Math.abs(rows[i]! - rows[j]!)).toBeGreaterThanOrEqual(0.06 - 1e-9);
  });
  it("puts names of points in the right third to their left", () => {
    expect(placeLabels([{ name: "Priya Nair", followers: 304_800, uniqueClicks: 2_134 }], 400_000, 3_000)[0]?.left).toBe(true);
  });
});
