import "server-only";
import { consistency, type Consistency, type Kpis } from "@/lib/analytics/kpi";
import { combineTiming, getHourlyClicksSincePost, type Timing } from "@/lib/analytics/timing";
import { getCampaign, type CampaignDetail } from "@/lib/campaigns/campaigns";
import { getCampaignPerformance } from "@/lib/campaigns/performance";
import { getDb } from "@/lib/db";

export type CreatorCampaign = {
  campaign: { id: string; name: string; startsOn: Date | null; endsOn: Date | null; currency: string; archivedAt: Date | null };
  /** the creator's KPIs in this campaign, exactly as the campaign dashboard shows them */
  kpis: Kpis;
  /** the creator's links in this campaign that have a post time (timing needs one) */
  postedLinks: number;
  timing: Timing;
};

export type CreatorCampaignHistory = {
  /** newest campaign first (by start date; campaigns without one last) */
  campaigns: CreatorCampaign[];
  consistency: { audienceCtr: Consistency; conversionRate: Consistency };
  /** all the creator's links with a post time, in a campaign or not */
  postedLinks: number;
  timing: Timing;
};

function newestFirst(a: CampaignDetail, b: CampaignDetail): number {
  const start = (c: CampaignDetail) => c.startsOn?.getTime() ?? Number.NEGATIVE_INFINITY;
  return start(b) - start(a) || b.createdAt.getTime() - a.createdAt.getTime();
}

/**
 * One creator across every campaign they took part in: their KPIs per campaign (from the same
 * getCampaignPerformance the dashboard uses, so the two pages can never disagree), the consistency
 * of audience CTR and conversion rate across those campaigns, and timing since their posts went
 * live. null when the creator is not in this workspace.
 */
export async function getCreatorCampaignHistory(workspaceId: string, creatorId: string): Promise<CreatorCampaignHistory | null> {
  const db = getDb();
  const creator = await db.creator.findFirst({ where: { id: creatorId, workspaceId }, select: { id: true } });
  if (!creator) return null;

  const [memberships, posted] = await Promise.all([
    db.campaignCreator.findMany({ where: { workspaceId, creatorId: creator.id }, select: { campaignId: true } }),
    db.link.findMany({ where: { workspaceId, creatorId: creator.id, postedAt: { not: null } }, select: { id: true } }),
  ]);
  // One campaign at a time through the dashboard's own functions: a creator takes part in a
  // handful of campaigns, and a second way of computing their KPIs is what must not exist.
  const details = (await Promise.all(memberships.map((m) => getCampaign(workspaceId, m.campaignId))))
    .filter((c): c is CampaignDetail => c !== null)
    .sort(newestFirst);
  const [performances, hourly] = await Promise.all([
    Promise.all(details.map((detail) => getCampaignPerformance(detail))),
    getHourlyClicksSincePost(workspaceId, posted.map((link) => link.id)),
  ]);

  const campaigns = details.flatMap((detail, index): CreatorCampaign[] => {
    const own = performances[index]?.creators.find((c) => c.creatorId === creator.id);
    if (!own) return [];
    const postedIds = own.links.filter((link) => link.postedAt !== null).map((link) => link.id);
    return [
      {
        campaign: { id: detail.id, name: detail.name, startsOn: detail.startsOn, endsOn: detail.endsOn, currency: detail.currency, archivedAt: detail.archivedAt },
        kpis: own.kpis,
        postedLinks: postedIds.length,
        timing: combineTiming(hourly, postedIds),
      },
    ];
  });

  return {
    campaigns,
    consistency: {
      audienceCtr: consistency(campaigns.map((c) => c.kpis.audienceCtr)),
      conversionRate: consistency(campaigns.map((c) => c.kpis.conversionRate)),
    },
    postedLinks: posted.length,
    timing: combineTiming(hourly, posted.map((link) => link.id)),
  };
}
