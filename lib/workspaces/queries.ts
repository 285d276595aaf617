import "server-only";
import type { Role } from "@prisma/client";
import { BILLING_SELECT } from "@/lib/billing/gates";
import type { WorkspaceBilling } from "@/lib/billing/plans";
import { getDb } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { createWorkspaceSchema } from "@/lib/workspaces/schema";
import { firstFreeSlug, slugifyWorkspaceName } from "@/lib/workspaces/slug";

export type WorkspaceMembership = {
  workspace: { id: string; name: string; slug: string } & WorkspaceBilling;
  role: Role;
};

/** The workspace with this slug if the user is a member of it; null otherwise (→ 404). */
export async function getMembership(userId: string, workspaceSlug: string): Promise<WorkspaceMembership | null> {
  const membership = await getDb().membership.findFirst({
    where: { userId, workspace: { slug: workspaceSlug } },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true, ...BILLING_SELECT } } },
  });
  return membership;
}

export function listWorkspacesForUser(userId: string) {
  return getDb().membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, workspace: { select: { id: true, name: true, slug: true } } },
  });
}

/** Creates a workspace with the user as its owner; the slug comes from the name, made unique. */
export async function createWorkspace(userId: string, rawInput: unknown) {
  const { name } = parseInput(createWorkspaceSchema, rawInput);
  const base = slugifyWorkspaceName(name);
  const db = getDb();
  for (let attempt = 0; attempt < 3; attempt++) {
    // Deliberately across all workspaces: slugs are global. Only slugs are read.
    const existing = await db.workspace.findMany({
      where: { slug: { startsWith: base } },
      select: { slug: true },
    });
    const slug = firstFreeSlug(base, new Set(existing.map((w) => w.slug)));
    try {
      return await db.workspace.create({
        data: { name, slug, memberships: { create: { userId, role: "owner" } } },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // raced with another sign-up; look again
    }
  }
  throw new AppError("conflict", "Could not reserve a workspace address; please try again");
}
