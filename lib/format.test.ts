import { describe, expect, it } from "vitest";
import { countOf, formatCompact, formatKpi, formatMoney } from "@/lib/format";

describe("formatKpi", () => {
  it.each([
    [0.02625, "2.6%"],
    [0.003, "0.30%"],
    [0.00015, "0.015%"],
    [0.000025, "0.0025%"],
    [0, "0.0%"],
  ])("rate %s → %s (small rates keep two significant digits)", (value, text) => {
    expect(formatKpi("rate", value)).toBe(text);
  });

  it("money in minor units, counts, ratios and unknowns", () => {
    expect(formatKpi("money", 123_456, "EUR")).toBe("€1,234.56");
    expect(formatKpi("count", 12_345.4)).toBe("12,345");
    expect(formatKpi("ratio", 2.857)).toBe("2.86×");
    expect(formatKpi("rate", null)).toBe("—");
    expect(formatMoney(null)).toBe("—");
  });
});

describe("formatCompact", () => {
  it("shortens axis numbers", () => {
    expect(formatCompact(600_000)).toBe("600K");
    expect(formatCompact(1_250_000)).toBe("1.3M");
    expect(formatCompact(40)).toBe("40");
  });
});

describe("countOf", () => {
  it("puts the noun in the number the count needs", () => {
    expect(countOf(1, "seat")).toBe("1 seat");
    expect(countOf(0, "seat")).toBe("0 seats");
    expect(countOf(2, "seat")).toBe("2 seats");
    expect(countOf(1_250, "click")).toBe("1,250 clicks");
    expect(countOf(1, "person", "people")).toBe("1 person");
    expect(countOf(5, "person", "people")).toBe("5 people");
  });
});
