"use server";

import { redirect } from "next/navigation";
import { errorState, failure, type ActionState } from "@/lib/actions/action-state";
import { getSessionUser } from "@/lib/auth/page-guard";
import { acceptInvitation } from "@/lib/members/members";

export async function acceptInvitationAction(token: string, _prev: ActionState): Promise<ActionState> {
  let slug: string;
  try {
    const user = await getSessionUser();
    if (!user) return failure("Your session has ended. Sign in again.");
    ({ slug } = await acceptInvitation(token, user));
  } catch (error) {
    return errorState(error);
  }
  redirect(`/w/${slug}`);
}
