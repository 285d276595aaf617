// GET /w/:workspace/creators/:id/campaigns/export — the creator profile's campaigns table as CSV,
// in the page's order for the same ?sort=&dir= (members only)
import { withMemberRoute } from "@/lib/api/with-workspace";
import { getCreatorCampaignHistory } from "@/lib/campaigns/creator-history";
import { creatorCampaignsCsv, parseCampaignSort, sortCreatorCampaigns } from "@/lib/campaigns/creator-campaigns-table";
import { getCreator } from "@/lib/creators/queries";
import { csvResponse } from "@/lib/csv";
import { notFound } from "@/lib/errors";

export const GET = withMemberRoute<{ workspace: string; creatorId: string }>({ feature: "campaigns" }, async ({ request, membership, params }) => {
  const creator = await getCreator(membership.workspace.id, params.creatorId);
  const history = creator ? await getCreatorCampaignHistory(membership.workspace.id, creator.id) : null;
  if (!creator || !history) throw notFound("Creator not found");
  const url = new URL(request.url);
  const { sort, dir } = parseCampaignSort(url.searchParams.get("sort"), url.searchParams.get("dir"));
  return csvResponse(creatorCampaignsCsv(sortCreatorCampaigns(history.campaigns, sort, dir)), `${creator.name}-campaigns.csv`);
});
