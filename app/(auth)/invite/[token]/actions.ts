"use server";

import { redirect } from "next/navigation";
import { errorState, failure, type ActionState } from "@/lib/actions/action-state";
import { getSessionUser } from "@/lib/auth/page-guard";
import { appOrigin } from "@/lib/http/app-origin";
import { sendInvitationProofEmail } from "@/lib/members/invitation-email";
import { acceptInvitation, invitationUrls, issueInvitationProof } from "@/lib/members/members";

export async function acceptInvitationAction(token: string, proof: string | null, _prev: ActionState): Promise<ActionState> {
  let slug: string;
  try {
    const user = await getSessionUser();
    if (!user) return failure("Your session has ended. Sign in again.");
    ({ slug } = await acceptInvitation(String(token), user.id, { proof: typeof proof === "string" ? proof : null }));
  } catch (error) {
    return errorState(error);
  }
  redirect(`/w/${slug}`);
}

/** E-mails the invited address the invitation's link with a new proof, for an unverified account. */
export async function requestInvitationProofAction(token: string, _prev: ActionState<{ email: string }>): Promise<ActionState<{ email: string }>> {
  try {
    const user = await getSessionUser();
    if (!user) return failure("Your session has ended. Sign in again.");
    const { proof, invitation } = await issueInvitationProof(String(token), user.id);
    const { emailUrl } = invitationUrls(await appOrigin(), String(token), proof);
    await sendInvitationProofEmail({ to: invitation.email, url: emailUrl, workspaceName: invitation.workspace.name });
    return { ok: true, data: { email: invitation.email } };
  } catch (error) {
    return errorState(error);
  }
}
