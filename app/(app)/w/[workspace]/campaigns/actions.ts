"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formObject, type ActionState } from "@/lib/actions/action-state";
import { runWorkspaceAction } from "@/lib/actions/workspace-action";
import { createCampaign, getCampaignCurrency, removeCampaignCreator, setCampaignArchived, updateCampaign, upsertCampaignCreator } from "@/lib/campaigns/campaigns";
import { generateCampaignLinks, type GeneratedLinks } from "@/lib/campaigns/generate-links";
import { createPromoCode } from "@/lib/conversions/promo-codes";
import { parseCampaignForm, termsFormToInput } from "@/lib/campaigns/schema";
import { currentLinkHosts } from "@/lib/links/request-hosts";
import { shortUrl } from "@/lib/urls/short-url";
import { UTM_KEYS } from "@/lib/links/utm";

export async function createCampaignAction(workspaceSlug: string, _prev: ActionState<{ id: string }>, formData: FormData) {
  const state = await runWorkspaceAction(
    workspaceSlug,
    "campaigns.write",
    async ({ workspace }) => ({ data: { id: (await createCampaign(workspace.id, parseCampaignForm(formObject(formData)), await currentLinkHosts())).id } }),
    formData,
  );
  if (state?.ok) redirect(`/w/${workspaceSlug}/campaigns/${state.data.id}`);
  return state;
}

export async function updateCampaignAction(workspaceSlug: string, campaignId: string, _prev: ActionState<{ id: string }>, formData: FormData) {
  const state = await runWorkspaceAction(
    workspaceSlug,
    "campaigns.write",
    async ({ workspace }) => ({ data: { id: (await updateCampaign(workspace.id, campaignId, parseCampaignForm(formObject(formData)), await currentLinkHosts())).id } }),
    formData,
  );
  if (state?.ok) {
    revalidatePath(`/w/${workspaceSlug}/campaigns/${campaignId}`, "layout");
    redirect(`/w/${workspaceSlug}/campaigns/${campaignId}`);
  }
  return state;
}

export async function setCampaignArchivedAction(workspaceSlug: string, campaignId: string, archived: boolean, _prev: ActionState) {
  return runWorkspaceAction(workspaceSlug, "campaigns.write", async ({ workspace }) => {
    await setCampaignArchived(workspace.id, campaignId, archived);
    revalidatePath(`/w/${workspaceSlug}/campaigns`);
    revalidatePath(`/w/${workspaceSlug}/campaigns/${campaignId}`, "layout");
    return { data: undefined, message: archived ? "Campaign archived." : "Campaign restored." };
  });
}

export async function saveCampaignCreatorAction(workspaceSlug: string, campaignId: string, _prev: ActionState, formData: FormData) {
  return runWorkspaceAction(
    workspaceSlug,
    "campaigns.write",
    async ({ workspace }) => {
      const currency = await getCampaignCurrency(workspace.id, campaignId);
      await upsertCampaignCreator(workspace.id, campaignId, termsFormToInput(formObject(formData), currency));
      revalidatePath(`/w/${workspaceSlug}/campaigns/${campaignId}`, "layout");
      return { data: undefined, message: "Saved the creator's terms." };
    },
    formData,
  );
}

export async function removeCampaignCreatorAction(workspaceSlug: string, campaignId: string, creatorId: string, _prev: ActionState) {
  return runWorkspaceAction(workspaceSlug, "campaigns.write", async ({ workspace }) => {
    await removeCampaignCreator(workspace.id, campaignId, creatorId);
    revalidatePath(`/w/${workspaceSlug}/campaigns/${campaignId}`, "layout");
    return { data: undefined };
  });
}

/** What the generate action answers: the links made, each with its full short URL, and who was skipped. */
export type GeneratedLinksWithUrls = Omit<GeneratedLinks, "created"> & { created: (GeneratedLinks["created"][number] & { shortUrl: string })[] };

export async function generateLinksAction(workspaceSlug: string, campaignId: string, _prev: ActionState<GeneratedLinksWithUrls>, formData: FormData) {
  return runWorkspaceAction(
    workspaceSlug,
    "links.write",
    async ({ workspace, userId }) => {
      const form = formObject(formData);
      const hosts = await currentLinkHosts();
      const result = await generateCampaignLinks({ workspaceId: workspace.id, userId, hosts }, campaignId, {
        creatorIds: formData.getAll("creatorIds").filter((v): v is string => typeof v === "string"),
        utmTemplate: form.useUtm === "on" ? Object.fromEntries(UTM_KEYS.map((key) => [key, form[key] ?? ""])) : null,
        domain: form.domain,
      });
      revalidatePath(`/w/${workspaceSlug}/campaigns/${campaignId}`, "layout");
      revalidatePath(`/w/${workspaceSlug}`);
      // each new link's full short URL, to copy straight from the summary
      return { data: { ...result, created: result.created.map((link) => ({ ...link, shortUrl: shortUrl(hosts, link) })) } };
    },
    formData,
  );
}

export async function createPromoCodeAction(workspaceSlug: string, campaignId: string, _prev: ActionState, formData: FormData) {
  return runWorkspaceAction(
    workspaceSlug,
    "conversions.write",
    async ({ workspace }) => {
      const code = await createPromoCode(workspace.id, { ...formObject(formData), campaignId });
      revalidatePath(`/w/${workspaceSlug}/campaigns/${campaignId}`, "layout");
      return { data: undefined, message: `Promo code ${code.code} added.` };
    },
    formData,
  );
}
