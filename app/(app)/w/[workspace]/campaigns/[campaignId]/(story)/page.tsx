import Link from "next/link";
import { AudienceCtrChart } from "@/components/campaigns/audience-ctr-chart";
import { CampaignTimelineChart } from "@/components/campaigns/campaign-timeline-chart";
import { CreatorBreakdownTable } from "@/components/campaigns/creator-breakdown-table";
import { NextSteps } from "@/components/campaigns/next-steps";
import { ReportedByBrowser } from "@/components/campaigns/reported-by-browser";
import { RevenueApart } from "@/components/campaigns/revenue-apart";
import { EmptyState, Panel } from "@/components/ui/card";
import { KPI_CATALOG, kpiValue, meetsTarget, type KpiKey } from "@/lib/analytics/kpi";
import { analyticsSince } from "@/lib/billing/gates";
import { planIncludes } from "@/lib/billing/plans";
import { CONVERSION_KPIS, parseSort, sortCreators, tracksConversions } from "@/lib/campaigns/breakdown";
import { loadCampaignPage } from "@/lib/campaigns/page-context";
import { getCampaignPerformance } from "@/lib/campaigns/performance";
import { getCampaignTimeline } from "@/lib/campaigns/timeline";
import { formatKpi } from "@/lib/format";
import { canWriteCampaigns, canWriteLinks } from "@/lib/workspaces/permissions";

export const metadata = { title: "Campaign" };

/** The campaign's story: how it stands against its targets, over time, and creator by creator. */
export default async function CampaignOverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string; campaignId: string }>;
  searchParams: Promise<{ sort?: string; dir?: string }>;
}) {
  const { workspace: slug, campaignId } = await params;
  const query = await searchParams;
  const { workspace, role, campaign } = await loadCampaignPage(slug, campaignId);
  if (!campaign) return null; // the layout shows the plan lock
  const { sort, dir } = parseSort(query.sort ?? null, query.dir ?? null);
  const [performance, since] = await Promise.all([getCampaignPerformance(campaign), analyticsSince(workspace.id)]);
  const timeline = await getCampaignTimeline(workspace.id, campaign, performance, since);
  const rows = sortCreators(performance.creators, sort, dir);
  const linkCount = performance.creators.reduce((n, c) => n + c.links.length, 0);
  const base = `/w/${workspace.slug}/campaigns/${campaign.id}`;
  const tracked = tracksConversions(campaign, planIncludes(workspace, "conversions"), performance.totals.conversions);
  const targets = campaign.kpis.length ? campaign.kpis : [{ kpi: "clicks" as KpiKey, target: null, primary: true, id: "clicks" }];
  const names = performance.creators.map((c) => c.name);
  const chartData = [...performance.creators]
    .filter((c) => c.kpis.audienceCtr !== null)
    .sort((a, b) => (b.kpis.audienceCtr ?? 0) - (a.kpis.audienceCtr ?? 0))
    .map((c) => ({ name: c.name, ctrPercent: (c.kpis.audienceCtr ?? 0) * 100 }));
  const untrackedNote = planIncludes(workspace, "conversions")
    ? ` No conversion has been recorded for this ${campaign.objective} campaign, so its conversion KPIs are not tracked.`
    : " Conversion tracking comes with the Single and Team plans.";
  const sortLabel = sort === "name" ? "name" : sort === "followers" ? "followers" : sort === "cost" ? "cost" : KPI_CATALOG[sort].label;

  return (
    <div className="space-y-6">
      {linkCount === 0 ? (
        <NextSteps
          setupHref={canWriteCampaigns(role) || canWriteLinks(role) ? `${base}/setup` : null}
          creators={campaign.creators.length}
          hasDestination={Boolean(campaign.destinationUrl)}
          editHref={canWriteCampaigns(role) ? `${base}/edit` : null}
        />
      ) : null}

      <section aria-label="KPIs against targets" className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-4">
        {targets.map((k) => {
          const meta = KPI_CATALOG[k.kpi];
          const untracked = !tracked && CONVERSION_KPIS.includes(k.kpi);
          const value = kpiValue(performance.totals, k.kpi);
          const met = meetsTarget(k.kpi, value, k.target);
          return (
            <div key={k.kpi} className={`min-w-0 rounded-xl bg-white p-4 shadow-sm ring-1 sm:p-5 ${k.primary ? "ring-indigo-300" : "ring-gray-200"}`} data-testid={`kpi-${k.kpi}`}>
              <p className="flex flex-wrap items-center justify-between gap-x-2 gap-y-1 text-sm font-medium text-gray-500">
                {meta.label}
                {k.primary ? <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700">Primary</span> : null}
              </p>
              <p className="mt-1 break-words text-2xl font-semibold tracking-tight text-gray-900 tabular-nums sm:text-3xl">
                {untracked ? <span className="text-lg text-gray-500">Not tracked</span> : formatKpi(meta.unit, value, campaign.currency)}
              </p>
              <p className="mt-1 text-xs text-gray-500">
                {k.target === null ? (
                  "No target"
                ) : (
                  <>
                    Target {formatKpi(meta.unit, k.target, campaign.currency)} ·{" "}
                    {met === null || untracked ? "no data yet" : met ? <span className="font-medium text-emerald-700">on target</span> : <span className="font-medium text-amber-700">below target</span>}
                  </>
                )}
              </p>
            </div>
          );
        })}
      </section>

      {timeline ? (
        <Panel title="Clicks over time" description="Each creator's clicks per day (UTC); a dashed line marks the day their post went live.">
          <CampaignTimelineChart days={timeline.days} series={timeline.series} colorNames={names} />
        </Panel>
      ) : null}

      {rows.length === 0 && linkCount === 0 ? null /* the next steps say it */ : (
        <Panel
          title="Creators in this campaign"
          description={`Ranked by ${sortLabel}. Audience CTR = unique clicks ÷ followers when the post went live.${tracked ? "" : untrackedNote}`}
          actions={
            rows.length > 0 ? (
              <a href={`${base}/export?sort=${sort}&dir=${dir}`} className="shrink-0 text-sm font-medium text-indigo-600 hover:text-indigo-500">
                Export CSV
              </a>
            ) : null
          }
        >
          {rows.length === 0 ? (
            <EmptyState title="No creators yet">
              {canWriteCampaigns(role) ? (
                <>
                  Add the creators you work with under <Link href={`${base}/setup`} className="font-medium text-indigo-600 hover:text-indigo-500">Setup</Link>, then generate a tracked link for each of them.
                </>
              ) : (
                "Once creators join this campaign, they are ranked here by what their audiences did."
              )}
            </EmptyState>
          ) : (
            <CreatorBreakdownTable rows={rows} sort={sort} dir={dir} currency={campaign.currency} conversionsTracked={tracked} />
          )}
          <RevenueApart apart={performance.revenueApart} currency={campaign.currency} />
          <ReportedByBrowser reported={performance.reportedByBrowser} totalConversions={performance.totals.conversions} currency={campaign.currency} />
          {performance.unassigned.clicks > 0 ? (
            <p className="mt-3 text-xs text-gray-500">
              {performance.unassigned.clicks.toLocaleString("en-US")} clicks came through campaign links without a creator in this campaign; they count in the totals.
            </p>
          ) : null}
        </Panel>
      )}

      {chartData.length > 0 ? (
        <Panel title="Audience CTR by creator" description="Same-size audiences can act ten times apart: this is where it shows. The dashed line is the campaign's median.">
          <AudienceCtrChart data={chartData} colorNames={names} />
        </Panel>
      ) : null}
    </div>
  );
}
