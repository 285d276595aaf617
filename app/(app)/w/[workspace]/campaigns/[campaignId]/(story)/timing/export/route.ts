// GET /w/:workspace/campaigns/:id/timing/export — the dashboard's timing table as CSV (members only).
// The table lists creators in the breakdown's order unless sorted itself, so the export reads both
// ?sort=&dir= (the breakdown's) and ?tsort=&tdir= (the timing table's), like the page.
import { getCreatorTimings } from "@/lib/analytics/timing";
import { withMemberRoute } from "@/lib/api/with-workspace";
import { parseSort, sortCreators } from "@/lib/campaigns/breakdown";
import { getCampaign } from "@/lib/campaigns/campaigns";
import { getCampaignPerformance } from "@/lib/campaigns/performance";
import { parseTimingSort, sortTimingRows, timingCsv } from "@/lib/campaigns/timing-table";
import { csvResponse } from "@/lib/csv";
import { notFound } from "@/lib/errors";

export const GET = withMemberRoute<{ workspace: string; campaignId: string }>({ feature: "campaigns" }, async ({ request, membership, params }) => {
  const campaign = await getCampaign(membership.workspace.id, params.campaignId);
  if (!campaign) throw notFound("Campaign not found");
  const url = new URL(request.url);
  const { sort, dir } = parseSort(url.searchParams.get("sort"), url.searchParams.get("dir"));
  const timingSort = parseTimingSort(url.searchParams.get("tsort"), url.searchParams.get("tdir"));
  const performance = await getCampaignPerformance(campaign);
  const rows = await getCreatorTimings(membership.workspace.id, sortCreators(performance.creators, sort, dir));
  return csvResponse(timingCsv(sortTimingRows(rows, timingSort.sort, timingSort.dir)), `${campaign.slug}-timing.csv`);
});
