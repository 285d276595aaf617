import { notFound } from "next/navigation";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { Panel } from "@/components/ui/card";
import { PlanLockedPage } from "@/components/billing/plan-locked";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { planIncludes } from "@/lib/billing/plans";
import { getCampaign } from "@/lib/campaigns/campaigns";
import { campaignFormValues } from "@/lib/campaigns/form-values";
import { canWriteCampaigns } from "@/lib/workspaces/permissions";

export const metadata = { title: "Edit campaign" };

export default async function EditCampaignPage({ params }: { params: Promise<{ workspace: string; campaignId: string }> }) {
  const { workspace: slug, campaignId } = await params;
  const { workspace, role } = await requireWorkspaceMember(slug);
  if (!planIncludes(workspace, "campaigns")) return <PlanLockedPage title="Edit campaign" feature="campaigns" workspace={workspace} role={role} />;
  const campaign = await getCampaign(workspace.id, campaignId);
  if (!campaign || !canWriteCampaigns(role)) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Edit {campaign.name}</h1>
      <Panel>
        <CampaignForm workspaceSlug={workspace.slug} campaignId={campaign.id} initial={campaignFormValues(campaign)} />
      </Panel>
    </div>
  );
}
