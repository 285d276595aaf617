// The per-creator breakdown's columns and ordering, shared by the page and its CSV export.
import { kpiValue, type KpiKey } from "@/lib/analytics/kpi";
import type { CreatorPerformance } from "@/lib/campaigns/performance";

export const BREAKDOWN_COLUMNS: KpiKey[] = ["clicks", "unique_clicks", "audience_ctr", "conversions", "conversion_rate", "cpc", "cpa", "roas"];
export type SortKey = KpiKey | "name" | "followers" | "cost";

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

