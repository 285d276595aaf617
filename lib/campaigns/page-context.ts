import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { planIncludes } from "@/lib/billing/plans";
import { getCampaign } from "@/lib/campaigns/campaigns";

/**
 * The member, their workspace and the campaign, once per request for the campaign's layout and
 * whichever of its pages is open. The layout calls it first — outside the pages' loading boundary,
 * so an unknown campaign answers a real 404. `campaign` is null when the plan lacks campaigns.
 */
export const loadCampaignPage = cache(async (workspaceSlug: string, campaignId: string) => {
  const membership = await requireWorkspaceMember(workspaceSlug);
  if (!planIncludes(membership.workspace, "campaigns")) return { ...membership, campaign: null };
  const campaign = await getCampaign(membership.workspace.id, campaignId);
  if (!campaign) notFound();
  return { ...membership, campaign };
});
