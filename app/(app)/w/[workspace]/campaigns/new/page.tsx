import { notFound } from "next/navigation";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { emptyCampaign } from "@/lib/campaigns/form-values";
import { Panel } from "@/components/ui/card";
import { PlanLockedPage } from "@/components/billing/plan-locked";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { planIncludes } from "@/lib/billing/plans";
import { getLinkDefaults } from "@/lib/workspaces/link-defaults";
import { canWriteCampaigns } from "@/lib/workspaces/permissions";

export const metadata = { title: "New campaign" };

export default async function NewCampaignPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { workspace, role } = await requireWorkspaceMember(slug);
  if (!planIncludes(workspace, "campaigns")) return <PlanLockedPage title="New campaign" feature="campaigns" workspace={workspace} role={role} />;
  if (!canWriteCampaigns(role)) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight text-gray-900">New campaign</h1>
      <Panel>
        <CampaignForm workspaceSlug={workspace.slug} initial={emptyCampaign((await getLinkDefaults(workspace.id)).utmTemplate)} />
      </Panel>
    </div>
  );
}
