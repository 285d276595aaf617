"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formObject, type ActionState } from "@/lib/actions/action-state";
import { runWorkspaceAction } from "@/lib/actions/workspace-action";
import { UTM_KEYS } from "@/lib/links/utm";
import { deleteWorkspace } from "@/lib/workspaces/delete-workspace";
import { updateLinkDefaults } from "@/lib/workspaces/link-defaults";

export async function updateLinkDefaultsAction(workspaceSlug: string, _prev: ActionState, formData: FormData) {
  return runWorkspaceAction(
    workspaceSlug,
    "settings.manage",
    async ({ workspace }) => {
      const form = formObject(formData);
      await updateLinkDefaults(workspace.id, {
        brandColor: form.useBrandColor === "on" ? form.brandColor : null,
        utmTemplate: Object.fromEntries(UTM_KEYS.map((key) => [key, form[key] ?? ""])),
      });
      revalidatePath(`/w/${workspaceSlug}/settings`);
      return { data: undefined, message: "Link defaults saved." };
    },
    formData,
  );
}

/** Deletes the workspace with everything in it (owner only, confirmed by typing its address). */
export async function deleteWorkspaceAction(workspaceSlug: string, _prev: ActionState, formData: FormData) {
  const state = await runWorkspaceAction(
    workspaceSlug,
    "workspace.delete",
    async ({ userId }) => {
      await deleteWorkspace(userId, workspaceSlug, formObject(formData));
      return { data: undefined };
    },
    formData,
  );
  if (state?.ok) redirect("/account?deleted=1");
  return state;
}
