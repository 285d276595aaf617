// GET /w/:workspace/campaigns/:id/export — the campaign's per-creator breakdown as CSV (members only)
import { getCreatorComparison } from "@/lib/analytics/comparison";
import { getMemberWorkspaceForFeatureRoute } from "@/lib/auth/page-guard";
import { breakdownCsv, parseSort, sortCreators } from "@/lib/campaigns/breakdown";
import { getCampaign } from "@/lib/campaigns/campaigns";
import { csvResponse } from "@/lib/csv";

export async function GET(request: Request, { params }: { params: Promise<{ workspace: string; campaignId: string }> }): Promise<Response> {
  const { workspace: slug, campaignId } = await params;
  const membership = await getMemberWorkspaceForFeatureRoute(slug, "campaigns");
  if (membership instanceof Response) return membership;
  const campaign = await getCampaign(membership.workspace.id, campaignId);
  const comparison = campaign ? await getCreatorComparison(membership.workspace.id, campaign.id) : null;
  if (!campaign || !comparison) return new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const { sort, dir } = parseSort(url.searchParams.get("sort"), url.searchParams.get("dir"));
  return csvResponse(breakdownCsv(sortCreators(comparison.rows, sort, dir), comparison.currency), `${campaign.slug}-creators.csv`);
}
