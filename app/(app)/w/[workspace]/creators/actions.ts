"use server";

import { revalidatePath } from "next/cache";
import { formObject, type ActionState } from "@/lib/actions/action-state";
import { runWorkspaceAction } from "@/lib/actions/workspace-action";
import { addCreatorPlatform, removeCreatorPlatform, updateCreatorPlatform } from "@/lib/creators/creator-platforms";
import { createCreator } from "@/lib/creators/create-creator";
import { IMPORT_MAX_BYTES } from "@/lib/creators/import-limits";
import { creatorFormInput } from "@/lib/creators/form-input";
import { importCreatorsCsv, type CreatorImportReport } from "@/lib/creators/import-creators";
import { platformLabel } from "@/lib/creators/platforms";
import { setCreatorArchived, updateCreatorDetails } from "@/lib/creators/update-creator";
import { invalidField } from "@/lib/errors";
import { disableCreatorPage, enableCreatorPage, revokeCreatorPageLink, rotateCreatorPageLink, updateCreatorPage } from "@/lib/creator-pages/pages";
import { appOrigin } from "@/lib/http/app-origin";

const rosterPath = (workspaceSlug: string) => `/w/${workspaceSlug}/creators`;
const profilePath = (workspaceSlug: string, creatorId: string) => `/w/${workspaceSlug}/creators/${creatorId}`;

export async function createCreatorAction(workspaceSlug: string, _prev: ActionState<{ id: string; name: string }>, formData: FormData) {
  return runWorkspaceAction(workspaceSlug, "creators.write", async ({ workspace }) => {
    const creator = await createCreator(workspace.id, creatorFormInput(formObject(formData)));
    revalidatePath(rosterPath(workspaceSlug));
    return { data: { id: creator.id, name: creator.name }, message: `Added ${creator.name} to the roster.` };
  }, formData);
}

export async function importCreatorsAction(workspaceSlug: string, _prev: ActionState<CreatorImportReport>, formData: FormData) {
  return runWorkspaceAction(workspaceSlug, "creators.write", async ({ workspace }) => {
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) throw invalidField("file", "Choose a CSV file to import");
    // Checked before reading it into memory; the parser checks the text again.
    if (file.size > IMPORT_MAX_BYTES) throw invalidField("file", `The file is too large: import at most ${IMPORT_MAX_BYTES / 1_000_000} MB at a time (split it into several files).`);
    const report = await importCreatorsCsv(workspace.id, await file.text());
    revalidatePath(rosterPath(workspaceSlug));
    return { data: report };
  }, formData);
}

export async function updateCreatorAction(workspaceSlug: string, creatorId: string, _prev: ActionState, formData: FormData) {
  return runWorkspaceAction(workspaceSlug, "creators.write", async ({ workspace }) => {
    await updateCreatorDetails(workspace.id, creatorId, formObject(formData));
    revalidatePath(profilePath(workspaceSlug, creatorId));
    return { data: undefined, message: "Details saved." };
  }, formData);
}

export async function setCreatorArchivedAction(workspaceSlug: string, creatorId: string, archived: boolean, _prev: ActionState) {
  return runWorkspaceAction(workspaceSlug, "creators.write", async ({ workspace }) => {
    await setCreatorArchived(workspace.id, creatorId, archived);
    revalidatePath(rosterPath(workspaceSlug));
    revalidatePath(profilePath(workspaceSlug, creatorId));
    return { data: undefined, message: archived ? "Creator archived." : "Creator restored to the roster." };
  });
}

export async function addPlatformAction(workspaceSlug: string, creatorId: string, _prev: ActionState, formData: FormData) {
  return runWorkspaceAction(workspaceSlug, "creators.write", async ({ workspace }) => {
    await addCreatorPlatform(workspace.id, creatorId, formObject(formData));
    revalidatePath(profilePath(workspaceSlug, creatorId));
    return { data: undefined, message: "Platform added." };
  }, formData);
}

export async function updatePlatformAction(workspaceSlug: string, creatorId: string, platformId: string, _prev: ActionState, formData: FormData) {
  return runWorkspaceAction(workspaceSlug, "creators.write", async ({ workspace }) => {
    const result = await updateCreatorPlatform(workspace.id, creatorId, platformId, formObject(formData));
    revalidatePath(profilePath(workspaceSlug, creatorId));
    return { data: undefined, message: result.followersChanged ? "Saved; the new follower count is added to the history." : "Saved." };
  }, formData);
}

export async function removePlatformAction(workspaceSlug: string, creatorId: string, platformId: string, _prev: ActionState) {
  return runWorkspaceAction(workspaceSlug, "creators.write", async ({ workspace }) => {
    const removed = await removeCreatorPlatform(workspace.id, creatorId, platformId);
    revalidatePath(profilePath(workspaceSlug, creatorId));
    return { data: undefined, message: `${platformLabel(removed.platform)} removed.` };
  });
}

// ---- Creator performance pages (lib/creator-pages) ----

export type CreatorPageLinkResult = { url: string };

async function pageLinkUrl(token: string): Promise<string> {
  return `${await appOrigin()}/creator/${token}`;
}

export async function enableCreatorPageAction(workspaceSlug: string, creatorId: string, _prev: ActionState<CreatorPageLinkResult>) {
  return runWorkspaceAction(workspaceSlug, "creatorPages.manage", async ({ workspace }) => {
    const { token } = await enableCreatorPage(workspace.id, creatorId);
    revalidatePath(profilePath(workspaceSlug, creatorId));
    return { data: { url: await pageLinkUrl(token) }, message: "Page turned on. Send the creator this link:" };
  });
}

export async function rotateCreatorPageLinkAction(workspaceSlug: string, creatorId: string, _prev: ActionState<CreatorPageLinkResult>) {
  return runWorkspaceAction(workspaceSlug, "creatorPages.manage", async ({ workspace }) => {
    const { token } = await rotateCreatorPageLink(workspace.id, creatorId);
    revalidatePath(profilePath(workspaceSlug, creatorId));
    return { data: { url: await pageLinkUrl(token) }, message: "New link issued; the previous one no longer works. Send the creator this link:" };
  });
}

export async function revokeCreatorPageLinkAction(workspaceSlug: string, creatorId: string, _prev: ActionState) {
  return runWorkspaceAction(workspaceSlug, "creatorPages.manage", async ({ workspace }) => {
    await revokeCreatorPageLink(workspace.id, creatorId);
    revalidatePath(profilePath(workspaceSlug, creatorId));
    return { data: undefined, message: "Link revoked. The creator can still sign in with their e-mail." };
  });
}

export async function updateCreatorPageAction(workspaceSlug: string, creatorId: string, _prev: ActionState, formData: FormData) {
  return runWorkspaceAction(
    workspaceSlug,
    "creatorPages.manage",
    async ({ workspace }) => {
      await updateCreatorPage(workspace.id, creatorId, { showConversions: formData.get("showConversions") === "on" });
      revalidatePath(profilePath(workspaceSlug, creatorId));
      return { data: undefined, message: "Saved." };
    },
    formData,
  );
}

export async function disableCreatorPageAction(workspaceSlug: string, creatorId: string, _prev: ActionState) {
  return runWorkspaceAction(workspaceSlug, "creatorPages.manage", async ({ workspace }) => {
    await disableCreatorPage(workspace.id, creatorId);
    revalidatePath(profilePath(workspaceSlug, creatorId));
    return { data: undefined, message: "Page turned off." };
  });
}
