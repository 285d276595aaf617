// The campaign dashboard's timing table: its sort and its CSV, shared by the page and the export.
// It sits on the same page as the creator breakdown, whose sort is ?sort=&dir=, so its own sort
// is ?tsort=&tdir=; without one it lists the creators in the breakdown's order.
import { TIMING_BUCKETS } from "@/lib/analytics/kpi";
import type { CreatorTiming } from "@/lib/analytics/timing";
import { toCsv } from "@/lib/csv";
import { parseSortDir, parseSortKey, sortRowsBy, type SortDir } from "@/lib/table-sort";

export const TIMING_SORT_PARAMS = { sort: "tsort", dir: "tdir" } as const;

export const TIMING_SORT_KEYS = ["breakdown", "name", "half_life"] as const;
export type TimingSortKey = (typeof TIMING_SORT_KEYS)[number];

/** Names A→Z first; half-lives longest first. */
export function timingSortFirstDir(key: TimingSortKey): SortDir {
  return key === "name" ? "asc" : "desc";
}

export function parseTimingSort(sort: string | null | undefined, dir: string | null | undefined): { sort: TimingSortKey; dir: SortDir } {
  const key = parseSortKey(TIMING_SORT_KEYS, sort, "breakdown");
  return { sort: key, dir: parseSortDir(dir, timingSortFirstDir(key)) };
}

/** The rows in the table's order; "breakdown" keeps the order they come in (the breakdown's). */
export function sortTimingRows(rows: readonly CreatorTiming[], sort: TimingSortKey, dir: SortDir): CreatorTiming[] {
  switch (sort) {
    case "breakdown":
      return [...rows];
    case "name":
      return sortRowsBy(rows, (row) => row.name, dir);
    case "half_life":
      return sortRowsBy(rows, (row) => row.timing.halfLifeHours, dir);
  }
}

/** The table as CSV: clicks per period since the post (counts, not the page's shares) and the half-life. */
export function timingCsv(rows: readonly CreatorTiming[]): string {
  return toCsv(rows, [
    { header: "Creator", value: (r) => r.name },
    { header: "Clicks", value: (r) => r.timing.clicks },
    ...TIMING_BUCKETS.map((bucket) => ({ header: bucket.label, value: (r: CreatorTiming) => r.timing.buckets[bucket.key] })),
    { header: "Half-life (hours)", value: (r) => r.timing.halfLifeHours },
  ]);
}
