import { describe, expect, it } from "vitest";
import { computeKpis, sumFacts } from "@/lib/analytics/kpi";
import { breakdownCsv, BREAKDOWN_COLUMNS, tracksConversions } from "@/lib/campaigns/breakdown";
import type { CreatorPerformance } from "@/lib/campaigns/performance";

const row = (name: string, revenueMinor: number, purchases: number): CreatorPerformance => {
  const facts = { ...sumFacts([]), clicks: 100, uniqueClicks: 80, followers: 10_000, conversions: purchases, purchases, revenueMinor, terms: { flatFeeMinor: 10_000, giftedValueMinor: 0, commissionRate: 0 } };
  return { creatorId: name, name, platforms: ["instagram"], links: [], facts, kpis: computeKpis(facts), revenueApart: new Map() };
};

describe("campaign breakdown CSV", () => {
  it("keeps its original columns in place and adds AOV last", () => {
    const [header, line] = breakdownCsv([row("Lucas Martin", 35_400, 3)], "USD").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(header).toBe("Creator,Platforms,Followers,Clicks,Unique clicks,Audience CTR,Conversions,Conversion rate,Revenue (USD),CPC (USD),CPA (USD),ROAS,Cost (USD),AOV (USD)");
    const cells = line!.split(",");
    expect(cells.at(-1)).toBe("118.00"); // 354.00 ÷ 3 purchases
    expect(cells.at(-2)).toBe("100.00"); // the flat fee
    expect(cells[8]).toBe("354.00");
  });

  it("shows AOV on the page, beside revenue", () => {
    expect(BREAKDOWN_COLUMNS.indexOf("aov")).toBe(BREAKDOWN_COLUMNS.indexOf("revenue") + 1);
  });
});

describe("campaign breakdown CSV in a currency without minor units", () => {
  it("writes yen as whole yen, not hundredths", () => {
    const [header, line] = breakdownCsv([row("Lucas Martin", 35_400, 3)], "JPY").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(header).toContain("Revenue (JPY)");
    const cells = line!.split(",");
    expect(cells[8]).toBe("35400"); // ¥35,400
    expect(cells.at(-2)).toBe("10000"); // the flat fee, ¥10,000
    expect(cells.at(-1)).toBe("11800"); // AOV ¥11,800
  });
});

describe("tracksConversions", () => {
  const traffic = { objective: "traffic", kpis: [{ kpi: "clicks" }, { kpi: "audience_ctr" }] };
  it("is off for a traffic campaign that has seen no conversion", () => {
    expect(tracksConversions(traffic, true, 0)).toBe(false);
  });
  it("is on once a conversion arrives, whatever the objective", () => {
    expect(tracksConversions(traffic, true, 1)).toBe(true);
  });
  it("is on for a conversions campaign, or one with a conversion target, before the first one", () => {
    expect(tracksConversions({ objective: "conversions", kpis: [] }, true, 0)).toBe(true);
    expect(tracksConversions({ objective: "awareness", kpis: [{ kpi: "roas" }] }, true, 0)).toBe(true);
  });
  it("is off when the plan has no conversion tracking", () => {
    expect(tracksConversions({ objective: "conversions", kpis: [] }, false, 3)).toBe(false);
  });
});
