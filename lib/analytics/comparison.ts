import "server-only";
import { computeKpis, sumFacts } from "@/lib/analytics/kpi";
import { getCampaign, listCampaigns } from "@/lib/campaigns/campaigns";
import { getCampaignPerformance, type CreatorPerformance } from "@/lib/campaigns/performance";

export type Comparison = { rows: CreatorPerformance[]; currency: string; campaigns: number };

/**
 * Creators side by side, in one campaign or across all of them. Across campaigns a creator's
 * facts are added up campaign by campaign — followers included, each campaign contributing the
 * audience at its own posts — so the pooled audience CTR weighs each campaign by its audience.
 * Campaigns in other currencies than the first are still added: money KPIs are only compared
 * within one currency until the brand enters exchange rates (the conversions issue).
 */
export async function getCreatorComparison(workspaceId: string, campaignId: string | null): Promise<Comparison | null> {
  if (campaignId) {
    const campaign = await getCampaign(workspaceId, campaignId);
    if (!campaign) return null;
    return { rows: (await getCampaignPerformance(campaign)).creators, currency: campaign.currency, campaigns: 1 };
  }
  const campaigns = await listCampaigns(workspaceId);
  const details = await Promise.all(campaigns.map((c) => getCampaign(workspaceId, c.id)));
  const performances = await Promise.all(details.flatMap((d) => (d ? [getCampaignPerformance(d)] : [])));
  const byCreator = new Map<string, CreatorPerformance[]>();
  for (const row of performances.flatMap((p) => p.creators)) {
    byCreator.set(row.creatorId, [...(byCreator.get(row.creatorId) ?? []), row]);
  }
  const rows = [...byCreator.values()].flatMap((parts): CreatorPerformance[] => {
    const [first] = parts;
    if (!first) return [];
    const facts = sumFacts(parts.map((p) => p.facts));
    return [{
      creatorId: first.creatorId,
      name: first.name,
      platforms: [...new Set(parts.flatMap((p) => p.platforms))],
      links: parts.flatMap((p) => p.links),
      facts,
      kpis: computeKpis(facts),
    }];
  });
  return { rows, currency: campaigns[0]?.currency ?? "USD", campaigns: campaigns.length };
}
