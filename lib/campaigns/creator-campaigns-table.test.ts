import { describe, expect, it } from "vitest";
import { computeKpis, timingFromHourly, type PerformanceFacts } from "@/lib/analytics/kpi";
import type { CreatorCampaign } from "@/lib/campaigns/creator-history";
import { campaignSortLabel, creatorCampaignsCsv, parseCampaignSort, sortCreatorCampaigns } from "@/lib/campaigns/creator-campaigns-table";
import { parseCsv } from "@/lib/csv";

const facts: PerformanceFacts = { clicks: 0, uniqueClicks: 0, filteredClicks: 0, followers: null, conversions: 0, purchases: 0, revenueMinor: 0, terms: null };

function row(
  name: string,
  startsOn: string | null,
  f: Partial<PerformanceFacts>,
  halfLifeHours: number | null,
  options: { currency?: string; archived?: boolean } = {},
): CreatorCampaign {
  return {
    campaign: {
      id: name.toLowerCase().replace(/\W+/g, "-"),
      name,
      startsOn: startsOn ? new Date(`${startsOn}T00:00:00Z`) : null,
      endsOn: startsOn ? new Date(`${startsOn.slice(0, 4)}-12-31T00:00:00Z`) : null,
      currency: options.currency ?? "USD",
      archivedAt: options.archived ? new Date("2026-01-01T00:00:00Z") : null,
    },
    kpis: computeKpis({ ...facts, ...f }),
    postedLinks: halfLifeHours === null ? 0 : 1,
    timing: { buckets: timingFromHourly(new Map()), halfLifeHours, clicks: f.clicks ?? 0 },
  };
}

const flat = (minor: number) => ({ flatFeeMinor: minor, giftedValueMinor: 0, commissionRate: 0 });
// In the history's order: newest first, no start date last.
//                    start        unique / followers           cost     half-life
// Summer Sale        2026-07-01   300 / 10,000 = 3.0 %         $500     5 h
// Spring Drop        2026-04-01   400 / 10,000 = 4.0 %          —       30 h
// Launch Week        2026-01-15   100 / 20,000 = 0.5 %         $250      —
// Evergreen          none         0 / —  (no audience)         $100     2 h
const HISTORY = [
  row("Summer Sale", "2026-07-01", { clicks: 450, uniqueClicks: 300, followers: 10_000, conversions: 15, purchases: 15, revenueMinor: 123_45, terms: flat(50_000) }, 5),
  row("Spring Drop", "2026-04-01", { clicks: 500, uniqueClicks: 400, followers: 10_000, conversions: 8 }, 30),
  row("Launch Week", "2026-01-15", { clicks: 125, uniqueClicks: 100, followers: 20_000, conversions: 0, terms: flat(25_000) }, null, { archived: true }),
  row("Evergreen", null, { terms: flat(10_000) }, 2),
];
const names = (rows: CreatorCampaign[]) => rows.map((r) => r.campaign.name);

describe("parseCampaignSort", () => {
  it("defaults to newest first and starts each key in its natural direction", () => {
    expect(parseCampaignSort(null, null)).toEqual({ sort: "start", dir: "desc" });
    expect(parseCampaignSort("audience_ctr", "asc")).toEqual({ sort: "audience_ctr", dir: "asc" });
    expect(parseCampaignSort("campaign", null)).toEqual({ sort: "campaign", dir: "asc" });
    expect(parseCampaignSort("roas", "sideways")).toEqual({ sort: "start", dir: "desc" });
    expect(parseCampaignSort("revenue", null)).toEqual({ sort: "revenue", dir: "desc" });
  });
});

describe("campaignSortLabel", () => {
  it("says what the table is sorted by", () => {
    expect(["start", "campaign", "audience_ctr", "conversion_rate", "cpc", "half_life"].map((key) => campaignSortLabel(parseCampaignSort(key, null).sort))).toEqual([
      "start date",
      "campaign name",
      "Audience CTR",
      "conversion rate",
      "CPC",
      "half-life",
    ]);
  });
});

describe("sortCreatorCampaigns", () => {
  it("the default keeps the history's order", () => {
    const { sort, dir } = parseCampaignSort(undefined, undefined);
    expect(names(sortCreatorCampaigns(HISTORY, sort, dir))).toEqual(["Summer Sale", "Spring Drop", "Launch Week", "Evergreen"]);
    expect(names(sortCreatorCampaigns(HISTORY, "start", "asc"))).toEqual(["Launch Week", "Spring Drop", "Summer Sale", "Evergreen"]);
  });

  it.each([
    ["campaign", "asc", ["Evergreen", "Launch Week", "Spring Drop", "Summer Sale"]],
    ["campaign", "desc", ["Summer Sale", "Spring Drop", "Launch Week", "Evergreen"]],
    ["followers", "desc", ["Launch Week", "Summer Sale", "Spring Drop", "Evergreen"]],
    ["clicks", "desc", ["Spring Drop", "Summer Sale", "Launch Week", "Evergreen"]],
    ["unique_clicks", "asc", ["Evergreen", "Launch Week", "Summer Sale", "Spring Drop"]],
    ["audience_ctr", "desc", ["Spring Drop", "Summer Sale", "Launch Week", "Evergreen"]],
    ["audience_ctr", "asc", ["Launch Week", "Summer Sale", "Spring Drop", "Evergreen"]],
    ["conversions", "desc", ["Summer Sale", "Spring Drop", "Launch Week", "Evergreen"]],
    // 15 / 300 = 5 %, 8 / 400 = 2 %, 0 / 100 = 0 %, no unique clicks → none
    ["conversion_rate", "desc", ["Summer Sale", "Spring Drop", "Launch Week", "Evergreen"]],
    ["cost", "asc", ["Evergreen", "Launch Week", "Summer Sale", "Spring Drop"]],
    // $500 / 450 = 111 ¢, $250 / 125 = 200 ¢; no cost agreed and no clicks → none, last
    ["cpc", "desc", ["Launch Week", "Summer Sale", "Spring Drop", "Evergreen"]],
    ["cpc", "asc", ["Summer Sale", "Launch Week", "Spring Drop", "Evergreen"]],
    ["half_life", "asc", ["Evergreen", "Summer Sale", "Spring Drop", "Launch Week"]],
    ["half_life", "desc", ["Spring Drop", "Summer Sale", "Evergreen", "Launch Week"]],
  ] as const)("by %s %s", (sort, dir, expected) => {
    expect(names(sortCreatorCampaigns(HISTORY, sort, dir))).toEqual(expected);
  });
});

describe("creatorCampaignsCsv", () => {
  it("raw values in the table's order: rates as fractions, money in major units with the currency in the header", () => {
    const csv = creatorCampaignsCsv(sortCreatorCampaigns(HISTORY, "audience_ctr", "desc"));
    expect(csv.split("\r\n")).toEqual([
      "Campaign,Starts,Ends,Archived,Followers at post,Clicks,Unique clicks,Audience CTR,Conversions,Conversion rate,Revenue (USD),Cost (USD),CPC (USD),Half-life (hours)",
      "Spring Drop,2026-04-01,2026-12-31,,10000,500,400,0.04,8,0.02,0.00,,,30",
      "Summer Sale,2026-07-01,2026-12-31,,10000,450,300,0.03,15,0.05,123.45,500.00,1.11,5",
      "Launch Week,2026-01-15,2026-12-31,yes,20000,125,100,0.005,0,0,0.00,250.00,2.00,",
      "Evergreen,,,,,0,0,,0,,0.00,100.00,,2",
    ]);
  });

  it("gives each currency its own money columns", () => {
    const rows = [HISTORY[0]!, row("Fête", "2026-05-01", { clicks: 200, uniqueClicks: 150, followers: 5_000, terms: flat(30_000) }, 3, { currency: "EUR" })];
    const parsed = parseCsv(creatorCampaignsCsv(rows));
    expect(parsed.headers).toEqual(expect.arrayContaining(["cost (eur)", "cost (usd)", "cpc (eur)", "cpc (usd)"]));
    expect(parsed.rows.map((r) => [r["campaign"], r["cost (eur)"], r["cost (usd)"], r["cpc (eur)"], r["cpc (usd)"]])).toEqual([
      ["Summer Sale", "", "500.00", "", "1.11"],
      ["Fête", "300.00", "", "1.50", ""],
    ]);
  });

  it("writes a zero-decimal currency's amounts in whole units", () => {
    const rows = [row("Tokyo Pop-up", "2026-06-01", { clicks: 200, uniqueClicks: 150, followers: 5_000, terms: flat(30_000) }, 3, { currency: "JPY" })];
    const parsed = parseCsv(creatorCampaignsCsv(rows));
    expect([parsed.rows[0]!["cost (jpy)"], parsed.rows[0]!["cpc (jpy)"]]).toEqual(["30000", "150"]); // ¥30,000 over 200 clicks
  });

  it("neutralises formulas in campaign names and still has a header without campaigns", () => {
    const [header, line] = creatorCampaignsCsv([row("=HYPERLINK(\"x\")", "2026-02-01", {}, null)]).split("\r\n");
    expect(header).toContain("Cost (USD)");
    expect(line?.startsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
    expect(creatorCampaignsCsv([]).trim()).toBe("Campaign,Starts,Ends,Archived,Followers at post,Clicks,Unique clicks,Audience CTR,Conversions,Conversion rate,Revenue,Cost,CPC,Half-life (hours)");
  });
});
