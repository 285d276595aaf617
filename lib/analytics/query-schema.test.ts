import { describe, expect, it } from "vitest";
import { analyticsQuerySchema, chooseGranularity, rollupPlan } from "@/lib/analytics/query-schema";

const H = 3_600_000;
const range = (startMs: number, endMs: number) => ({ start: new Date(Date.UTC(2026, 2, 1) + startMs), end: new Date(Date.UTC(2026, 2, 1) + endMs) });

describe("rollupPlan", () => {
  const utc = { wholeHours: true, utc: true };
  it("uses both rollups for whole UTC days", () => {
    expect(rollupPlan(range(0, 72 * H), null, utc)).toEqual({ clicks: true, uniques: true });
    expect(rollupPlan(range(0, 72 * H), "day", utc)).toEqual({ clicks: true, uniques: true });
  });
  it("counts visitors from raw clicks when buckets or bounds are not UTC days", () => {
    expect(rollupPlan(range(0, 72 * H), "hour", utc)).toEqual({ clicks: true, uniques: false });
    expect(rollupPlan(range(H, 72 * H), null, utc)).toEqual({ clicks: true, uniques: false });
    expect(rollupPlan(range(-9 * H, 63 * H), "day", { wholeHours: true, utc: false })).toEqual({ clicks: true, uniques: false });
  });
  it("counts clicks from raw clicks when the range or a zone's days are not whole hours", () => {
    expect(rollupPlan(range(-5.5 * H, 66.5 * H), "day", { wholeHours: false, utc: false })).toEqual({ clicks: false, uniques: false });
    expect(rollupPlan(range(0, 72 * H), "day", { wholeHours: false, utc: false })).toEqual({ clicks: false, uniques: false });
    expect(rollupPlan(range(0, 72 * H), "hour", { wholeHours: false, utc: false })).toEqual({ clicks: true, uniques: false }); // UTC hours
    expect(rollupPlan(range(30 * 60_000, 72 * H), null, utc)).toEqual({ clicks: false, uniques: false });
  });
});

describe("chooseGranularity", () => {
  it("is hourly up to 48 hours, daily beyond, and hourly on request up to 31 days", () => {
    expect(chooseGranularity(undefined, 24)).toEqual({ granularity: "hour" });
    expect(chooseGranularity(undefined, 49)).toEqual({ granularity: "day" });
    expect(chooseGranularity("hour", 31 * 24)).toEqual({ granularity: "hour" });
    expect(chooseGranularity("hour", 31 * 24 + 1)).toHaveProperty("error");
    expect(chooseGranularity("day", 1)).toEqual({ granularity: "day" });
  });
});

describe("analyticsQuerySchema", () => {
  it("reads dates and date-times, and defaults to totals in UTC", () => {
    const parsed = analyticsQuerySchema.parse({ start: "2026-03-01", end: "2026-03-02T10:00:00+01:00" });
    expect(parsed).toMatchObject({ groupBy: "count", timezone: "UTC", limit: 100, format: "json", start: { kind: "date", date: "2026-03-01" } });
    expect(parsed.end).toEqual({ kind: "instant", at: new Date("2026-03-02T09:00:00Z") });
  });
  it("refuses a date-time without its offset and impossible dates", () => {
    for (const start of ["2026-03-01T10:00:00", "2026-02-29", "01/03/2026"]) {
      expect(analyticsQuerySchema.safeParse({ start }).success, start).toBe(false);
    }
  });
});
