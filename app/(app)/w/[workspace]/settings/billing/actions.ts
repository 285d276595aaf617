"use server";

import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { runWorkspaceAction } from "@/lib/actions/workspace-action";
import { openBillingPortal, startCheckout } from "@/lib/billing/checkout";
import { appOrigin } from "@/lib/http/app-origin";

/** Sends the owner to Stripe Checkout; the plan changes when Stripe's webhook confirms payment. */
export async function startCheckoutAction(workspaceSlug: string, _prev: ActionState<{ url: string }>, formData: FormData) {
  const state = await runWorkspaceAction(
    workspaceSlug,
    "billing.manage",
    async ({ workspace, userId }) => {
      const url = await startCheckout(
        workspace,
        { plan: String(formData.get("plan") ?? ""), interval: String(formData.get("interval") ?? "") },
        { origin: await appOrigin(), userId },
      );
      return { data: { url } };
    },
    formData,
  );
  if (state?.ok) redirect(state.data.url);
  return state;
}

/** Sends the owner to Stripe's Customer Portal (change plan, card, cancel). */
export async function openPortalAction(workspaceSlug: string, _prev: ActionState<{ url: string }>) {
  const state = await runWorkspaceAction(workspaceSlug, "billing.manage", async ({ workspace }) => ({
    data: { url: await openBillingPortal(workspace, await appOrigin()) },
  }));
  if (state?.ok) redirect(state.data.url);
  return state;
}
