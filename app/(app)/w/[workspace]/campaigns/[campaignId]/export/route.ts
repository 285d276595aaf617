// GET /w/:workspace/campaigns/:id/export — the campaign's per-creator breakdown as CSV (members only)
import { getCreatorComparison } from "@/lib/campaigns/comparison";
import { withMemberRoute } from "@/lib/api/with-workspace";
import { breakdownCsv, parseSort, sortCreators } from "@/lib/campaigns/breakdown";
import { getCampaign } from "@/lib/campaigns/campaigns";
import { csvResponse } from "@/lib/csv";
import { notFound } from "@/lib/errors";

export const GET = withMemberRoute<{ workspace: string; campaignId: string }>({ feature: "campaigns" }, async ({ request, membership, params }) => {
  const campaign = await getCampaign(membership.workspace.id, params.campaignId);
  const comparison = campaign ? await getCreatorComparison(membership.workspace.id, campaign.id) : null;
  if (!campaign || !comparison) throw notFound("Campaign not found");
  const url = new URL(request.url);
  const { sort, dir } = parseSort(url.searchParams.get("sort"), url.searchParams.get("dir"));
  return csvResponse(breakdownCsv(sortCreators(comparison.rows, sort, dir), comparison.currency), `${campaign.slug}-creators.csv`);
});
