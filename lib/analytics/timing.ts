import "server-only";
import { halfLifeHours, timingFromHourly, type TimingBucketKey } from "@/lib/analytics/kpi";
import { analyticsSince } from "@/lib/billing/gates";
import { getPool } from "@/lib/db";

export type Timing = { buckets: Record<TimingBucketKey, number>; halfLifeHours: number | null; clicks: number };

/**
 * Human clicks by whole hours since each link's post went live, from the hourly rollup (so at
 * hour resolution: the hour the post went live counts as the first hour). Links without a post
 * time have no timing. One map of hour → clicks per link.
 */
export async function getHourlyClicksSincePost(workspaceId: string, linkIds: readonly string[]): Promise<Map<string, Map<number, number>>> {
  const result = new Map<string, Map<number, number>>();
  if (linkIds.length === 0) return result;
  const since = await analyticsSince(workspaceId); // the plan's analytics history
  const { rows } = await getPool().query<{ linkId: string; hour: number; clicks: number }>(
    `SELECT h."linkId", greatest(0, floor(extract(epoch FROM (h."hour" - date_trunc('hour', l."postedAt", 'UTC'))) / 3600))::int AS "hour", sum(h."clicks")::int AS "clicks"
       FROM "LinkHourlyStat" h JOIN "Link" l ON l."id" = h."linkId" AND l."workspaceId" = h."workspaceId"
      WHERE h."workspaceId" = $1 AND h."linkId" = ANY($2::text[]) AND l."postedAt" IS NOT NULL AND h."clicks" > 0 AND h."hour" >= $3
      GROUP BY 1, 2`,
    [workspaceId, linkIds, since],
  );
  for (const row of rows) {
    const perLink = result.get(row.linkId) ?? new Map<number, number>();
    perLink.set(row.hour, (perLink.get(row.hour) ?? 0) + row.clicks);
    result.set(row.linkId, perLink);
  }
  return result;
}

/** Timing buckets and half-life for a set of links taken together (e.g. one creator's posts). */
export function combineTiming(hourly: ReadonlyMap<string, ReadonlyMap<number, number>>, linkIds: readonly string[]): Timing {
  const merged = new Map<number, number>();
  for (const id of linkIds) {
    for (const [hour, clicks] of hourly.get(id) ?? []) merged.set(hour, (merged.get(hour) ?? 0) + clicks);
  }
  return {
    buckets: timingFromHourly(merged),
    halfLifeHours: halfLifeHours(merged),
    clicks: [...merged.values()].reduce((a, b) => a + b, 0),
  };
}

export type CreatorTiming = { creatorId: string; name: string; timing: Timing };

/**
 * Each creator's timing over their links with a post time, in the order given; creators without
 * clicks since a post are left out (nothing to show). The campaign dashboard's timing table and
 * its CSV export both come from here.
 */
export async function getCreatorTimings(
  workspaceId: string,
  creators: readonly { creatorId: string; name: string; links: readonly { id: string; postedAt: Date | null }[] }[],
): Promise<CreatorTiming[]> {
  const hourly = await getHourlyClicksSincePost(workspaceId, creators.flatMap((c) => c.links.map((l) => l.id)));
  return creators
    .map((c) => ({ creatorId: c.creatorId, name: c.name, timing: combineTiming(hourly, c.links.filter((l) => l.postedAt).map((l) => l.id)) }))
    .filter((row) => row.timing.clicks > 0);
}
