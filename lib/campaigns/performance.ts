import "server-only";
import type { Platform } from "@prisma/client";
import { computeKpis, sumFacts, type Kpis, type PerformanceFacts } from "@/lib/analytics/kpi";
import { analyticsSince } from "@/lib/billing/gates";
import { emptyConversionFacts, getCampaignConversionFacts } from "@/lib/conversions/facts";
import { getPool } from "@/lib/db";
import type { CampaignDetail } from "@/lib/campaigns/campaigns";

type LinkFacts = {
  linkId: string;
  slug: string;
  domain: string;
  creatorId: string | null;
  platform: Platform | null;
  postedAt: Date | null;
  clicks: number;
  filtered: number;
  uniqueClicks: number;
  /** the creator's followers on the link's platform when the post went live (or the link was made) */
  followersAtPost: number | null;
};

/**
 * Per-link click totals (from the rollups) and follower counts at the time of each post, for
 * every link of a campaign. Follower count: the latest recorded at or before the post; if the
 * history starts later, its first entry; without a platform on the link, the creator's largest.
 */
async function campaignLinkFacts(workspaceId: string, campaignId: string, since: Date): Promise<LinkFacts[]> {
  const { rows } = await getPool().query<LinkFacts>(
    `SELECT l."id" AS "linkId", l."slug", l."domain", l."creatorId", l."platform", l."postedAt",
            coalesce(h.clicks, 0)::int AS "clicks", coalesce(h.filtered, 0)::int AS "filtered", coalesce(d.unique_clicks, 0)::int AS "uniqueClicks",
            f.followers AS "followersAtPost"
       FROM "Link" l
       LEFT JOIN LATERAL (SELECT sum("clicks") AS clicks, sum("filtered") AS filtered FROM "LinkHourlyStat" WHERE "workspaceId" = $1 AND "linkId" = l."id" AND "hour" >= $3) h ON true
       LEFT JOIN LATERAL (SELECT sum("uniqueClicks") AS unique_clicks FROM "LinkDailyStat" WHERE "workspaceId" = $1 AND "linkId" = l."id" AND "day" >= ($3::timestamptz AT TIME ZONE 'UTC')::date) d ON true
       LEFT JOIN LATERAL (
         SELECT fc."followers" FROM "CreatorPlatform" cp JOIN "FollowerCount" fc ON fc."creatorPlatformId" = cp."id"
          WHERE cp."workspaceId" = $1 AND cp."creatorId" = l."creatorId" AND (l."platform" IS NULL OR cp."platform" = l."platform")
          ORDER BY (fc."recordedAt" <= coalesce(l."postedAt" AT TIME ZONE 'UTC', l."createdAt")) DESC,
                   CASE WHEN fc."recordedAt" <= coalesce(l."postedAt" AT TIME ZONE 'UTC', l."createdAt") THEN fc."recordedAt" END DESC NULLS LAST,
                   fc."recordedAt" ASC, fc."followers" DESC
          LIMIT 1
       ) f ON true
      WHERE l."workspaceId" = $1 AND l."campaignId" = $2`,
    [workspaceId, campaignId, since],
  );
  return rows;
}

export type CreatorPerformance = {
  creatorId: string;
  name: string;
  platforms: Platform[];
  links: { id: string; slug: string; domain: string; platform: Platform | null; postedAt: Date | null; clicks: number }[];
  facts: PerformanceFacts;
  kpis: Kpis;
  /** revenue in currencies without a rate to the campaign's: shown apart, never summed in */
  revenueApart: Map<string, number>;
};

export type CampaignPerformance = {
  creators: CreatorPerformance[];
  totals: Kpis;
  unassigned: PerformanceFacts;
  revenueApart: Map<string, number>;
  /** of the totals' conversions and revenue, what visitors' browsers reported (lib/conversions/facts.ts) */
  reportedByBrowser: { conversions: number; revenueMinor: number };
};

export function mergeApart(maps: Iterable<Map<string, number>>): Map<string, number> {
  const merged = new Map<string, number>();
  for (const map of maps) for (const [currency, minor] of map) merged.set(currency, (merged.get(currency) ?? 0) + minor);
  return merged;
}

export async function getCampaignPerformance(campaign: CampaignDetail): Promise<CampaignPerformance> {
  // Clicks and conversions within the plan's analytics history (lib/billing/plans.ts).
  const since = await analyticsSince(campaign.workspaceId);
  const [links, conversions] = await Promise.all([
    campaignLinkFacts(campaign.workspaceId, campaign.id, since),
    getCampaignConversionFacts(campaign.workspaceId, campaign.id, campaign.currency, since),
  ]);
  const creators = campaign.creators.map((member): CreatorPerformance => {
    const own = links.filter((link) => link.creatorId === member.creatorId);
    const converted = conversions.get(member.creatorId) ?? emptyConversionFacts();
    // One audience per platform: several links on one platform share its followers.
    const followersByPlatform = new Map<string, number>();
    for (const link of own) {
      if (link.followersAtPost === null) continue;
      const key = link.platform ?? "any";
      followersByPlatform.set(key, Math.max(followersByPlatform.get(key) ?? 0, link.followersAtPost));
    }
    const facts: PerformanceFacts = {
      clicks: own.reduce((s, l) => s + l.clicks, 0),
      uniqueClicks: own.reduce((s, l) => s + l.uniqueClicks, 0),
      filteredClicks: own.reduce((s, l) => s + l.filtered, 0),
      followers: followersByPlatform.size ? [...followersByPlatform.values()].reduce((a, b) => a + b, 0) : null,
      conversions: converted.conversions,
      purchases: converted.purchases,
      revenueMinor: converted.revenueMinor,
      terms: { flatFeeMinor: member.flatFeeMinor, giftedValueMinor: member.giftedValueMinor, commissionRate: member.commissionRate },
    };
    return {
      creatorId: member.creatorId,
      name: member.creator.name,
      platforms: [...new Set(own.map((l) => l.platform).filter((p): p is Platform => p !== null))],
      links: own.map((l) => ({ id: l.linkId, slug: l.slug, domain: l.domain, platform: l.platform, postedAt: l.postedAt, clicks: l.clicks })),
      facts,
      kpis: computeKpis(facts),
      revenueApart: converted.revenueApart,
    };
  });
  const unassignedLinks = links.filter((link) => !link.creatorId || !campaign.creators.some((m) => m.creatorId === link.creatorId));
  // Conversions of creators no longer in the campaign (or without a creator) count in its totals.
  const members = new Set(campaign.creators.map((m) => m.creatorId));
  const strays = [...conversions.entries()].filter(([creatorId]) => !members.has(creatorId)).map(([, facts]) => facts);
  const unassigned: PerformanceFacts = {
    ...sumFacts([]),
    clicks: unassignedLinks.reduce((s, l) => s + l.clicks, 0),
    uniqueClicks: unassignedLinks.reduce((s, l) => s + l.uniqueClicks, 0),
    filteredClicks: unassignedLinks.reduce((s, l) => s + l.filtered, 0),
    conversions: strays.reduce((s, f) => s + f.conversions, 0),
    purchases: strays.reduce((s, f) => s + f.purchases, 0),
    revenueMinor: strays.reduce((s, f) => s + f.revenueMinor, 0),
  };
  const revenueApart = mergeApart([...creators.map((c) => c.revenueApart), ...strays.map((f) => f.revenueApart)]);
  const everyFacts = [...conversions.values()];
  const reportedByBrowser = {
    conversions: everyFacts.reduce((s, f) => s + f.browserConversions, 0),
    revenueMinor: everyFacts.reduce((s, f) => s + f.browserRevenueMinor, 0),
  };
  return { creators, totals: computeKpis(sumFacts([...creators.map((c) => c.facts), unassigned])), unassigned, revenueApart, reportedByBrowser };
}
