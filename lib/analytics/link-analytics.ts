import "server-only";
import { getPool } from "@/lib/db";
import type { ClickTotals } from "@/lib/analytics/kpi";
import type { DateRange } from "@/lib/date-range";

export const BREAKDOWN_DIMENSIONS = ["source", "country", "device", "browser", "os", "referrer"] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

// Whole UTC days: the rollups count unique visitors per day, so ranges are day-aligned.
const EVERYTHING: DateRange = { start: new Date("1970-01-01T00:00:00Z"), end: new Date("9999-12-31T00:00:00Z") };

/** Clicks and filtered hits from the hourly rollup, unique clicks from the daily one. */
export async function getLinkTotals(workspaceId: string, linkId: string, range: DateRange = EVERYTHING): Promise<ClickTotals> {
  const { rows } = await getPool().query<ClickTotals>(
    `SELECT coalesce(h.clicks, 0)::int AS "clicks", coalesce(d.unique_clicks, 0)::int AS "uniqueClicks", coalesce(h.filtered, 0)::int AS "filteredClicks"
       FROM (SELECT sum("clicks") AS clicks, sum("filtered") AS filtered FROM "LinkHourlyStat"
              WHERE "workspaceId" = $1 AND "linkId" = $2 AND "hour" >= $3 AND "hour" < $4) h,
            (SELECT sum("uniqueClicks") AS unique_clicks FROM "LinkDailyStat"
              WHERE "workspaceId" = $1 AND "linkId" = $2 AND "day" >= ($3::timestamptz AT TIME ZONE 'UTC')::date AND "day" < ($4::timestamptz AT TIME ZONE 'UTC')::date) d`,
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
     ), hourly AS (
       SELECT ("hour" AT TIME ZONE 'UTC')::date AS day, sum("clicks") AS clicks, sum("filtered") AS filtered
         FROM "LinkHourlyStat" WHERE "workspaceId" = $1 AND "linkId" = $2 AND "hour" >= $3 AND "hour" < $4
         GROUP BY 1
     ), daily AS (
       SELECT "day", "uniqueClicks" FROM "LinkDailyStat"
        WHERE "workspaceId" = $1 AND "linkId" = $2 AND "day" >= ($3::timestamptz AT TIME ZONE 'UTC')::date AND "day" < ($4::timestamptz AT TIME ZONE 'UTC')::date
     )
     SELECT to_char(days.day, 'YYYY-MM-DD') AS "date", coalesce(hourly.clicks, 0)::int AS "clicks",
            coalesce(daily."uniqueClicks", 0)::int AS "uniqueClicks", coalesce(hourly.filtered, 0)::int AS "filteredClicks"
       FROM days LEFT JOIN hourly ON hourly.day = days.day LEFT JOIN daily ON daily.day = days.day
      ORDER BY days.day`,
    [workspaceId, linkId, range.start, range.end],
  );
  return rows;
}

const DIMENSION_COLUMNS: Record<BreakdownDimension, string> = {
  source: `"source"::text`,
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

export type UnservedCounts = { paused: number; expired: number };

/** Visits a paused or expired link did not serve (people only), in the range. */
export async function getUnservedHits(workspaceId: string, linkId: string, range: DateRange = EVERYTHING): Promise<UnservedCounts> {
  const { rows } = await getPool().query<UnservedCounts>(
    `SELECT count(*) FILTER (WHERE "reason" = 'paused')::int AS "paused", count(*) FILTER (WHERE "reason" = 'expired')::int AS "expired"
       FROM "UnservedHit" WHERE "workspaceId" = $1 AND "linkId" = $2 AND "createdAt" >= $3 AND "createdAt" < $4 AND NOT "isBot"`,
    [workspaceId, linkId, range.start, range.end],
  );
  return rows[0] ?? { paused: 0, expired: 0 };
}
