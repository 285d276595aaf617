import "server-only";
import { getPool } from "@/lib/db";
import { CLICKS_SQL, FILTERED_SQL, UNIQUE_CLICKS_SQL, type ClickTotals } from "@/lib/analytics/kpi";

export type DateRange = { start: Date; end: Date };

export const BREAKDOWN_DIMENSIONS = ["country", "device", "browser", "os", "referrer"] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

const EVERYTHING: DateRange = { start: new Date(0), end: new Date(8.64e15) };

export async function getLinkTotals(workspaceId: string, linkId: string, range: DateRange = EVERYTHING): Promise<ClickTotals> {
  const { rows } = await getPool().query<ClickTotals>(
    `SELECT ${CLICKS_SQL} AS "clicks", ${UNIQUE_CLICKS_SQL} AS "uniqueClicks", ${FILTERED_SQL} AS "filteredClicks"
       FROM "Click" WHERE "workspaceId" = $1 AND "linkId" = $2 AND "createdAt" >= $3 AND "createdAt" < $4`,
    [workspaceId, linkId, range.start, range.end],
  );
  return rows[0] ?? { clicks: 0, uniqueClicks: 0, filteredClicks: 0 };
}

export type DailyPoint = { date: string } & ClickTotals;

/** One point per UTC day in the range, days without clicks included as zeros. */
export async function getLinkDailySeries(workspaceId: string, linkId: string, range: DateRange): Promise<DailyPoint[]> {
  const { rows } = await getPool().query<DailyPoint>(
    `WITH days AS (
       SELECT generate_series(($3::timestamptz AT TIME ZONE 'UTC')::date, (($4::timestamptz - interval '1 millisecond') AT TIME ZONE 'UTC')::date, interval '1 day')::date AS day
     ), counts AS (
       SELECT ("createdAt" AT TIME ZONE 'UTC')::date AS day, ${CLICKS_SQL} AS clicks, ${UNIQUE_CLICKS_SQL} AS unique_clicks, ${FILTERED_SQL} AS filtered
         FROM "Click" WHERE "workspaceId" = $1 AND "linkId" = $2 AND "createdAt" >= $3 AND "createdAt" < $4
         GROUP BY 1
     )
     SELECT to_char(days.day, 'YYYY-MM-DD') AS "date", coalesce(counts.clicks, 0) AS "clicks",
            coalesce(counts.unique_clicks, 0) AS "uniqueClicks", coalesce(counts.filtered, 0) AS "filteredClicks"
       FROM days LEFT JOIN counts ON counts.day = days.day ORDER BY days.day`,
    [workspaceId, linkId, range.start, range.end],
  );
  return rows;
}

const DIMENSION_COLUMNS: Record<BreakdownDimension, string> = {
  country: `"country"`,
  device: `"device"::text`,
  browser: `"browser"`,
  os: `"os"`,
  referrer: `"referrer"`,
};

export type BreakdownRow = { name: string | null; clicks: number };

/** Human clicks by one dimension, largest first; null means unknown (or direct, for referrers). */
export async function getLinkBreakdown(
  workspaceId: string,
  linkId: string,
  dimension: BreakdownDimension,
  range: DateRange,
  limit = 10,
): Promise<BreakdownRow[]> {
  const column = DIMENSION_COLUMNS[dimension];
  const { rows } = await getPool().query<BreakdownRow>(
    `SELECT ${column} AS "name", count(*)::int AS "clicks"
       FROM "Click" WHERE "workspaceId" = $1 AND "linkId" = $2 AND "createdAt" >= $3 AND "createdAt" < $4 AND NOT "isBot"
       GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST LIMIT $5`,
    [workspaceId, linkId, range.start, range.end, limit],
  );
  return rows;
}

export function lastDays(days: number, now: Date = new Date()): DateRange {
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  const start = new Date(end.getTime() - days * 86_400_000);
  return { start, end };
}
