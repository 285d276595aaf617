import { TimingTable } from "@/components/campaigns/timing-table";
import { TimingChart } from "@/components/creators/timing-chart";
import { EmptyState, Panel } from "@/components/ui/card";
import { TIMING_BUCKETS } from "@/lib/analytics/kpi";
import { getCreatorTimings } from "@/lib/analytics/timing";
import { parseSort, sortCreators } from "@/lib/campaigns/breakdown";
import { loadCampaignPage } from "@/lib/campaigns/page-context";
import { getCampaignPerformance } from "@/lib/campaigns/performance";
import { parseTimingSort, sortTimingRows } from "@/lib/campaigns/timing-table";

export const metadata = { title: "Campaign timing" };

/** When the clicks came, counted from each post going live: the campaign's curve and each creator's. */
export default async function CampaignTimingPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string; campaignId: string }>;
  searchParams: Promise<{ tsort?: string; tdir?: string }>;
}) {
  const { workspace: slug, campaignId } = await params;
  const query = await searchParams;
  const { workspace, campaign } = await loadCampaignPage(slug, campaignId);
  if (!campaign) return null;
  // Creators in the overview's default order unless the table is sorted itself (?tsort=&tdir=).
  const { sort, dir } = parseSort(null, null);
  const timingSort = parseTimingSort(query.tsort, query.tdir);
  const performance = await getCampaignPerformance(campaign);
  const rows = sortTimingRows(await getCreatorTimings(workspace.id, sortCreators(performance.creators, sort, dir)), timingSort.sort, timingSort.dir);
  const timingParams: Record<string, string> = timingSort.sort === "breakdown" ? {} : { tsort: timingSort.sort, tdir: timingSort.dir };
  const exportQuery = new URLSearchParams({ sort, dir, ...timingParams });
  const curve = TIMING_BUCKETS.map((bucket) => ({ period: bucket.label, clicks: rows.reduce((sum, row) => sum + row.timing.buckets[bucket.key], 0) }));

  return (
    <div className="space-y-6">
      {rows.length > 0 ? (
        <Panel title="All creators together" description="Clicks by time since each post went live, added up over the campaign's creators.">
          <TimingChart data={curve} />
        </Panel>
      ) : null}
      <Panel
        title="Timing"
        description="When the clicks came, counted from the moment each post went live (hour resolution), and the half-life: hours until half of a creator's clicks had arrived."
        actions={
          rows.length > 0 ? (
            <a href={`/w/${workspace.slug}/campaigns/${campaign.id}/timing/export?${exportQuery.toString()}`} className="shrink-0 text-sm font-medium text-indigo-600 hover:text-indigo-500">
              Export CSV
            </a>
          ) : null
        }
      >
        {rows.length > 0 ? (
          <TimingTable rows={rows} sort={timingSort.sort} dir={timingSort.dir} keep={{}} />
        ) : (
          <EmptyState title="No timing yet">Set when each post went live on its link&apos;s page; clicks are then counted by time since the post.</EmptyState>
        )}
      </Panel>
    </div>
  );
}
