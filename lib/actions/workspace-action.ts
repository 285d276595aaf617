// The guard every workspace server action goes through: authenticate (session) → resolve the
// workspace from its slug → authorise the role → run. The action receives the resolved workspace
// and never trusts a workspace id from the form.
import "server-only";
import { auth } from "@/lib/auth/auth";
import { errorState, type ActionState } from "@/lib/actions/action-state";
import { AppError } from "@/lib/errors";
import { can, type Action } from "@/lib/workspaces/permissions";
import { getMembership, type WorkspaceMembership } from "@/lib/workspaces/queries";

export type WorkspaceActionContext = WorkspaceMembership & { userId: string };

export async function runWorkspaceAction<T>(
  workspaceSlug: string,
  permission: Action,
  run: (ctx: WorkspaceActionContext) => Promise<{ data: T; message?: string }>,
  formData?: FormData,
): Promise<ActionState<T>> {
  try {
    const session = await auth();
    const userId = session?.user?.id;
    if (!userId) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
    const membership = await getMembership(userId, workspaceSlug);
    if (!membership) throw new AppError("not_found", "Workspace not found");
    if (!can(membership.role, permission)) {
      throw new AppError("forbidden", `Your role (${membership.role}) cannot do this in ${membership.workspace.name}.`);
    }
    const { data, message } = await run({ ...membership, userId });
    return { ok: true, data, message };
  } catch (error) {
    return errorState(error, formData);
  }
}
