// Guards for pages and layouts: signed out → the sign-in page; not a member → 404. (Route handlers
// under /w/<workspace> have theirs beside the API's: withMemberRoute in lib/api/with-workspace.ts.)
import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/lib/auth/auth";
import { getMembership, type WorkspaceMembership } from "@/lib/workspaces/queries";

export async function getSessionUser(): Promise<{ id: string; email: string | null; name: string | null } | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return { id, email: session.user?.email ?? null, name: session.user?.name ?? null };
}

export async function requireUser() {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return user;
}

/**
 * The signed-in member's workspace, or the sign-in page / a 404. Once per request: the workspace
 * layout, a section's layout and its page all ask (React's cache; outside a render it simply runs).
 */
export const requireWorkspaceMember = cache(async (workspaceSlug: string): Promise<WorkspaceMembership & { user: { id: string; email: string | null; name: string | null } }> => {
  const user = await requireUser();
  const membership = await getMembership(user.id, workspaceSlug);
  // Not a member and no such workspace look the same: a URL does not reveal that a workspace exists.
  if (!membership) notFound();
  return { ...membership, user };
});
