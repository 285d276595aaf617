// GET /w/:workspace/campaigns/:id/timing/export — the dashboard's timing table as CSV (members only).
// The table lists creators in the breakdown's order unless sorted itself, so the export reads both
// ?sort=&dir= (the breakdown's) and ?tsort=&tdir= (the timing table's), like the page.
import { getCreatorTimings } from "@/lib/analytics/timing";
import { getMemberWorkspaceForFeatureRoute } from "@/lib/auth/page-guard";
import { parseSort, sortCreators } from "@/lib/campaigns/breakdown";
import { getCampaign } from "@/lib/campaigns/campaigns";
import { getCampaignPerformance } from "@/lib/campaigns/performance";
import { parseTimingSort, sortTimingRows, timingCsv } from "@/lib/campaigns/timing-table";
import { csvResponse } from "@/lib/csv";

export async function GET(request: Request, { params }: { params: Promise<{ workspace: string; campaignId: string }> }): Promise<Response> {
  const { workspace: slug, campaignId } = await params;
  const membership = await getMemberWorkspaceForFeatureRoute(slug, "campaigns");
  if (membership instanceof Response) return membership;
  const campaign = await getCampaign(membership.workspace.id, campaignId);
  if (!campaign) return new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const { sort, dir } = parseSort(url.searchParams.get("sort"), url.searchParams.get("dir"));
  const timingSort = parseTimingSort(url.searchParams.get("tsort"), url.searchParams.get("tdir"));
  const performance = await getCampaignPerformance(campaign);
  const rows = await getCreatorTimings(membership.workspace.id, sortCreators(performance.creators, sort, dir));
  return csvResponse(timingCsv(sortTimingRows(rows, timingSort.sort, timingSort.dir)), `${campaign.slug}-timing.csv`);
}
