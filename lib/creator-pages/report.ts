// What a creator's performance page shows: only that creator's own results, per campaign, and the
// campaign median when enough creators make it up. Built on the server from the dashboard's own
// functions (getCampaignPerformance, timing), then reduced to the creator's figures before
// anything reaches the page: no other creator's id, name, link or number leaves this module.
import "server-only";
import type { Platform } from "@prisma/client";
import { combineTiming, getHourlyClicksSincePost, type Timing } from "@/lib/analytics/timing";
import { analyticsSince } from "@/lib/billing/gates";
import { getCampaign, type CampaignDetail } from "@/lib/campaigns/campaigns";
import { getCampaignPerformance } from "@/lib/campaigns/performance";
import { campaignMedian, pageKpis, type PageKpis } from "@/lib/creator-pages/compare";
import type { PageAccess } from "@/lib/creator-pages/pages";
import { getDb, getPool } from "@/lib/db";
import { shortUrl, type ShortLinkHosts } from "@/lib/urls/short-url";

export type PageLink = { shortUrl: string; platform: Platform | null; postedAt: Date | null; clicks: number };

export type PageCampaign = {
  name: string;
  startsOn: Date | null;
  endsOn: Date | null;
  ended: boolean;
  currency: string;
  own: PageKpis;
  /** revenue in currencies the brand has no rate for, shown apart (empty when conversions are hidden) */
  revenueApart: [currency: string, minor: number][];
  /** null below three participating creators */
  median: { median: PageKpis; creators: number } | null;
  links: PageLink[];
  timing: Timing;
};

export type CreatorPageReport = {
  brandName: string;
  creatorName: string;
  showConversions: boolean;
  /** the first day counted (the brand's plan history) */
  since: Date;
  campaigns: PageCampaign[];
  /** the creator's links outside any campaign */
  otherLinks: PageLink[];
};

function newestFirst(a: CampaignDetail, b: CampaignDetail): number {
  const start = (c: CampaignDetail) => c.startsOn?.getTime() ?? Number.NEGATIVE_INFINITY;
  return start(b) - start(a) || b.createdAt.getTime() - a.createdAt.getTime();
}

async function linksOutsideCampaigns(workspaceId: string, creatorId: string, since: Date, hosts: ShortLinkHosts): Promise<PageLink[]> {
  const { rows } = await getPool().query<{ slug: string; domain: string; platform: Platform | null; postedAt: Date | null; clicks: number }>(
    `SELECT l."slug", l."domain", l."platform", l."postedAt", coalesce(sum(h."clicks"), 0)::int AS "clicks"
       FROM "Link" l
       LEFT JOIN "LinkHourlyStat" h ON h."workspaceId" = l."workspaceId" AND h."linkId" = l."id" AND h."hour" >= $3
      WHERE l."workspaceId" = $1 AND l."creatorId" = $2 AND l."campaignId" IS NULL AND l."archivedAt" IS NULL
      GROUP BY l."id" ORDER BY l."createdAt" DESC LIMIT 200`,
    [workspaceId, creatorId, since],
  );
  return rows.map((row) => ({ shortUrl: shortUrl(hosts, row), platform: row.platform, postedAt: row.postedAt, clicks: row.clicks }));
}

export async function getCreatorPageReport(access: PageAccess, hosts: ShortLinkHosts, now = new Date()): Promise<CreatorPageReport> {
  const { workspaceId, creatorId, showConversions } = access;
  const since = await analyticsSince(workspaceId, now);
  const memberships = await getDb().campaignCreator.findMany({ where: { workspaceId, creatorId }, select: { campaignId: true } });
  const details = (await Promise.all(memberships.map((m) => getCampaign(workspaceId, m.campaignId))))
    .filter((c): c is CampaignDetail => c !== null)
    .sort(newestFirst);
  const [performances, otherLinks] = await Promise.all([
    Promise.all(details.map((detail) => getCampaignPerformance(detail))),
    linksOutsideCampaigns(workspaceId, creatorId, since, hosts),
  ]);
  const ownLinkIds = performances.flatMap((p) => p.creators.find((c) => c.creatorId === creatorId)?.links.filter((l) => l.postedAt).map((l) => l.id) ?? []);
  const hourly = await getHourlyClicksSincePost(workspaceId, ownLinkIds);

  const campaigns = details.flatMap((detail, index): PageCampaign[] => {
    const performance = performances[index];
    const own = performance?.creators.find((c) => c.creatorId === creatorId);
    if (!performance || !own) return [];
    const participants = performance.creators.filter((c) => c.links.length > 0);
    return [
      {
        name: detail.name,
        startsOn: detail.startsOn,
        endsOn: detail.endsOn,
        ended: detail.archivedAt !== null || (detail.endsOn !== null && detail.endsOn < now),
        currency: detail.currency,
        own: pageKpis(own.kpis, showConversions),
        revenueApart: showConversions ? [...own.revenueApart] : [],
        median: campaignMedian(participants, showConversions),
        links: own.links.map((l) => ({ shortUrl: shortUrl(hosts, l), platform: l.platform, postedAt: l.postedAt, clicks: l.clicks })),
        timing: combineTiming(hourly, own.links.filter((l) => l.postedAt).map((l) => l.id)),
      },
    ];
  });

  return { brandName: access.brandName, creatorName: access.creatorName, showConversions, since, campaigns, otherLinks };
}
