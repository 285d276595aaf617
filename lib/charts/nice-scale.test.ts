import { describe, expect, it } from "vitest";
import { niceScale, niceStep, stepDecimals } from "@/lib/charts/nice-scale";

describe("niceStep", () => {
  it("picks 1, 2, 2.5 or 5 times a power of ten", () => {
    expect(niceStep(10)).toBe(2.5);
    expect(niceStep(8)).toBe(2);
    expect(niceStep(3)).toBe(1);
    expect(niceStep(2.6)).toBe(1);
    expect(niceStep(0.03)).toBe(0.01);
    expect(niceStep(600_000)).toBe(200_000);
    expect(niceStep(17)).toBe(5);
  });
  it("has a step for an empty chart", () => {
    expect(niceStep(0)).toBe(1);
    expect(niceStep(Number.NaN)).toBe(1);
  });
});

describe("niceScale", () => {
  it("ends at a round maximum at or above the data", () => {
    expect(niceScale(2.6)).toEqual({ max: 3, ticks: [0, 1, 2, 3], step: 1 });
    expect(niceScale(0.3)).toEqual({ max: 0.3, ticks: [0, 0.1, 0.2, 0.3], step: 0.1 });
    expect(niceScale(0.031).ticks).toEqual([0, 0.01, 0.02, 0.03, 0.04]);
  });
  it("keeps headroom so a point at the maximum is drawn whole", () => {
    expect(niceScale(600_000, { headroom: 0.05 }).max).toBe(800_000);
    expect(niceScale(600_000).max).toBe(600_000);
  });
  it("counts in whole numbers", () => {
    expect(niceScale(3, { integer: true }).ticks).toEqual([0, 1, 2, 3]);
    expect(niceScale(1, { integer: true }).ticks).toEqual([0, 1]);
    expect(niceScale(0, { integer: true }).ticks).toEqual([0, 1]);
  });
  it("has no floating-point noise in its ticks", () => {
    expect(niceScale(0.7).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
  });
});

describe("stepDecimals", () => {
  it("is the decimals a step needs", () => {
    expect(stepDecimals(0.25)).toBe(2);
    expect(stepDecimals(5)).toBe(0);
    expect(stepDecimals(0.1)).toBe(1);
  });
});
