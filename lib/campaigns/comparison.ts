import "server-only";
import { computeKpis, costOf, sumFacts } from "@/lib/analytics/kpi";
import { getCampaign, listCampaigns } from "@/lib/campaigns/campaigns";
import { getCampaignPerformance, mergeApart, type CreatorPerformance } from "@/lib/campaigns/performance";
import { convertMinor, type Rates } from "@/lib/conversions/currency";
import { getRates } from "@/lib/conversions/facts";

export type Comparison = { rows: CreatorPerformance[]; currency: string; campaigns: number };

/**
 * Creators side by side, in one campaign or across all of them. Across campaigns a creator's
 * facts are added up campaign by campaign — followers included, each campaign contributing the
 * audience at its own posts — so the pooled audience CTR weighs each campaign by its audience.
 * Money is reported in the workspace's currency: each campaign's revenue and cost convert with
 * the brand's rates; a campaign whose currency has no rate keeps its money out of the sums (its
 * revenue is listed apart, in its own currency), never added as if it were the same currency.
 */
export async function getCreatorComparison(workspaceId: string, campaignId: string | null): Promise<Comparison | null> {
  if (campaignId) {
    const campaign = await getCampaign(workspaceId, campaignId);
    if (!campaign) return null;
    return { rows: (await getCampaignPerformance(campaign)).creators, currency: campaign.currency, campaigns: 1 };
  }
  const [campaigns, rates] = await Promise.all([listCampaigns(workspaceId), getRates(workspaceId)]);
  const details = await Promise.all(campaigns.map((c) => getCampaign(workspaceId, c.id)));
  const performances = await Promise.all(
    details.flatMap((d) => (d ? [getCampaignPerformance(d).then((p) => p.creators.map((row) => inCurrency(row, d.currency, rates)))] : [])),
  );
  const byCreator = new Map<string, CreatorPerformance[]>();
  for (const row of performances.flat()) {
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
      revenueApart: mergeApart(parts.map((p) => p.revenueApart)),
    }];
  });
  return { rows, currency: rates.base, campaigns: campaigns.length };
}

/** One campaign's row with its money in the workspace's currency, or kept apart without a rate. */
function inCurrency(row: CreatorPerformance, currency: string, rates: Rates): CreatorPerformance {
  if (currency === rates.base) return row;
  const cost = costOf(row.facts.terms, row.facts.revenueMinor);
  const revenue = convertMinor(row.facts.revenueMinor, currency, rates.base, rates);
  const convertedCost = cost === null ? null : convertMinor(cost, currency, rates.base, rates);
  const apart = new Map(row.revenueApart);
  if (revenue === null) {
    if (row.facts.revenueMinor !== 0) apart.set(currency, (apart.get(currency) ?? 0) + row.facts.revenueMinor);
    return { ...row, facts: { ...row.facts, revenueMinor: 0, terms: null }, revenueApart: apart };
  }
  const terms = convertedCost === null ? null : { flatFeeMinor: convertedCost, giftedValueMinor: 0, commissionRate: 0 };
  return { ...row, facts: { ...row.facts, revenueMinor: revenue, terms }, revenueApart: apart };
}
