"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { formObject, type ActionState } from "@/lib/actions/action-state";
import { runWorkspaceAction } from "@/lib/actions/workspace-action";
import { appOrigin } from "@/lib/http/app-origin";
import { sendInvitationEmail } from "@/lib/members/invitation-email";
import { changeMemberRole, invitationUrls, inviteMember, leaveWorkspace, removeMember, revokeInvitation, transferOwnership } from "@/lib/members/members";

const page = (slug: string) => `/w/${slug}/settings/members`;

export type InviteResult = { url: string; email: string; emailed: boolean; emailError?: string };

export async function inviteMemberAction(workspaceSlug: string, _prev: ActionState<InviteResult>, formData: FormData) {
  return runWorkspaceAction(
    workspaceSlug,
    "members.manage",
    async ({ workspace, role, userId }) => {
      const { invitation, token, proof } = await inviteMember(workspace.id, { userId, role }, formObject(formData));
      // the page shows the link; only the e-mail to the invited address carries the proof of it
      const { url, emailUrl } = invitationUrls(await appOrigin(), token, proof);
      const sent = await sendInvitationEmail({ to: invitation.email, url: emailUrl, workspaceName: workspace.name, role: invitation.role, inviterId: userId, expiresAt: invitation.expiresAt });
      revalidatePath(page(workspaceSlug));
      return { data: { url, email: invitation.email, ...sent } };
    },
    formData,
  );
}

export async function revokeInvitationAction(workspaceSlug: string, invitationId: string, _prev: ActionState) {
  return runWorkspaceAction(workspaceSlug, "members.manage", async ({ workspace, role, userId }) => {
    await revokeInvitation(workspace.id, { userId, role }, String(invitationId));
    revalidatePath(page(workspaceSlug));
    return { data: undefined, message: "Invitation withdrawn: its link no longer works." };
  });
}

export async function changeRoleAction(workspaceSlug: string, userId: string, _prev: ActionState, formData: FormData) {
  return runWorkspaceAction(
    workspaceSlug,
    "members.manage",
    async ({ workspace, role, userId: actorId }) => {
      const given = await changeMemberRole(workspace.id, { userId: actorId, role }, userId, formObject(formData));
      revalidatePath(page(workspaceSlug));
      return { data: undefined, message: `Role changed to ${given}.` };
    },
    formData,
  );
}

export async function removeMemberAction(workspaceSlug: string, userId: string, _prev: ActionState) {
  return runWorkspaceAction(workspaceSlug, "members.manage", async ({ workspace, role, userId: actorId }) => {
    await removeMember(workspace.id, { userId: actorId, role }, userId);
    revalidatePath(page(workspaceSlug));
    return { data: undefined, message: "Member removed; their API keys were revoked." };
  });
}

export async function transferOwnershipAction(workspaceSlug: string, _prev: ActionState, formData: FormData) {
  return runWorkspaceAction(
    workspaceSlug,
    "members.manage",
    async ({ workspace, role, userId }) => {
      await transferOwnership(workspace.id, { userId, role }, { userId: formData.get("userId") ?? undefined });
      revalidatePath(`/w/${workspaceSlug}`, "layout");
      return { data: undefined, message: "Ownership transferred. You are now an admin of this workspace." };
    },
    formData,
  );
}

export async function leaveWorkspaceAction(workspaceSlug: string, _prev: ActionState) {
  // Anyone may leave; the last owner is refused (lib/members).
  const state = await runWorkspaceAction(workspaceSlug, "workspace.read", async ({ workspace, role, userId }) => {
    await leaveWorkspace(workspace.id, { userId, role });
    return { data: undefined };
  });
  if (state?.ok) redirect("/workspaces");
  return state;
}
