// A workspace deletes itself, with everything below it: links, clicks and their rollups, creators,
// campaigns, conversions, domains, keys, invitations and memberships (every table cascades from
// Workspace or from its links). Only the owner, who types the workspace's address to confirm.
// A paid subscription is cancelled at Stripe first: a deleted workspace is never billed again, and
// if Stripe cannot be reached nothing is deleted.
import "server-only";
import { z } from "zod";
import { getStripe } from "@/lib/billing/stripe";
import { getDb, getPool } from "@/lib/db";
import { invalidateWorkspaceDomains } from "@/lib/domains/serving";
import { AppError, invalidField, notFound } from "@/lib/errors";
import { invalidateWorkspaceLinks } from "@/lib/cache/link-cache";
import { parseInput } from "@/lib/validation";
import { can } from "@/lib/workspaces/permissions";

export const deleteWorkspaceSchema = z.object({ confirm: z.string({ error: "Type the workspace's address to confirm" }).trim() });

/** Raw rows per statement: a workspace with millions of clicks is deleted in bounded steps, none near the query timeout. */
const ROWS_PER_STEP = 10_000;

/** The large per-click and per-hour tables, emptied in steps before the workspace row's cascade does the rest. */
const STEPS = [
  `DELETE FROM "Click" WHERE ctid IN (SELECT ctid FROM "Click" WHERE "workspaceId" = $1 LIMIT ${ROWS_PER_STEP})`,
  `DELETE FROM "UnservedHit" WHERE ctid IN (SELECT ctid FROM "UnservedHit" WHERE "workspaceId" = $1 LIMIT ${ROWS_PER_STEP})`,
  `DELETE FROM "LinkDayVisitor" WHERE ctid IN (SELECT v.ctid FROM "LinkDayVisitor" v JOIN "Link" l ON l.id = v."linkId" WHERE l."workspaceId" = $1 LIMIT ${ROWS_PER_STEP})`,
  `DELETE FROM "LinkHourlyStat" WHERE ctid IN (SELECT ctid FROM "LinkHourlyStat" WHERE "workspaceId" = $1 LIMIT ${ROWS_PER_STEP})`,
  `DELETE FROM "LinkDailyStat" WHERE ctid IN (SELECT ctid FROM "LinkDailyStat" WHERE "workspaceId" = $1 LIMIT ${ROWS_PER_STEP})`,
  `DELETE FROM "LinkDailyDimension" WHERE ctid IN (SELECT ctid FROM "LinkDailyDimension" WHERE "workspaceId" = $1 LIMIT ${ROWS_PER_STEP})`,
];

export async function deleteWorkspace(userId: string, workspaceSlug: string, rawInput: unknown): Promise<void> {
  const db = getDb();
  const membership = await db.membership.findFirst({
    where: { userId, workspace: { slug: workspaceSlug } },
    select: { role: true, workspace: { select: { id: true, slug: true, stripeSubscriptionId: true, billingStatus: true } } },
  });
  if (!membership) throw notFound("Workspace not found");
  if (!can(membership.role, "workspace.delete")) throw new AppError("forbidden", "Only the workspace's owner can delete it");
  const { confirm } = parseInput(deleteWorkspaceSchema, rawInput);
  const { workspace } = membership;
  if (confirm.toLowerCase() !== workspace.slug) throw invalidField("confirm", `That is not this workspace's address; type ${workspace.slug} exactly`);

  if (workspace.stripeSubscriptionId && workspace.billingStatus !== "canceled") {
    const stripe = getStripe();
    if (!stripe) throw new AppError("conflict", "This workspace has a subscription, but billing is not configured here to cancel it. Configure Stripe, or cancel it at Stripe, then delete.");
    const unreachable = () => new AppError("unavailable", "Stripe could not cancel the subscription, so nothing was deleted. Try again in a minute.");
    try {
      await stripe.subscriptions.cancel(workspace.stripeSubscriptionId);
    } catch (error) {
      // Refused: go on only if it is already cancelled (e.g. in the portal, its webhook not yet
      // here) or gone; anything else still bills, so nothing is deleted.
      const status = (error as { statusCode?: number }).statusCode;
      if (status !== 400 && status !== 404) throw unreachable();
      const current = await stripe.subscriptions.retrieve(workspace.stripeSubscriptionId).catch((lookup: { statusCode?: number }) => {
        if (lookup.statusCode === 404) return null;
        throw unreachable();
      });
      if (current && current.status !== "canceled" && current.status !== "incomplete_expired") throw unreachable();
    }
  }

  const pool = getPool();
  for (const step of STEPS) {
    while (((await pool.query(step, [workspace.id])).rowCount ?? 0) > 0);
  }
  await db.workspace.delete({ where: { id: workspace.id } });
  // Every instance stops serving the workspace's links and domains now, not at the cache TTL.
  invalidateWorkspaceLinks(workspace.id);
  invalidateWorkspaceDomains(workspace.id);
}
