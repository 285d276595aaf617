"use server";

import { revalidatePath } from "next/cache";
import { formObject, type ActionState } from "@/lib/actions/action-state";
import { runWorkspaceAction } from "@/lib/actions/workspace-action";
import { getResolver } from "@/lib/domains/dns";
import { addDomain, checkDomain, removeDomain, setDomainFallback } from "@/lib/domains/domains";
import { currentLinkHosts } from "@/lib/links/request-hosts";

const page = (slug: string) => `/w/${slug}/settings/domains`;

export async function addDomainAction(workspaceSlug: string, _prev: ActionState, formData: FormData) {
  return runWorkspaceAction(
    workspaceSlug,
    "settings.manage",
    async ({ workspace }) => {
      const hosts = await currentLinkHosts();
      const domain = await addDomain(workspace.id, hosts, formObject(formData));
      // A brand that created the records first is verified at once.
      const checked = await checkDomain(workspace.id, domain.id, getResolver(), new Date(), hosts);
      revalidatePath(page(workspaceSlug));
      return {
        data: undefined,
        message: checked.status === "verified" ? `${checked.hostname} is verified.` : `${checked.hostname} added. Create the DNS records below, then verify.`,
      };
    },
    formData,
  );
}

export async function verifyDomainAction(workspaceSlug: string, domainId: string, _prev: ActionState) {
  return runWorkspaceAction(workspaceSlug, "settings.manage", async ({ workspace }) => {
    const checked = await checkDomain(workspace.id, domainId, getResolver(), new Date(), await currentLinkHosts());
    revalidatePath(page(workspaceSlug));
    if (checked.status === "verified" && !checked.failingSince) return { data: undefined, message: `${checked.hostname} is verified.` };
    return { data: undefined, message: checked.lastError ?? "Checked." };
  });
}

export async function setDomainFallbackAction(workspaceSlug: string, domainId: string, _prev: ActionState, formData: FormData) {
  return runWorkspaceAction(
    workspaceSlug,
    "settings.manage",
    async ({ workspace }) => {
      const domain = await setDomainFallback(workspace.id, domainId, await currentLinkHosts(), formObject(formData));
      revalidatePath(page(workspaceSlug));
      return { data: undefined, message: domain.fallbackUrl ? "Fallback saved." : "Fallback removed: unknown slugs show the not-found page." };
    },
    formData,
  );
}

export async function removeDomainAction(workspaceSlug: string, domainId: string, _prev: ActionState) {
  return runWorkspaceAction(workspaceSlug, "settings.manage", async ({ workspace }) => {
    await removeDomain(workspace.id, domainId);
    revalidatePath(page(workspaceSlug));
    return { data: undefined };
  });
}
