import { servedHostnames } from "@/lib/domains/domains";
import { currentLinkHosts } from "@/lib/links/request-hosts";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AudienceCtrChart } from "@/components/campaigns/audience-ctr-chart";
import { TimingTable } from "@/components/campaigns/timing-table";
import { AddCreatorForm, GenerateLinksForm, RemoveCreatorButton } from "@/components/campaigns/campaign-creators-panel";
import { RevenueApart } from "@/components/campaigns/revenue-apart";
import { ConversionsFeed } from "@/components/conversions/conversions-feed";
import { PromoCodeForm } from "@/components/conversions/promo-code-form";
import { CreatorBreakdownTable } from "@/components/campaigns/creator-breakdown-table";
import { parseSort, sortCreators } from "@/lib/campaigns/breakdown";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, Panel } from "@/components/ui/card";
import { KPI_CATALOG, kpiValue, meetsTarget, type KpiKey } from "@/lib/analytics/kpi";
import { getCreatorTimings } from "@/lib/analytics/timing";
import { getTrafficTags, utcDaysRange } from "@/lib/analytics/query";
import { lastDays } from "@/lib/analytics/link-analytics";
import { TrafficTagsGrid } from "@/components/analytics/traffic-tags";
import { PlanLockedPage } from "@/components/billing/plan-locked";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { effectivePlan, limitOf, planIncludes } from "@/lib/billing/plans";
import { getCampaign } from "@/lib/campaigns/campaigns";
import { storedUtmTemplate } from "@/lib/campaigns/form-values";
import { parseTimingSort, sortTimingRows } from "@/lib/campaigns/timing-table";
import { getCampaignPerformance } from "@/lib/campaigns/performance";
import { listPromoCodes } from "@/lib/conversions/promo-codes";
import { listConversions } from "@/lib/conversions/record";
import { listCreatorOptions } from "@/lib/creators/queries";
import { getDb } from "@/lib/db";
import { formatDate, formatKpi, formatMoney, formatRate } from "@/lib/format";
import { can, canWriteCampaigns, canWriteLinks } from "@/lib/workspaces/permissions";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata = { title: "Campaign" };

export default async function CampaignPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string; campaignId: string }>;
  searchParams: Promise<{ sort?: string; dir?: string; tsort?: string; tdir?: string }>;
}) {
  const { workspace: slug, campaignId } = await params;
  const query = await searchParams;
  const { sort, dir } = parseSort(query.sort ?? null, query.dir ?? null);
  // The timing table's own sort: ?tsort=&tdir=, so it never takes over the breakdown's.
  const timingSort = parseTimingSort(query.tsort, query.tdir);
  const timingParams: Record<string, string> = timingSort.sort === "breakdown" ? {} : { tsort: timingSort.sort, tdir: timingSort.dir };
  const { workspace, role } = await requireWorkspaceMember(slug);
  if (!planIncludes(workspace, "campaigns")) return <PlanLockedPage title="Campaign" feature="campaigns" workspace={workspace} role={role} />;
  const campaign = await getCampaign(workspace.id, campaignId);
  if (!campaign) notFound();

  const conversionsOn = planIncludes(workspace, "conversions");
  // the same window as the performance numbers: the plan's analytics history, in whole UTC days
  const history = utcDaysRange(lastDays(limitOf(effectivePlan(workspace), "historyDays")));
  const [performance, traffic, roster, campaignLinks, feed, promoCodes, domains, hosts] = await Promise.all([
    getCampaignPerformance(campaign),
    getTrafficTags(workspace.id, history, { campaignId: campaign.id }, 10),
    listCreatorOptions(workspace.id),
    getDb().link.findMany({ where: { workspaceId: workspace.id, campaignId: campaign.id }, select: { slug: true, creatorId: true } }),
    conversionsOn ? listConversions(workspace.id, { campaignId: campaign.id }) : Promise.resolve([]),
    conversionsOn ? listPromoCodes(workspace.id, campaign.id) : Promise.resolve([]),
    servedHostnames(workspace.id),
    currentLinkHosts(),
  ]);
  const rows = sortCreators(performance.creators, sort, dir);
  const timingRows = sortTimingRows(await getCreatorTimings(workspace.id, rows), timingSort.sort, timingSort.dir);
  const timingExport = new URLSearchParams({ sort, dir, ...timingParams });
  const memberIds = new Set(campaign.creators.map((c) => c.creatorId));
  const linkByCreator = new Map(campaignLinks.filter((l) => l.creatorId).map((l) => [l.creatorId, l.slug]));
  const editable = canWriteCampaigns(role);
  const targets = campaign.kpis.length ? campaign.kpis : [{ kpi: "clicks" as KpiKey, target: null, primary: true, id: "clicks" }];
  const chartData = [...performance.creators]
    .filter((c) => c.kpis.audienceCtr !== null)
    .sort((a, b) => (b.kpis.audienceCtr ?? 0) - (a.kpis.audienceCtr ?? 0))
    .map((c) => ({ name: c.name, ctrPercent: (c.kpis.audienceCtr ?? 0) * 100 }));

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/w/${workspace.slug}/campaigns`} className="text-sm text-gray-500 hover:text-gray-700">
          ← All campaigns
        </Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{campaign.name}</h1>
            <p className="mt-1 text-sm text-gray-500">
              <span className="capitalize">{campaign.objective}</span> · {campaign.startsOn ? formatDate(campaign.startsOn) : "no start date"} –{" "}
              {campaign.endsOn ? formatDate(campaign.endsOn) : "open"} · budget {formatMoney(campaign.budgetMinor, campaign.currency)}
              {campaign.archivedAt ? " · archived" : ""}
            </p>
            {campaign.destinationUrl ? <p className="mt-0.5 truncate text-sm text-gray-500">→ {campaign.destinationUrl}</p> : null}
          </div>
          {editable ? (
            <Link href={`/w/${workspace.slug}/campaigns/${campaign.id}/edit`} className={buttonClass("secondary")}>
              Edit campaign
            </Link>
          ) : null}
        </div>
      </div>

      <section aria-label="KPIs against targets" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {targets.map((k) => {
          const meta = KPI_CATALOG[k.kpi];
          const value = kpiValue(performance.totals, k.kpi);
          const met = meetsTarget(k.kpi, value, k.target);
          return (
            <div key={k.kpi} className={`rounded-xl bg-white p-5 shadow-sm ring-1 ${k.primary ? "ring-indigo-300" : "ring-gray-200"}`} data-testid={`kpi-${k.kpi}`}>
              <p className="flex items-center justify-between text-sm font-medium text-gray-500">
                {meta.label}
                {k.primary ? <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700">Primary</span> : null}
              </p>
              <p className="mt-1 text-3xl font-semibold tracking-tight text-gray-900 tabular-nums">{formatKpi(meta.unit, value, campaign.currency)}</p>
              <p className="mt-1 text-xs text-gray-500">
                {k.target === null ? (
                  "No target"
                ) : (
                  <>
                    Target {formatKpi(meta.unit, k.target, campaign.currency)} ·{" "}
                    {met === null ? "no data yet" : met ? <span className="font-medium text-emerald-700">on target</span> : <span className="font-medium text-amber-700">below target</span>}
                  </>
                )}
              </p>
            </div>
          );
        })}
      </section>

      <Panel
        title="Creators in this campaign"
        description={`Ranked by ${sort === "name" ? "name" : sort === "followers" ? "followers" : sort === "cost" ? "cost" : KPI_CATALOG[sort].label}. Audience CTR = unique clicks ÷ followers when the post went live.`}
        actions={
          <a href={`/w/${workspace.slug}/campaigns/${campaign.id}/export?sort=${sort}&dir=${dir}`} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Export CSV
          </a>
        }
      >
        {rows.length === 0 ? (
          <EmptyState title="No creators yet">Add the creators you work with below, then generate a tracked link for each of them.</EmptyState>
        ) : (
          <CreatorBreakdownTable rows={rows} sort={sort} dir={dir} currency={campaign.currency} keep={timingParams} />
        )}
        <RevenueApart apart={performance.revenueApart} currency={campaign.currency} />
        {performance.unassigned.clicks > 0 ? (
          <p className="mt-3 text-xs text-gray-500">
            {performance.unassigned.clicks.toLocaleString("en-US")} clicks came through campaign links without a creator in this campaign; they count in the totals.
          </p>
        ) : null}
      </Panel>

      {chartData.length > 0 ? (
        <Panel title="Audience CTR by creator" description="Same-size audiences can act ten times apart: this is where it shows.">
          <AudienceCtrChart data={chartData} />
        </Panel>
      ) : null}

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

      <Panel
        title="Timing"
        description="When the clicks came, counted from the moment each post went live (hour resolution), and the half-life: hours until half of a creator's clicks had arrived."
        actions={
          timingRows.length > 0 ? (
            <a href={`/w/${workspace.slug}/campaigns/${campaign.id}/timing/export?${timingExport.toString()}`} className="shrink-0 text-sm font-medium text-indigo-600 hover:text-indigo-500">
              Export CSV
            </a>
          ) : null
        }
      >
        {timingRows.length > 0 ? (
          <TimingTable rows={timingRows} sort={timingSort.sort} dir={timingSort.dir} keep={{ sort, dir }} />
        ) : (
          <EmptyState title="No timing yet">Set when each post went live on its link&apos;s page; clicks are then counted by time since the post.</EmptyState>
        )}
      </Panel>

      {conversionsOn ? (
        <Panel title="Conversions" description="The newest conversions attributed to this campaign, each with how it was attributed and why. Refunds reduce revenue; cancelled orders no longer count.">
          <ConversionsFeed entries={feed} />
        </Panel>
      ) : null}

      {conversionsOn ? (
        <Panel title="Promo codes" description="A conversion carrying one of these codes, and no usable click id, is attributed to its creator in this campaign. Codes are unique in the workspace, whatever their case.">
          <div className="space-y-5">
            {promoCodes.length > 0 ? (
              <ul className="flex flex-wrap gap-2" data-testid="promo-codes">
                {promoCodes.map((code) => (
                  <li key={code.id} className="rounded-full bg-gray-100 px-3 py-1 text-sm">
                    <span className="font-mono font-semibold text-gray-900">{code.code}</span> <span className="text-gray-600">· {code.creator.name}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            {can(role, "conversions.write") ? (
              <PromoCodeForm workspaceSlug={workspace.slug} campaignId={campaign.id} creators={campaign.creators.map((m) => ({ id: m.creatorId, name: m.creator.name }))} />
            ) : promoCodes.length === 0 ? (
              <p className="text-sm text-gray-500">No promo codes yet.</p>
            ) : null}
          </div>
        </Panel>
      ) : null}

      {editable ? (
        <div className="space-y-6">
          <Panel title="Terms" description="What each creator costs in this campaign: flat fee, gifted product value, commission on attributed revenue.">
            <div className="space-y-5">
              {campaign.creators.length > 0 ? (
                <TableScroll label="Terms"><table className="min-w-full text-sm">
                  <thead>
                    <tr className="border-b border-gray-200 text-left text-xs font-medium uppercase tracking-wide text-gray-500">
                      <th className="py-1.5 pr-3">Creator</th>
                      <th className="py-1.5 pr-3 text-right">Flat fee</th>
                      <th className="py-1.5 pr-3 text-right">Gifted</th>
                      <th className="py-1.5 pr-3 text-right">Commission</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-gray-100">
                    {campaign.creators.map((m) => (
                      <tr key={m.creatorId}>
                        <td className="py-2 pr-3 font-medium text-gray-800">{m.creator.name}</td>
                        <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(m.flatFeeMinor, campaign.currency)}</td>
                        <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(m.giftedValueMinor, campaign.currency)}</td>
                        <td className="py-2 pr-3 text-right tabular-nums">{formatRate(m.commissionRate)}</td>
                        <td className="py-2 text-right">
                          <RemoveCreatorButton workspaceSlug={workspace.slug} campaignId={campaign.id} creatorId={m.creatorId} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table></TableScroll>
              ) : null}
              <AddCreatorForm workspaceSlug={workspace.slug} campaignId={campaign.id} currency={campaign.currency} creators={roster.map((c) => ({ ...c, inCampaign: memberIds.has(c.id) }))} />
            </div>
          </Panel>
          {canWriteLinks(role) ? (
            <Panel title="Generate links" description="One tracked link per selected creator, all to the campaign's destination. Creators who already have one are skipped.">
              {roster.length === 0 ? (
                <EmptyState title="No creators in your roster">Add creators first; then come back to give each of them a link.</EmptyState>
              ) : (
                <GenerateLinksForm
                  workspaceSlug={workspace.slug}
                  campaignId={campaign.id}
                  hasDestination={Boolean(campaign.destinationUrl)}
                  domains={domains}
                  defaultHost={new URL(hosts.shortOrigin).host}
                  template={storedUtmTemplate(campaign.utmTemplate)}
                  candidates={roster.map((c) => ({ ...c, inCampaign: memberIds.has(c.id), linkSlug: linkByCreator.get(c.id) ?? null }))}
                />
              )}
            </Panel>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
