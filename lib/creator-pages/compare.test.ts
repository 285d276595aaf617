import { describe, expect, it } from "vitest";
import { computeKpis, sumFacts, type Kpis } from "@/lib/analytics/kpi";
import { campaignMedian, pageKpis } from "@/lib/creator-pages/compare";

const kpis = (clicks: number, uniqueClicks: number, followers: number | null, conversions = 0, revenueMinor = 0): Kpis =>
  computeKpis({ ...sumFacts([]), clicks, uniqueClicks, followers, conversions, purchases: conversions, revenueMinor });

describe("campaign median on a creator's page", () => {
  it("is withheld below three participating creators", () => {
    expect(campaignMedian([], true)).toBeNull();
    expect(campaignMedian([{ kpis: kpis(10, 8, 100) }, { kpis: kpis(20, 16, 200) }], true)).toBeNull();
  });

  it("is the median of each KPI across the participants", () => {
    const result = campaignMedian([{ kpis: kpis(10, 8, 100, 1, 5000) }, { kpis: kpis(30, 20, 1000, 2, 9000) }, { kpis: kpis(20, 10, null, 4, 2000) }, { kpis: kpis(40, 30, 300, 0, 0) }], true);
    expect(result?.creators).toBe(4);
    expect(result?.median.clicks).toBe(25);
    expect(result?.median.uniqueClicks).toBe(15);
    // audience CTR known for three creators only: 0.08, 0.02, 0.1 → 0.08
    expect(result?.median.audienceCtr).toBeCloseTo(0.08);
    // AOV known for three (the fourth bought nothing): 5000, 4500, 500 → 4500
    expect(result?.median.aovMinor).toBe(4500);
    expect(result?.median.revenueMinor).toBe(3500);
    expect(result?.median.conversions).toBe(1.5);
  });

  it("withholds a figure that fewer than three creators have, even when three take part", () => {
    // Only two of three bought: the "median" AOV would be the average of two, giving the other's away.
    const result = campaignMedian([{ kpis: kpis(10, 8, 100, 1, 5000) }, { kpis: kpis(30, 20, null, 2, 9000) }, { kpis: kpis(20, 10, null, 0, 0) }], true);
    expect(result?.median.clicks).toBe(20);
    expect(result?.median.revenueMinor).toBe(5000);
    expect(result?.median.aovMinor).toBeNull();
    expect(result?.median.audienceCtr).toBeNull(); // one follower count known
  });

  it("hides conversions and revenue, theirs and the median's, when the brand does not share them", () => {
    const own = pageKpis(kpis(10, 8, 100, 3, 12000), false);
    expect(own).toMatchObject({ clicks: 10, uniqueClicks: 8, conversions: null, conversionRate: null, revenueMinor: null, aovMinor: null });
    const median = campaignMedian([{ kpis: kpis(1, 1, 10, 1, 100) }, { kpis: kpis(2, 2, 10, 1, 100) }, { kpis: kpis(3, 3, 10, 1, 100) }], false);
    expect(median?.median).toMatchObject({ clicks: 2, conversions: null, revenueMinor: null, aovMinor: null, conversionRate: null });
  });
});
