"use server";

import { revalidatePath } from "next/cache";
import { formObject, type ActionState } from "@/lib/actions/action-state";
import { runWorkspaceAction } from "@/lib/actions/workspace-action";
import { createPublishableKey, revokePublishableKey } from "@/lib/conversions/publishable-keys";
import { removeExchangeRate, setExchangeRate, updateConversionSettings } from "@/lib/conversions/settings";

const page = (slug: string) => `/w/${slug}/settings/conversions`;

export async function updateConversionSettingsAction(workspaceSlug: string, _prev: ActionState, formData: FormData) {
  return runWorkspaceAction(
    workspaceSlug,
    "settings.manage",
    async ({ workspace }) => {
      const form = formObject(formData);
      await updateConversionSettings(workspace.id, { ...form, conversionTracking: form.conversionTracking === "on" });
      revalidatePath(page(workspaceSlug));
      return { data: undefined, message: "Conversion settings saved." };
    },
    formData,
  );
}

export async function setExchangeRateAction(workspaceSlug: string, _prev: ActionState, formData: FormData) {
  return runWorkspaceAction(
    workspaceSlug,
    "settings.manage",
    async ({ workspace }) => {
      const rate = await setExchangeRate(workspace.id, formObject(formData));
      revalidatePath(page(workspaceSlug));
      return { data: undefined, message: `Saved the ${rate.currency} rate.` };
    },
    formData,
  );
}

export async function removeExchangeRateAction(workspaceSlug: string, currency: string, _prev: ActionState) {
  return runWorkspaceAction(workspaceSlug, "settings.manage", async ({ workspace }) => {
    await removeExchangeRate(workspace.id, currency);
    revalidatePath(page(workspaceSlug));
    return { data: undefined };
  });
}

export async function createPublishableKeyAction(workspaceSlug: string, _prev: ActionState<{ key: string }>, formData: FormData) {
  return runWorkspaceAction(
    workspaceSlug,
    "settings.manage",
    async ({ workspace }) => {
      const created = await createPublishableKey(workspace.id, formObject(formData));
      revalidatePath(page(workspaceSlug));
      return { data: { key: created.key } };
    },
    formData,
  );
}

export async function revokePublishableKeyAction(workspaceSlug: string, keyId: string, _prev: ActionState) {
  return runWorkspaceAction(workspaceSlug, "settings.manage", async ({ workspace }) => {
    await revokePublishableKey(workspace.id, keyId);
    revalidatePath(page(workspaceSlug));
    return { data: undefined };
  });
}
