"use server";

import { revalidatePath } from "next/cache";
import { formObject, type ActionState } from "@/lib/actions/action-state";
import { runWorkspaceAction } from "@/lib/actions/workspace-action";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/queries";
import { createLink } from "@/lib/links/create-link";
import { currentLinkHosts } from "@/lib/links/request-hosts";
import { shortUrl } from "@/lib/links/short-url";
import { setLinkArchived, updateLinkDestination } from "@/lib/links/update-link";

export async function createLinkAction(workspaceSlug: string, _prev: ActionState<{ shortUrl: string }>, formData: FormData) {
  return runWorkspaceAction(workspaceSlug, "links.write", async ({ workspace, userId }) => {
    const hosts = await currentLinkHosts();
    const link = await createLink({ workspaceId: workspace.id, userId, hosts }, formObject(formData));
    revalidatePath(`/w/${workspaceSlug}`);
    const url = shortUrl(hosts, link.slug);
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
  return runWorkspaceAction(workspaceSlug, "apiKeys.manage", async ({ workspace, userId }) => {
    const created = await createApiKey(workspace.id, userId, formObject(formData));
    revalidatePath(`/w/${workspaceSlug}/settings`);
    return { data: { key: created.key, name: created.name } };
  }, formData);
}

export async function revokeApiKeyAction(workspaceSlug: string, keyId: string, _prev: ActionState) {
  return runWorkspaceAction(workspaceSlug, "apiKeys.manage", async ({ workspace }) => {
    await revokeApiKey(workspace.id, keyId);
    revalidatePath(`/w/${workspaceSlug}/settings`);
    return { data: undefined, message: "Key revoked." };
  });
}
