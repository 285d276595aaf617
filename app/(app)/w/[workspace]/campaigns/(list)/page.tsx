import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, Panel } from "@/components/ui/card";
import { PlanLockedPage } from "@/components/billing/plan-locked";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { planIncludes } from "@/lib/billing/plans";
import { listCampaigns } from "@/lib/campaigns/campaigns";
import { formatDate, formatMoney } from "@/lib/format";
import { canWriteCampaigns } from "@/lib/workspaces/permissions";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata = { title: "Campaigns" };

const OBJECTIVE_LABEL: Record<string, string> = { awareness: "Awareness", traffic: "Traffic", conversions: "Conversions", loyalty: "Loyalty" };

export default async function CampaignsPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<{ view?: string }> }) {
  const { workspace: slug } = await params;
  const archived = (await searchParams).view === "archived";
  const { workspace, role } = await requireWorkspaceMember(slug);
  if (!planIncludes(workspace, "campaigns")) return <PlanLockedPage title="Campaigns" feature="campaigns" workspace={workspace} role={role} />;
  const campaigns = await listCampaigns(workspace.id, { archived });

  return (
    <div className="space-y-8">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Campaigns</h1>
          <p className="mt-1 text-sm text-gray-500">Group creators&apos; links under a campaign, set its KPIs and targets, and compare who delivered.</p>
        </div>
        {canWriteCampaigns(role) ? (
          <Link href={`/w/${workspace.slug}/campaigns/new`} className={buttonClass("primary")}>
            New campaign
          </Link>
        ) : null}
      </div>
      <Panel
        title={archived ? "Archived campaigns" : "Active campaigns"}
        actions={
          <Link href={archived ? "?" : "?view=archived"} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
            {archived ? "← Active" : "Archived"}
          </Link>
        }
      >
        {campaigns.length === 0 ? (
          <EmptyState title={archived ? "No archived campaigns" : "No campaigns yet"}>
            {archived ? "Campaigns you archive show up here." : "Create a campaign, add the creators you work with, and generate one tracked link for each of them in one go."}
          </EmptyState>
        ) : (
          <TableScroll label="Campaigns"><table className="min-w-full text-sm" data-testid="campaigns-table">
            <thead>
              <tr className="border-b border-gray-200 text-left text-xs font-medium uppercase tracking-wide text-gray-500">
                <th className="py-2 pr-4">Campaign</th>
                <th className="py-2 pr-4">Objective</th>
                <th className="py-2 pr-4">Dates</th>
                <th className="py-2 pr-4 text-right">Creators</th>
                <th className="py-2 pr-4 text-right">Links</th>
                <th className="py-2 text-right">Budget</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {campaigns.map((c) => (
                <tr key={c.id} className="hover:bg-gray-50">
                  <td className="py-3 pr-4">
                    <Link href={`/w/${workspace.slug}/campaigns/${c.id}`} className="font-medium text-indigo-700 hover:underline">
                      {c.name}
                    </Link>
                  </td>
                  <td className="py-3 pr-4 text-gray-600">{OBJECTIVE_LABEL[c.objective]}</td>
                  <td className="py-3 pr-4 text-gray-600">
                    {c.startsOn ? formatDate(c.startsOn) : "—"} – {c.endsOn ? formatDate(c.endsOn) : "open"}
                  </td>
                  <td className="py-3 pr-4 text-right tabular-nums">{c._count.creators}</td>
                  <td className="py-3 pr-4 text-right tabular-nums">{c._count.links}</td>
                  <td className="py-3 text-right tabular-nums text-gray-700">{formatMoney(c.budgetMinor, c.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table></TableScroll>
        )}
      </Panel>
    </div>
  );
}
