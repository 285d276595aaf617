import { notFound } from "next/navigation";
import { CampaignForm, EMPTY_CAMPAIGN } from "@/components/campaigns/campaign-form";
import { Panel } from "@/components/ui/card";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { canWriteCampaigns } from "@/lib/workspaces/permissions";

export const metadata = { title: "New campaign" };

export default async function NewCampaignPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { workspace, role } = await requireWorkspaceMember(slug);
  if (!canWriteCampaigns(role)) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight text-gray-900">New campaign</h1>
      <Panel>
        <CampaignForm workspaceSlug={workspace.slug} initial={EMPTY_CAMPAIGN} />
      </Panel>
    </div>
  );
}
