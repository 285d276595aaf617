import { describe, expect, it } from "vitest";
import { neutraliseCell, parseCsv, toCsv } from "@/lib/csv";

describe("csv", () => {
  it.each(["=1+1", "+cmd", "-2", "@SUM(A1)", "\t=x", "\r=x"])("neutralises the formula-like cell %j", (cell) => {
    expect(neutraliseCell(cell)).toBe(`'${cell}`);
  });

  it("leaves ordinary values alone and prints dates as ISO", () => {
    expect(neutraliseCell("Maya Lopez")).toBe("Maya Lopez");
    expect(neutraliseCell(12)).toBe("12");
    expect(neutraliseCell(null)).toBe("");
    expect(neutraliseCell(new Date("2026-11-21T00:00:00Z"))).toBe("2026-11-21T00:00:00.000Z");
  });

  it("writes a header row and quotes what needs quoting; parses it back", () => {
    const csv = toCsv([{ name: 'A "quoted", name', n: 3 }], [
      { header: "Name", value: (r) => r.name },
      { header: "Count", value: (r) => r.n },
    ]);
    expect(csv).toBe('Name,Count\r\n"A ""quoted"", name",3');
    expect(parseCsv(csv).rows).toEqual([{ name: 'A "quoted", name', count: "3" }]);
  });

  it("parses with trimmed, lowercased headers, a BOM and blank lines", () => {
    expect(parseCsv("\uFEFF Name ,EMAIL\n\nMaya, maya@example.com \n")).toEqual({
      headers: ["name", "email"],
      rows: [{ name: "Maya", email: "maya@example.com" }],
    });
  });
});
