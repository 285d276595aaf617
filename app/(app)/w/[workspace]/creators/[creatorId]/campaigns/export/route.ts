// GET /w/:workspace/creators/:id/campaigns/export — the creator profile's campaigns table as CSV,
// in the page's order for the same ?sort=&dir= (members only)
import { getMemberWorkspaceForFeatureRoute } from "@/lib/auth/page-guard";
import { getCreatorCampaignHistory } from "@/lib/creators/campaign-history";
import { creatorCampaignsCsv, parseCampaignSort, sortCreatorCampaigns } from "@/lib/creators/campaign-table";
import { getCreator } from "@/lib/creators/queries";
import { csvResponse } from "@/lib/csv";

export async function GET(request: Request, { params }: { params: Promise<{ workspace: string; creatorId: string }> }): Promise<Response> {
  const { workspace: slug, creatorId } = await params;
  const membership = await getMemberWorkspaceForFeatureRoute(slug, "campaigns");
  if (membership instanceof Response) return membership;
  const creator = await getCreator(membership.workspace.id, creatorId);
  const history = creator ? await getCreatorCampaignHistory(membership.workspace.id, creator.id) : null;
  if (!creator || !history) return new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const { sort, dir } = parseCampaignSort(url.searchParams.get("sort"), url.searchParams.get("dir"));
  return csvResponse(creatorCampaignsCsv(sortCreatorCampaigns(history.campaigns, sort, dir)), `${creator.name}-campaigns.csv`);
}
