import "server-only";
import { getCreatorDailyClicks, utcDaysRange } from "@/lib/analytics/query";
import type { CampaignPerformance } from "@/lib/campaigns/performance";

const DAY = 86_400_000;

export type CampaignTimeline = { days: string[]; series: { name: string; clicks: number[]; postedOn: string | null }[] };

const isoDay = (at: Date) => at.toISOString().slice(0, 10);
const utcMidnight = (at: Date) => new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

/**
 * The days a campaign's clicks-over-time chart covers: from its start (or its first post, or its
 * first link) to a week after its end, never past today, never before the plan's history.
 */
export function timelineWindow(
  campaign: { startsOn: Date | null; endsOn: Date | null },
  firstActivity: Date | null,
  historyStart: Date,
  now: Date = new Date(),
): { start: Date; end: Date } | null {
  const tomorrow = new Date(utcMidnight(now).getTime() + DAY);
  const from = campaign.startsOn ?? firstActivity;
  if (!from) return null;
  const start = new Date(Math.max(utcMidnight(from).getTime(), historyStart.getTime()));
  const end = new Date(Math.min(tomorrow.getTime(), campaign.endsOn ? utcMidnight(campaign.endsOn).getTime() + 8 * DAY : tomorrow.getTime()));
  return end.getTime() > start.getTime() ? { start, end } : null;
}

/** Each creator's clicks per day in the window, and the day their (first) post went live. */
export async function getCampaignTimeline(
  workspaceId: string,
  campaign: { id: string; startsOn: Date | null; endsOn: Date | null },
  performance: CampaignPerformance,
  historyStart: Date,
  now: Date = new Date(),
): Promise<CampaignTimeline | null> {
  const links = performance.creators.flatMap((c) => c.links);
  if (links.length === 0) return null;
  const posted = links.map((l) => l.postedAt).filter((at): at is Date => at !== null);
  const firstPost = posted.length ? new Date(Math.min(...posted.map((at) => at.getTime()))) : null;
  const window = timelineWindow(campaign, firstPost, historyStart, now);
  if (!window) return null;
  const days: string[] = [];
  for (let t = window.start.getTime(); t < window.end.getTime(); t += DAY) days.push(isoDay(new Date(t)));
  const rows = await getCreatorDailyClicks(workspaceId, utcDaysRange(window), { campaignId: campaign.id });
  const index = new Map(days.map((day, i) => [day, i]));
  const series = performance.creators
    .filter((c) => c.links.length > 0)
    .map((creator) => {
      const clicks = days.map(() => 0);
      for (const row of rows) {
        const at = index.get(row.day);
        if (row.creatorId === creator.creatorId && at !== undefined) clicks[at] = (clicks[at] ?? 0) + row.clicks;
      }
      const posts = creator.links.map((l) => l.postedAt).filter((at): at is Date => at !== null);
      const postedOn = posts.length ? isoDay(new Date(Math.min(...posts.map((at) => at.getTime())))) : null;
      return { name: creator.name, clicks, postedOn };
    });
  return { days, series };
}
