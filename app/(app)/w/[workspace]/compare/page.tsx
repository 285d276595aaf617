import Link from "next/link";
import { AudienceCtrChart } from "@/components/campaigns/audience-ctr-chart";
import { RevenueApart } from "@/components/campaigns/revenue-apart";
import { CreatorBreakdownTable } from "@/components/campaigns/creator-breakdown-table";
import { FollowersClicksScatter } from "@/components/campaigns/followers-clicks-scatter";
import { EmptyState, Panel } from "@/components/ui/card";
import { KPI_CATALOG } from "@/lib/analytics/kpi";
import { getCreatorComparison } from "@/lib/campaigns/comparison";
import { PlanLockedPage } from "@/components/billing/plan-locked";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { planIncludes } from "@/lib/billing/plans";
import { parseSort, sortCreators } from "@/lib/campaigns/breakdown";
import { mergeApart } from "@/lib/campaigns/performance";
import { listCampaignOptions } from "@/lib/campaigns/campaigns";

export const metadata = { title: "Compare creators" };

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<{ campaign?: string; sort?: string; dir?: string }>;
}) {
  const { workspace: slug } = await params;
  const query = await searchParams;
  const { sort, dir } = parseSort(query.sort ?? null, query.dir ?? null);
  const campaignId = query.campaign && query.campaign !== "all" ? query.campaign : null;
  const { workspace, role } = await requireWorkspaceMember(slug);
  if (!planIncludes(workspace, "campaigns")) return <PlanLockedPage title="Compare creators" feature="campaigns" workspace={workspace} role={role} />;
  const [comparison, campaigns] = await Promise.all([getCreatorComparison(workspace.id, campaignId), listCampaignOptions(workspace.id)]);
  if (!comparison) {
    // an unknown ?campaign= (a stale bookmark, another workspace's id): said plainly, nothing revealed
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Compare creators</h1>
        <Panel>
          <EmptyState title="No such campaign in this workspace">
            It may have been deleted, or the link is from another workspace.{" "}
            <Link href={`/w/${workspace.slug}/compare`} className="font-medium text-indigo-600 hover:text-indigo-500">
              Compare across all campaigns
            </Link>
            .
          </EmptyState>
        </Panel>
      </div>
    );
  }
  const rows = sortCreators(comparison.rows, sort, dir);
  const withAudience = comparison.rows.filter((r) => r.kpis.followers !== null && r.kpis.audienceCtr !== null);
  const sortLabel = sort === "name" ? "name" : sort === "followers" ? "followers" : sort === "cost" ? "cost" : KPI_CATALOG[sort].label;
  const exportHref = `/w/${workspace.slug}/compare/export?campaign=${campaignId ?? "all"}&sort=${sort}&dir=${dir}`;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Compare creators</h1>
          <p className="mt-1 text-sm text-gray-500">Side by side on what their audiences did — not on how many followers they have.</p>
        </div>
        <nav aria-label="Campaign" className="flex flex-wrap gap-1.5">
          {[{ id: "all", name: "All campaigns" }, ...campaigns].map((c) => {
            const active = (campaignId ?? "all") === c.id;
            return (
              <Link
                key={c.id}
                href={`?campaign=${c.id}&sort=${sort}&dir=${dir}`}
                aria-current={active ? "page" : undefined}
                className={`rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset ${active ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-gray-700 ring-gray-300 hover:bg-gray-50"}`}
              >
                {c.name}
              </Link>
            );
          })}
        </nav>
      </div>

      {rows.length === 0 ? (
        <Panel>
          <EmptyState title="Nothing to compare yet">Add creators to a campaign and give each of them a link; their numbers line up here as visits arrive.</EmptyState>
        </Panel>
      ) : (
        <>
          <Panel
            title={campaignId ? "Creators in this campaign" : `Creators across ${comparison.campaigns} campaign${comparison.campaigns === 1 ? "" : "s"}`}
            description={`Ranked by ${sortLabel}. ${campaignId ? "" : "Across campaigns, audiences add up: each campaign counts with the followers its posts had. "}Click a column to rank by it.`}
            actions={
              <a href={exportHref} className="shrink-0 whitespace-nowrap text-sm font-medium text-indigo-600 hover:text-indigo-500">
                Export CSV
              </a>
            }
          >
            <CreatorBreakdownTable
              rows={rows}
              sort={sort}
              dir={dir}
              currency={comparison.currency}
              campaignParam={campaignId ?? "all"}
              followersLabel={campaignId ? "Followers" : "Audience (all posts)"}
              conversionsTracked={planIncludes(workspace, "conversions") && comparison.rows.some((r) => r.kpis.conversions > 0)}
            />
            <RevenueApart apart={mergeApart(comparison.rows.map((r) => r.revenueApart))} currency={comparison.currency} />
          </Panel>
          {withAudience.length > 0 ? (
            <div className="grid items-start gap-6 lg:grid-cols-2">
              <Panel title="Audience CTR" description="Unique clicks ÷ followers at the time of the post.">
                <AudienceCtrChart
                  data={[...withAudience].sort((a, b) => (b.kpis.audienceCtr ?? 0) - (a.kpis.audienceCtr ?? 0)).map((r) => ({ name: r.name, ctrPercent: (r.kpis.audienceCtr ?? 0) * 100 }))}
                />
              </Panel>
              <Panel title={campaignId ? "Followers vs. unique clicks" : "Audience vs. unique clicks"} description="Dots level with each other on audience but far apart on clicks: same reach, different pull.">
                <FollowersClicksScatter data={withAudience.map((r) => ({ name: r.name, followers: r.kpis.followers ?? 0, uniqueClicks: r.kpis.uniqueClicks }))} />
              </Panel>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
