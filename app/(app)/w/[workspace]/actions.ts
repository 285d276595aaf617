"use server";

import { revalidatePath } from "next/cache";
import { formObject, type ActionState } from "@/lib/actions/action-state";
import { runWorkspaceAction } from "@/lib/actions/workspace-action";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/queries";
import { createLink } from "@/lib/links/create-link";
import { currentLinkHosts } from "@/lib/links/request-hosts";
import { shortUrl } from "@/lib/urls/short-url";
import { setLinkArchived, updateLinkDestination, updateLinkOptions, updateLinkPost } from "@/lib/links/update-link";

export async function createLinkAction(workspaceSlug: string, _prev: ActionState<{ shortUrl: string }>, formData: FormData) {
  return runWorkspaceAction(workspaceSlug, "links.write", async ({ workspace, userId }) => {
    const hosts = await currentLinkHosts();
    const link = await createLink({ workspaceId: workspace.id, userId, hosts }, formObject(formData));
    revalidatePath(`/w/${workspaceSlug}`);
    const url = shortUrl(hosts, link);
    return { data: { shortUrl: url }, message: `Created ${url}` };
  }, formData);
}

export async function updateLinkAction(workspaceSlug: string, linkId: string, _prev: ActionState, formData: FormData) {
  return runWorkspaceAction(workspaceSlug, "links.write", async ({ workspace }) => {
    await updateLinkDestination(workspace.id, linkId, await currentLinkHosts(), formObject(formData));
    revalidatePath(`/w/${workspaceSlug}/links/${linkId}`);
    return { data: undefined, message: "Destination updated. New clicks go there from now on." };
  }, formData);
}

export async function setLinkArchivedAction(workspaceSlug: string, linkId: string, archived: boolean, _prev: ActionState) {
  return runWorkspaceAction(workspaceSlug, "links.write", async ({ workspace }) => {
    await setLinkArchived(workspace.id, linkId, archived);
    revalidatePath(`/w/${workspaceSlug}`);
    revalidatePath(`/w/${workspaceSlug}/links/${linkId}`);
    return { data: undefined, message: archived ? "Link archived: it no longer redirects." : "Link restored: it redirects again." };
  });
}

export async function createApiKeyAction(workspaceSlug: string, _prev: ActionState<{ key: string; name: string }>, formData: FormData) {
  const scopes = formData.getAll("scopes");
  // A refused form comes back with what was typed and ticked (scopes as one space-separated value).
  const echo = new FormData();
  echo.set("name", String(formData.get("name") ?? ""));
  echo.set("scopes", scopes.join(" "));
  return runWorkspaceAction(workspaceSlug, "apiKeys.manage", async ({ workspace, userId }) => {
    const created = await createApiKey(workspace.id, userId, { name: formData.get("name") ?? "", scopes });
    revalidatePath(`/w/${workspaceSlug}/settings`);
    return { data: { key: created.key, name: created.name } };
  }, echo);
}

export async function revokeApiKeyAction(workspaceSlug: string, keyId: string, _prev: ActionState) {
  return runWorkspaceAction(workspaceSlug, "apiKeys.manage", async ({ workspace }) => {
    await revokeApiKey(workspace.id, keyId);
    revalidatePath(`/w/${workspaceSlug}/settings`);
    return { data: undefined, message: "Key revoked." };
  });
}

export async function updateLinkPostAction(workspaceSlug: string, linkId: string, _prev: ActionState, formData: FormData) {
  return runWorkspaceAction(
    workspaceSlug,
    "links.write",
    async ({ workspace }) => {
      const form = formObject(formData);
      // An emptied field means "clear it"; a field the form did not send (the campaign select,
      // disabled on plans without campaign tagging) stays as it is.
      const fields = ["creatorId", "campaignId", "platform", "postedAt", "reach", "impressions"] as const;
      const input: Record<string, string | number | null> = Object.fromEntries(
        fields.filter((f) => formData.has(f)).map((f) => [f, form[f]?.trim() ? form[f].trim() : null]),
      );
      const engagement = form.engagementPercent?.trim();
      input.engagementRate = engagement ? Number(engagement.replace(/%$/, "")) / 100 : null;
      // The form shows and takes times in UTC; datetime-local sends them without a zone.
      if (typeof input.postedAt === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(input.postedAt)) input.postedAt = `${input.postedAt}:00Z`;
      await updateLinkPost(workspace.id, linkId, input);
      revalidatePath(`/w/${workspaceSlug}/links/${linkId}`);
      return { data: undefined, message: "Post details saved." };
    },
    formData,
  );
}

/** The link options form: notes, expiry time (UTC, as the form shows it), click limit, expired destination. */
export async function updateLinkOptionsAction(workspaceSlug: string, linkId: string, _prev: ActionState, formData: FormData) {
  return runWorkspaceAction(
    workspaceSlug,
    "links.write",
    async ({ workspace }) => {
      const form = formObject(formData);
      const expiresAt = form.expiresAt?.trim() ?? "";
      await updateLinkOptions(workspace.id, linkId, await currentLinkHosts(), {
        notes: form.notes ?? null,
        // datetime-local sends no zone; the form says UTC
        expiresAt: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(expiresAt) ? `${expiresAt}:00Z` : expiresAt,
        maxClicks: form.maxClicks ?? null,
        expiredUrl: form.expiredUrl ?? null,
      });
      revalidatePath(`/w/${workspaceSlug}/links/${linkId}`);
      return { data: undefined, message: "Link options saved." };
    },
    formData,
  );
}

export async function setLinkPausedAction(workspaceSlug: string, linkId: string, paused: boolean, _prev: ActionState) {
  return runWorkspaceAction(workspaceSlug, "links.write", async ({ workspace }) => {
    await updateLinkOptions(workspace.id, linkId, await currentLinkHosts(), { paused });
    revalidatePath(`/w/${workspaceSlug}`);
    revalidatePath(`/w/${workspaceSlug}/links/${linkId}`);
    return { data: undefined, message: paused ? "Link paused: visitors go to the domain's fallback (or a “paused” page) and are counted as paused hits." : "Link resumed: it redirects again." };
  });
}
