// Creators' own performance pages: the brand turns one on per creator (a plan feature), hands out
// a secret link it can rotate or revoke, and the creator can also sign in with the e-mail the
// brand registered for them. Access is decided here; what the page shows is report.ts.
import "server-only";
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { BILLING_SELECT, requireFeature } from "@/lib/billing/gates";
import { planIncludes } from "@/lib/billing/plans";
import { getDb } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, notFound } from "@/lib/errors";
import { hashSecretToken, newSecretToken } from "@/lib/secret-token";
import { parseInput } from "@/lib/validation";

const TOKEN_PREFIX = "cpp_";

export type CreatorPageSettings = {
  id: string;
  showConversions: boolean;
  hasLink: boolean;
  linkIssuedAt: Date | null;
  createdAt: Date;
};

async function findCreator(workspaceId: string, creatorId: string) {
  const creator = await getDb().creator.findFirst({ where: { id: creatorId, workspaceId }, select: { id: true, archivedAt: true } });
  if (!creator) throw notFound("Creator not found");
  return creator;
}

/** The brand's view of a creator's page (never the token); null when it is off. */
export async function getCreatorPageSettings(workspaceId: string, creatorId: string): Promise<CreatorPageSettings | null> {
  const page = await getDb().creatorPage.findFirst({
    where: { workspaceId, creatorId },
    select: { id: true, showConversions: true, linkIssuedAt: true, createdAt: true, tokenHash: true },
  });
  if (!page) return null;
  return { id: page.id, showConversions: page.showConversions, hasLink: page.tokenHash !== null, linkIssuedAt: page.linkIssuedAt, createdAt: page.createdAt };
}

/** Turns the page on with a new secret link, returned once. */
export async function enableCreatorPage(workspaceId: string, creatorId: string, now = new Date()): Promise<{ token: string }> {
  await requireFeature(workspaceId, "creatorPages");
  const creator = await findCreator(workspaceId, creatorId);
  if (creator.archivedAt) throw new AppError("conflict", "Restore this creator before giving them a page.");
  const token = newSecretToken(TOKEN_PREFIX);
  try {
    await getDb().creatorPage.create({ data: { workspaceId, creatorId, tokenHash: hashSecretToken(token), linkIssuedAt: now } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "This creator already has a page; rotate its link to get a new one.");
    throw error;
  }
  return { token };
}

/** A new secret link; the previous one stops working at once. Also re-issues a revoked link. */
export async function rotateCreatorPageLink(workspaceId: string, creatorId: string, now = new Date()): Promise<{ token: string }> {
  await requireFeature(workspaceId, "creatorPages");
  const token = newSecretToken(TOKEN_PREFIX);
  const { count } = await getDb().creatorPage.updateMany({ where: { workspaceId, creatorId }, data: { tokenHash: hashSecretToken(token), linkIssuedAt: now } });
  if (count === 0) throw notFound("This creator has no page");
  return { token };
}

/** Revokes the secret link; the creator can still sign in with their e-mail. */
export async function revokeCreatorPageLink(workspaceId: string, creatorId: string): Promise<void> {
  const { count } = await getDb().creatorPage.updateMany({ where: { workspaceId, creatorId }, data: { tokenHash: null, linkIssuedAt: null } });
  if (count === 0) throw notFound("This creator has no page");
}

const settingsSchema = z.object({ showConversions: z.boolean({ error: "Choose whether conversions are shown" }) });

export async function updateCreatorPage(workspaceId: string, creatorId: string, rawInput: unknown): Promise<void> {
  const { showConversions } = parseInput(settingsSchema, rawInput);
  const { count } = await getDb().creatorPage.updateMany({ where: { workspaceId, creatorId }, data: { showConversions } });
  if (count === 0) throw notFound("This creator has no page");
}

/** Turns the page off: the link and the e-mail sign-in both stop showing it. */
export async function disableCreatorPage(workspaceId: string, creatorId: string): Promise<void> {
  const { count } = await getDb().creatorPage.deleteMany({ where: { workspaceId, creatorId } });
  if (count === 0) throw notFound("This creator has no page");
}

// ---------------------------------------------------------------------------------------------
// Access. Both ways end in a PageAccess: which page, of which creator, in which workspace.

export type PageAccess = {
  pageId: string;
  workspaceId: string;
  brandName: string;
  creatorId: string;
  creatorName: string;
  showConversions: boolean;
  /** false when the brand's plan no longer includes creator pages: the page says it is paused */
  available: boolean;
};

const ACCESS_SELECT = {
  id: true,
  workspaceId: true,
  showConversions: true,
  creator: { select: { id: true, name: true, email: true, archivedAt: true } },
  workspace: { select: { name: true, ...BILLING_SELECT } },
} as const satisfies Prisma.CreatorPageSelect;

type AccessRow = Prisma.CreatorPageGetPayload<{ select: typeof ACCESS_SELECT }>;

function toAccess(row: AccessRow): PageAccess {
  return {
    pageId: row.id,
    workspaceId: row.workspaceId,
    brandName: row.workspace.name,
    creatorId: row.creator.id,
    creatorName: row.creator.name,
    showConversions: row.showConversions,
    available: planIncludes(row.workspace, "creatorPages"),
  };
}

/** The page a secret link opens; null for an unknown, rotated or revoked link. The token names the workspace. */
export async function unsafeFindCreatorPageByToken(token: string): Promise<PageAccess | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return null;
  const row = await getDb().creatorPage.findUnique({ where: { tokenHash: hashSecretToken(token) }, select: ACCESS_SELECT });
  return row && !row.creator.archivedAt ? toAccess(row) : null;
}

/**
 * Every page given to a signed-in creator: pages of creators whose registered e-mail is the
 * user's, across workspaces. Only a verified address counts (a magic-link sign-in verifies it):
 * anyone can type an address into a sign-up form, only its owner can click the link sent to it.
 */
export async function unsafeListPagesForEmail(user: { email: string | null; emailVerified: Date | null }): Promise<PageAccess[]> {
  if (!user.email || !user.emailVerified) return [];
  const rows = await getDb().creatorPage.findMany({
    where: { creator: { email: user.email.toLowerCase(), archivedAt: null } },
    orderBy: { createdAt: "asc" },
    select: ACCESS_SELECT,
  });
  return rows.map(toAccess);
}

/** One page for a signed-in creator; null unless it is given to their verified e-mail. */
export async function unsafeFindPageForEmail(pageId: string, user: { email: string | null; emailVerified: Date | null }): Promise<PageAccess | null> {
  if (!user.email || !user.emailVerified) return null;
  const row = await getDb().creatorPage.findFirst({
    where: { id: pageId, creator: { email: user.email.toLowerCase(), archivedAt: null } },
    select: ACCESS_SELECT,
  });
  return row ? toAccess(row) : null;
}
