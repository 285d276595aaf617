// The creator profile's campaigns table: its sort (?sort=&dir=) and its CSV, shared by the page and
// the export so both list the campaigns in the same order.
import { KPI_CATALOG, kpiValue } from "@/lib/analytics/kpi";
import type { CreatorCampaign } from "@/lib/campaigns/creator-history";
import { toCsv } from "@/lib/csv";
import { minorToMajor } from "@/lib/money";
import { parseSortDir, parseSortKey, sortRowsBy, type SortDir } from "@/lib/table-sort";

export const CAMPAIGN_SORT_KEYS = [
  "campaign",
  "start",
  "followers",
  "clicks",
  "unique_clicks",
  "audience_ctr",
  "conversions",
  "conversion_rate",
  "revenue",
  "cost",
  "cpc",
  "half_life",
] as const;
export type CampaignSortKey = (typeof CAMPAIGN_SORT_KEYS)[number];

/** Names A→Z first; numbers and dates largest (newest) first. */
export function campaignSortFirstDir(key: CampaignSortKey): SortDir {
  return key === "campaign" ? "asc" : "desc";
}

/** What the table is sorted by, in words ("Sorted by audience CTR"). */
export function campaignSortLabel(key: CampaignSortKey): string {
  switch (key) {
    case "campaign":
      return "campaign name";
    case "start":
      return "start date";
    case "followers":
      return "followers at post";
    case "cost":
      return "cost";
    case "half_life":
      return "half-life";
    case "audience_ctr":
    case "cpc":
      return KPI_CATALOG[key].label;
    default:
      return KPI_CATALOG[key].label.toLowerCase();
  }
}

/** Default: newest campaign first (by start date), the order getCreatorCampaignHistory returns. */
export function parseCampaignSort(sort: string | null | undefined, dir: string | null | undefined): { sort: CampaignSortKey; dir: SortDir } {
  const key = parseSortKey(CAMPAIGN_SORT_KEYS, sort, "start");
  return { sort: key, dir: parseSortDir(dir, campaignSortFirstDir(key)) };
}

function sortValue(row: CreatorCampaign, key: CampaignSortKey): number | string | null {
  switch (key) {
    case "campaign":
      return row.campaign.name;
    case "start":
      return row.campaign.startsOn?.getTime() ?? null;
    case "followers":
      return row.kpis.followers;
    case "cost":
      return row.kpis.costMinor;
    case "half_life":
      return row.timing.halfLifeHours;
    default:
      return kpiValue(row.kpis, key);
  }
}

/**
 * The campaigns in the table's order; unknown values last either way, ties in the history's order
 * (newest first). Cost and CPC compare amounts as they are: campaigns in different currencies
 * are not converted.
 */
export function sortCreatorCampaigns(rows: readonly CreatorCampaign[], sort: CampaignSortKey, dir: SortDir): CreatorCampaign[] {
  return sortRowsBy(rows, (row) => sortValue(row, sort), dir);
}

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
const major = (minor: number | null, currency: string) => (minor === null ? "" : minorToMajor(minor, currency));

/**
 * The table as CSV with raw values: rates as fractions, money in major units with the currency in
 * the header. Campaigns may be in different currencies: then each currency has its own Cost and
 * CPC column (a row fills its campaign's), so a column never adds up two currencies.
 */
export function creatorCampaignsCsv(rows: readonly CreatorCampaign[]): string {
  const currencies = [...new Set(rows.map((r) => r.campaign.currency))].sort();
  const money = (label: string, minor: (r: CreatorCampaign) => number | null) =>
    currencies.length === 0
      ? [{ header: label, value: () => "" }]
      : currencies.map((currency) => ({
          header: `${label} (${currency})`,
          value: (r: CreatorCampaign) => (r.campaign.currency === currency ? major(minor(r), currency) : ""),
        }));
  return toCsv(rows, [
    { header: "Campaign", value: (r) => r.campaign.name },
    { header: "Starts", value: (r) => day(r.campaign.startsOn) },
    { header: "Ends", value: (r) => day(r.campaign.endsOn) },
    { header: "Archived", value: (r) => (r.campaign.archivedAt ? "yes" : "") },
    { header: "Followers at post", value: (r) => r.kpis.followers },
    { header: "Clicks", value: (r) => r.kpis.clicks },
    { header: "Unique clicks", value: (r) => r.kpis.uniqueClicks },
    { header: "Audience CTR", value: (r) => r.kpis.audienceCtr },
    { header: "Conversions", value: (r) => r.kpis.conversions },
    { header: "Conversion rate", value: (r) => r.kpis.conversionRate },
    ...money("Revenue", (r) => r.kpis.revenueMinor),
    ...money("Cost", (r) => r.kpis.costMinor),
    ...money("CPC", (r) => r.kpis.cpcMinor),
    { header: "Half-life (hours)", value: (r) => r.timing.halfLifeHours },
  ]);
}
