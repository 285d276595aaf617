// The KPI definitions of product.md, in one place. SQL aggregates over "Click" rows are defined
// here so every query (link lists, analytics, API) counts the same way.
//
// - clicks: redirects served to humans (bots and link-preview fetchers excluded)
// - filtered: the bot and preview hits, counted apart
// - unique clicks: distinct visitors per link per UTC day (a visitor is a hash of IP + user
//   agent under a salt that rotates daily, so one visitor on two days counts twice by design)
export const CLICKS_SQL = `count(*) FILTER (WHERE NOT "isBot")::int`;
export const FILTERED_SQL = `count(*) FILTER (WHERE "isBot")::int`;
export const UNIQUE_CLICKS_SQL = `count(DISTINCT ("linkId", "visitorHash", ("createdAt" AT TIME ZONE 'UTC')::date)) FILTER (WHERE NOT "isBot")::int`;

export type ClickTotals = { clicks: number; uniqueClicks: number; filteredClicks: number };

/** Share of a total as a fraction (0–1); 0 when there is nothing to share. */
export function share(part: number, total: number): number {
  return total > 0 ? part / total : 0;
}
