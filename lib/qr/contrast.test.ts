import { describe, expect, it } from "vitest";
import { contrastRatio, qrContrastProblem, relativeLuminance } from "@/lib/qr/contrast";

describe("contrast", () => {
  it("computes WCAG luminance and ratios (checked against published values)", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#FFFFFF")).toBeCloseTo(1, 10);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    // #767676 on white is the classic 4.54:1; #777777 just misses 4.5:1
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#777777", "#ffffff")).toBeLessThan(4.5);
  });

  it("refuses what would not scan and accepts dark colours on light backgrounds", () => {
    expect(qrContrastProblem("#111827", "#ffffff")).toBeNull();
    expect(qrContrastProblem("#7c3aed", "#ffffff")).toBeNull();
    expect(qrContrastProblem("#999999", "#ffffff")).toMatch(/contrast of 2\.8:1/);
    expect(qrContrastProblem("#ffffff", "#000000")).toMatch(/darker than its background/);
    expect(qrContrastProblem("#123456", "#123456")).toMatch(/darker than its background/);
  });

  it("refuses what is not a colour", () => {
    expect(() => relativeLuminance("red")).toThrow("#rrggbb");
  });
});
