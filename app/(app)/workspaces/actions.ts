"use server";

import { redirect } from "next/navigation";
import { errorState, formObject, type ActionState } from "@/lib/actions/action-state";
import { auth } from "@/lib/auth/auth";
import { AppError } from "@/lib/errors";
import { createWorkspace } from "@/lib/workspaces/queries";

export async function createWorkspaceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let slug: string;
  try {
    const session = await auth();
    if (!session?.user?.id) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
    slug = (await createWorkspace(session.user.id, formObject(formData))).slug;
  } catch (error) {
    return errorState(error, formData);
  }
  redirect(`/w/${slug}`);
}
