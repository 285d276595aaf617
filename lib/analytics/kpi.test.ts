import { describe, expect, it } from "vitest";
import { computeKpis, consistency, costOf, halfLifeHours, kpiValue, median, meetsTarget, sumFacts, timingBucket, timingFromHourly, timingShares, type PerformanceFacts } from "@/lib/analytics/kpi";

const base: PerformanceFacts = {
  clicks: 0,
  uniqueClicks: 0,
  filteredClicks: 0,
  followers: null,
  conversions: 0,
  purchases: 0,
  revenueMinor: 0,
  terms: null,
};

describe("computeKpis", () => {
  it("the seed's case: two creators with 80,000 followers, 240 and 2,100 clicks → 0.3 % and 2.6 %", () => {
    const weak = computeKpis({ ...base, clicks: 240, uniqueClicks: 240, followers: 80_000 });
    const strong = computeKpis({ ...base, clicks: 2_100, uniqueClicks: 2_100, followers: 80_000 });
    expect(weak.audienceCtr).toBeCloseTo(0.003, 10);
    expect(strong.audienceCtr).toBeCloseTo(0.02625, 10);
    expect((strong.audienceCtr ?? 0) * 100).toBeCloseTo(2.6, 1);
  });

  it("hand-computed fixture: every KPI", () => {
    // 1,000 clicks, 800 unique, 80,000 followers; 40 conversions of which 32 purchases worth
    // $2,400.00; terms: $500 flat + $100 gifted + 10 % commission.
    const kpis = computeKpis({
      clicks: 1_000,
      uniqueClicks: 800,
      filteredClicks: 37,
      followers: 80_000,
      conversions: 40,
      purchases: 32,
      revenueMinor: 240_000,
      terms: { flatFeeMinor: 50_000, giftedValueMinor: 10_000, commissionRate: 0.1 },
    });
    expect(kpis).toEqual({
      clicks: 1_000,
      uniqueClicks: 800,
      filteredClicks: 37,
      followers: 80_000,
      audienceCtr: 0.01, // 800 / 80,000
      conversions: 40,
      conversionRate: 0.05, // 40 / 800
      revenueMinor: 240_000,
      aovMinor: 7_500, // $2,400 / 32
      costMinor: 84_000, // 500 + 100 + 10 % of 2,400 = $840
      cpcMinor: 84, // $840 / 1,000
      cpaMinor: 2_100, // $840 / 40
      roas: 240_000 / 84_000, // ≈ 2.86
    });
  });

  it("answers null, never 0 or Infinity, when a denominator is missing", () => {
    const kpis = computeKpis({ ...base, clicks: 10, uniqueClicks: 9 });
    expect(kpis).toMatchObject({ audienceCtr: null, conversionRate: 0, aovMinor: null, costMinor: null, cpcMinor: null, cpaMinor: null, roas: null });
    const noClicks = computeKpis({ ...base, followers: 5_000, terms: { flatFeeMinor: 100, giftedValueMinor: 0, commissionRate: 0 } });
    expect(noClicks).toMatchObject({ audienceCtr: 0, conversionRate: null, costMinor: 100, cpcMinor: null, cpaMinor: null, roas: 0 });
  });

  it("cost is null without terms and rounds commission to whole minor units", () => {
    expect(costOf(null, 1_000)).toBeNull();
    expect(costOf({ flatFeeMinor: 0, giftedValueMinor: 0, commissionRate: 0.125 }, 1_001)).toBe(125);
  });
});

describe("timing", () => {
  it.each([
    [0, "0-1h"],
    [0.99, "0-1h"],
    [1, "1-3h"],
    [5.5, "3-6h"],
    [11, "6-12h"],
    [23.9, "12-24h"],
    [24, "1-3d"],
    [100, "3-7d"],
    [168, "later"],
    [-2, "0-1h"],
  ] as const)("%s h after the post is %s", (hours, bucket) => {
    expect(timingBucket(hours)).toBe(bucket);
  });

  it("buckets hourly counts and finds the half-life", () => {
    const hourly = new Map([
      [0, 40],
      [1, 30],
      [2, 10],
      [5, 10],
      [30, 5],
      [200, 5],
    ]);
    expect(timingFromHourly(hourly)).toEqual({ "0-1h": 40, "1-3h": 40, "3-6h": 10, "6-12h": 0, "12-24h": 0, "1-3d": 5, "3-7d": 0, later: 5 });
    // 100 clicks; 40 in hour 0, 70 by the end of hour 1 → half reached in the second hour
    expect(halfLifeHours(hourly)).toBe(2);
    expect(halfLifeHours(new Map([[0, 1]]))).toBe(1);
    expect(halfLifeHours(new Map())).toBeNull();
  });

  it("gives each bucket's share of the clicks, and none without clicks", () => {
    const buckets = timingFromHourly(new Map([[0, 40], [1, 30], [2, 10], [5, 10], [30, 5], [200, 5]]));
    expect(timingShares(buckets)).toEqual({ "0-1h": 0.4, "1-3h": 0.4, "3-6h": 0.1, "6-12h": 0, "12-24h": 0, "1-3d": 0.05, "3-7d": 0, later: 0.05 });
    expect(timingShares(timingFromHourly(new Map()))).toBeNull();
  });
});

describe("consistency", () => {
  it("needs two campaigns for a verdict", () => {
    expect(consistency([])).toEqual({ verdict: "no data", campaigns: 0, mean: null, cv: null });
    expect(consistency([0.02, null])).toEqual({ verdict: "one campaign so far", campaigns: 1, mean: 0.02, cv: null });
    // campaigns with followers but no clicks yet say nothing about consistency
    expect(consistency([0, 0, 0])).toEqual({ verdict: "no data", campaigns: 3, mean: 0, cv: null });
  });

  it("consistent when the coefficient of variation is at most 0.3, variable above", () => {
    const steady = consistency([0.02, 0.022, 0.018]);
    expect(steady.verdict).toBe("consistent");
    expect(steady.mean).toBeCloseTo(0.02, 10);
    expect(steady.cv).toBeCloseTo(Math.sqrt((0 + 0.000004 + 0.000004) / 3) / 0.02, 10); // ≈ 0.082
    const erratic = consistency([0.005, 0.03, 0.012]);
    expect(erratic.verdict).toBe("variable");
    expect(erratic.cv).toBeGreaterThan(0.3);
  });
});

describe("median", () => {
  it("of odd and even counts, ignoring unknowns", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2, null])).toBe(2.5);
    expect(median([null])).toBeNull();
  });
});

describe("campaign totals and targets", () => {
  it("sum creators' facts with each commission on that creator's own revenue", () => {
    const a: PerformanceFacts = { ...base, clicks: 100, uniqueClicks: 80, followers: 10_000, revenueMinor: 10_000, terms: { flatFeeMinor: 1_000, giftedValueMinor: 0, commissionRate: 0.1 } };
    const b: PerformanceFacts = { ...base, clicks: 50, uniqueClicks: 40, followers: 30_000, revenueMinor: 0, terms: { flatFeeMinor: 0, giftedValueMinor: 500, commissionRate: 0.5 } };
    const total = computeKpis(sumFacts([a, b]));
    expect(total.costMinor).toBe(1_000 + 1_000 + 500); // 10 % of a's $100 revenue, nothing of b's $0
    expect(total.audienceCtr).toBeCloseTo(120 / 40_000, 12);
    expect(total.roas).toBeCloseTo(10_000 / 2_500, 12);
    expect(computeKpis(sumFacts([base, base])).costMinor).toBeNull();
  });

  it("reads a KPI by key and judges targets in the KPI's own direction", () => {
    const kpis = computeKpis({ ...base, clicks: 200, uniqueClicks: 100, followers: 10_000, terms: { flatFeeMinor: 10_000, giftedValueMinor: 0, commissionRate: 0 } });
    expect(kpiValue(kpis, "audience_ctr")).toBeCloseTo(0.01, 12);
    expect(kpiValue(kpis, "cpc")).toBe(50);
    expect(meetsTarget("audience_ctr", 0.01, 0.008)).toBe(true);
    expect(meetsTarget("cpc", 50, 40)).toBe(false); // a CPC above its target is a miss
    expect(meetsTarget("cpc", 50, null)).toBeNull();
  });
});
