import Link from "next/link";
import { PlanLockedPage } from "@/components/billing/plan-locked";
import { CampaignTabs, type CampaignTab } from "@/components/campaigns/campaign-tabs";
import { buttonClass } from "@/components/ui/button";
import { planIncludes } from "@/lib/billing/plans";
import { loadCampaignPage } from "@/lib/campaigns/page-context";
import { formatDate, formatMoney } from "@/lib/format";
import { canWriteCampaigns, canWriteLinks } from "@/lib/workspaces/permissions";

/**
 * The campaign's header and its sections. The lookup happens here, above the sections' loading
 * boundary (loading.tsx beside this file), so an unknown campaign is a real 404, never a streamed 200.
 */
export default async function CampaignLayout({ params, children }: { params: Promise<{ workspace: string; campaignId: string }>; children: React.ReactNode }) {
  const { workspace: slug, campaignId } = await params;
  const { workspace, role, campaign } = await loadCampaignPage(slug, campaignId);
  if (!campaign) return <PlanLockedPage title="Campaign" feature="campaigns" workspace={workspace} role={role} />;
  const editable = canWriteCampaigns(role);
  const tabs: CampaignTab[] = [
    { segment: "", label: "Overview" },
    { segment: "timing", label: "Timing" },
    { segment: "sources", label: "Sources" },
    ...(planIncludes(workspace, "conversions") ? [{ segment: "conversions" as const, label: "Conversions" }] : []),
    ...(editable || canWriteLinks(role) ? [{ segment: "setup" as const, label: "Setup" }] : []),
  ];
  const base = `/w/${workspace.slug}/campaigns/${campaign.id}`;
  return (
    <div className="space-y-6">
      <div className="space-y-4">
        <div>
          <Link href={`/w/${workspace.slug}/campaigns`} className="text-sm text-gray-500 hover:text-gray-700">
            ← All campaigns
          </Link>
          <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
            <div className="min-w-0">
              <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{campaign.name}</h1>
              <p className="mt-1 text-sm text-gray-500">
                <span className="capitalize">{campaign.objective}</span> · {campaign.startsOn ? formatDate(campaign.startsOn) : "no start date"} –{" "}
                {campaign.endsOn ? formatDate(campaign.endsOn) : "open"} · {campaign.budgetMinor === null ? "no budget set" : `budget ${formatMoney(campaign.budgetMinor, campaign.currency)}`}
                {campaign.archivedAt ? " · archived" : ""}
              </p>
              {campaign.destinationUrl ? <p className="mt-0.5 truncate text-sm text-gray-500">→ {campaign.destinationUrl}</p> : null}
            </div>
            {editable ? (
              <Link href={`${base}/edit`} className={buttonClass("secondary")}>
                Edit campaign
              </Link>
            ) : null}
          </div>
        </div>
        <CampaignTabs base={base} tabs={tabs} />
      </div>
      {children}
    </div>
  );
}
