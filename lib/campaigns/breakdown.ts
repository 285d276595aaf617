// The per-creator breakdown's columns and ordering, shared by the page and its CSV export.
import { KPI_CATALOG, kpiValue, type KpiKey } from "@/lib/analytics/kpi";
import type { CreatorPerformance } from "@/lib/campaigns/performance";
import { platformLabel } from "@/lib/creators/platforms";
import { toCsv } from "@/lib/csv";
import { minorToMajor } from "@/lib/money";

export const BREAKDOWN_COLUMNS: KpiKey[] = ["clicks", "unique_clicks", "audience_ctr", "conversions", "conversion_rate", "revenue", "aov", "cpc", "cpa", "roas"];
/** The CSV keeps its first columns where scripts already read them; columns added later go last. */
const CSV_LATER_COLUMNS: KpiKey[] = ["aov"];
export type SortKey = KpiKey | "name" | "followers" | "cost";

/** The KPIs that exist only when conversions are reported to Clickproof. */
export const CONVERSION_KPIS: readonly KpiKey[] = ["conversions", "conversion_rate", "revenue", "aov", "cpa", "roas"];

/**
 * Whether a campaign tracks conversions: its plan includes them and it is about them (objective or
 * a conversion target), or some have arrived. When not, its conversion KPIs read "not tracked", not 0.
 */
export function tracksConversions(
  campaign: { objective: string; kpis: readonly { kpi: string }[] },
  conversionsInPlan: boolean,
  conversionsSeen: number,
): boolean {
  if (!conversionsInPlan) return false;
  if (conversionsSeen > 0) return true;
  return campaign.objective === "conversions" || campaign.objective === "loyalty" || campaign.kpis.some((k) => CONVERSION_KPIS.includes(k.kpi as KpiKey));
}

export function sortCreators(rows: CreatorPerformance[], sort: SortKey, dir: "asc" | "desc"): CreatorPerformance[] {
  const value = (row: CreatorPerformance): number | string | null =>
    sort === "name" ? row.name : sort === "followers" ? row.kpis.followers : sort === "cost" ? row.kpis.costMinor : kpiValue(row.kpis, sort);
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return 0;
    if (va === null) return 1; // unknowns last, whichever the direction
    if (vb === null) return -1;
    const order = typeof va === "string" && typeof vb === "string" ? va.localeCompare(vb) : Number(va) - Number(vb);
    return dir === "asc" ? order : -order;
  });
}


/** The table as CSV, raw values (rates as fractions, money in major units) for spreadsheets. */
export function breakdownCsv(rows: CreatorPerformance[], currency: string): string {
  return toCsv(rows, [
    { header: "Creator", value: (r) => r.name },
    { header: "Platforms", value: (r) => r.platforms.map(platformLabel).join(" | ") },
    { header: "Followers", value: (r) => r.kpis.followers },
    ...BREAKDOWN_COLUMNS.filter((key) => !CSV_LATER_COLUMNS.includes(key)).map(kpiColumn),
    { header: `Cost (${currency})`, value: (r) => (r.kpis.costMinor === null ? "" : minorToMajor(r.kpis.costMinor, currency)) },
    ...CSV_LATER_COLUMNS.map(kpiColumn),
  ]);

  function kpiColumn(key: KpiKey) {
    return {
      header: KPI_CATALOG[key].unit === "money" ? `${KPI_CATALOG[key].label} (${currency})` : KPI_CATALOG[key].label,
      value: (r: CreatorPerformance) => {
        const value = kpiValue(r.kpis, key);
        return value === null ? "" : KPI_CATALOG[key].unit === "money" ? minorToMajor(value, currency) : value;
      },
    };
  }
}

export function parseSort(sort: string | null, dir: string | null): { sort: SortKey; dir: "asc" | "desc" } {
  const keys: readonly string[] = [...BREAKDOWN_COLUMNS, "clicks", "unique_clicks", "revenue", "aov", "name", "followers", "cost"];
  return { sort: sort && keys.includes(sort) ? (sort as SortKey) : "audience_ctr", dir: dir === "asc" ? "asc" : "desc" };
}
