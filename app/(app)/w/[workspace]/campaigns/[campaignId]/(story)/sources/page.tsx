import { TrafficTagsGrid } from "@/components/analytics/traffic-tags";
import { EmptyState, Panel } from "@/components/ui/card";
import { lastDays } from "@/lib/date-range";
import { getTrafficTags, utcDaysRange } from "@/lib/analytics/query";
import { effectivePlan, limitOf } from "@/lib/billing/plans";
import { loadCampaignPage } from "@/lib/campaigns/page-context";

export const metadata = { title: "Campaign sources" };

/** Where the campaign's clicks came from: link or QR, and the UTM tags on its links. */
export default async function CampaignSourcesPage({ params }: { params: Promise<{ workspace: string; campaignId: string }> }) {
  const { workspace: slug, campaignId } = await params;
  const { workspace, campaign } = await loadCampaignPage(slug, campaignId);
  if (!campaign) return null;
  // the same window as the performance numbers: the plan's analytics history, in whole UTC days
  const history = utcDaysRange(lastDays(limitOf(effectivePlan(workspace), "historyDays")));
  const traffic = await getTrafficTags(workspace.id, history, { campaignId: campaign.id }, 10);
  return (
    <Panel
      title="Where the clicks came from"
      description="Link clicks apart from QR scans, and the UTM tags on each link's destination (as it reads now), largest first. The API answers the same with groupBy=sources or utm_source … utm_content."
    >
      {traffic.sources.some((row) => row.clicks > 0) ? (
        <TrafficTagsGrid traffic={traffic} />
      ) : (
        <EmptyState title="No clicks yet">Once people click the campaign&apos;s links, their sources and UTM tags show up here.</EmptyState>
      )}
    </Panel>
  );
}
