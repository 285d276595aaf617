// Guards for pages and layouts: signed out → the sign-in page; not a member → 404.
import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { jsonError } from "@/lib/api/error-response";
import { auth } from "@/lib/auth/auth";
import { planRequired } from "@/lib/billing/gates";
import { planIncludes, type Feature } from "@/lib/billing/plans";
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

/**
 * The guard for route handlers under /w/<workspace> (CSV exports): the signed-in member's
 * workspace, or null — the handler answers 404 for signed-out visitors and non-members alike.
 */
export async function getMemberWorkspaceForRoute(workspaceSlug: string): Promise<WorkspaceMembership | null> {
  const user = await getSessionUser();
  return user ? getMembership(user.id, workspaceSlug) : null;
}

/**
 * The same guard for exports of a plan feature: the member's workspace, or the response to send
 * instead — 404 for signed-out visitors and non-members, 402 plan_required when the plan lacks it.
 */
export async function getMemberWorkspaceForFeatureRoute(workspaceSlug: string, feature: Feature): Promise<WorkspaceMembership | Response> {
  const membership = await getMemberWorkspaceForRoute(workspaceSlug);
  if (!membership) return new Response("Not found", { status: 404 });
  if (!planIncludes(membership.workspace, feature)) return jsonError(planRequired(feature, membership.workspace));
  return membership;
}
