"use server";

import { revalidatePath } from "next/cache";
import { formObject, type ActionState } from "@/lib/actions/action-state";
import { runWorkspaceAction } from "@/lib/actions/workspace-action";
import { UTM_KEYS } from "@/lib/links/utm";
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
