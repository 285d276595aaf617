// GET /w/:workspace/compare/export?campaign=all|<id> — the comparison table as CSV (members only)
import { getCreatorComparison } from "@/lib/analytics/comparison";
import { getMemberWorkspaceForFeatureRoute } from "@/lib/auth/page-guard";
import { breakdownCsv, parseSort, sortCreators } from "@/lib/campaigns/breakdown";
import { csvResponse } from "@/lib/csv";

export async function GET(request: Request, { params }: { params: Promise<{ workspace: string }> }): Promise<Response> {
  const { workspace: slug } = await params;
  const url = new URL(request.url);
  const campaignParam = url.searchParams.get("campaign");
  const campaignId = campaignParam && campaignParam !== "all" ? campaignParam : null;
  const membership = await getMemberWorkspaceForFeatureRoute(slug, "campaigns");
  if (membership instanceof Response) return membership;
  const comparison = await getCreatorComparison(membership.workspace.id, campaignId);
  if (!comparison) return new Response("Not found", { status: 404 });
  const { sort, dir } = parseSort(url.searchParams.get("sort"), url.searchParams.get("dir"));
  return csvResponse(breakdownCsv(sortCreators(comparison.rows, sort, dir), comparison.currency), `creators-${campaignId ?? "all-campaigns"}.csv`);
}
