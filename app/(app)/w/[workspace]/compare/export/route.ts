// GET /w/:workspace/compare/export?campaign=all|<id> — the comparison table as CSV (members only)
import { getCreatorComparison } from "@/lib/campaigns/comparison";
import { withMemberRoute } from "@/lib/api/with-workspace";
import { breakdownCsv, parseSort, sortCreators } from "@/lib/campaigns/breakdown";
import { csvResponse } from "@/lib/csv";
import { notFound } from "@/lib/errors";

export const GET = withMemberRoute<{ workspace: string }>({ feature: "campaigns" }, async ({ request, membership }) => {
  const url = new URL(request.url);
  const campaignParam = url.searchParams.get("campaign");
  const campaignId = campaignParam && campaignParam !== "all" ? campaignParam : null;
  const comparison = await getCreatorComparison(membership.workspace.id, campaignId);
  if (!comparison) throw notFound("Campaign not found");
  const { sort, dir } = parseSort(url.searchParams.get("sort"), url.searchParams.get("dir"));
  return csvResponse(breakdownCsv(sortCreators(comparison.rows, sort, dir), comparison.currency), `creators-${campaignId ?? "all-campaigns"}.csv`);
});
