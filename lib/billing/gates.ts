// Plan gates, enforced on the server. Features are checked where the work starts; quotas where
// the work is created, inside the creating transaction so concurrent requests cannot overshoot.
// Redirects and click logging never pass through here: no click is dropped for a plan or quota.
import "server-only";
import type { Prisma } from "@prisma/client";
import {
  cheapestPlanAllowing,
  cheapestPlanWith,
  effectivePlan,
  FEATURES,
  planIncludes,
  LIMITS,
  limitOf,
  PLANS,
  plansWith,
  usagePeriod,
  type BillingState,
  type Feature,
  type Limit,
  type WorkspaceBilling,
} from "@/lib/billing/plans";
import { lastDays } from "@/lib/date-range";
import { getDb } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { formatInteger } from "@/lib/format";

/** The columns every gate needs; guards select them with the workspace. */
export const BILLING_SELECT = {
  plan: true,
  billingStatus: true,
  pastDueSince: true,
  currentPeriodStart: true,
  currentPeriodEnd: true,
} as const satisfies Prisma.WorkspaceSelect;

export function planRequired(feature: Feature, state: BillingState, now: Date = new Date()): AppError {
  const needed = cheapestPlanWith(feature);
  const current = PLANS[effectivePlan(state, now)];
  const unlocking = plansWith(feature).map((plan) => plan.name).join(" or ");
  return new AppError(
    "plan_required",
    `${FEATURES[feature]}: not included in the ${current.name} plan. Upgrade to ${unlocking} to unlock it.`,
    { feature, currentPlan: current.id, requiredPlan: needed.id },
  );
}

/** Throws plan_required unless the workspace's plan (as in force now) includes the feature. */
export function assertFeature(state: BillingState, feature: Feature, now: Date = new Date()): void {
  if (!planIncludes(state, feature, now)) throw planRequired(feature, state, now);
}

async function loadBillingState(workspaceId: string): Promise<WorkspaceBilling> {
  const state = await getDb().workspace.findUnique({ where: { id: workspaceId }, select: BILLING_SELECT });
  if (!state) throw notFound("Workspace not found");
  return state;
}

/** The same check for code that has only the workspace id (domain functions called from any entry point). */
export async function requireFeature(workspaceId: string, feature: Feature): Promise<void> {
  assertFeature(await loadBillingState(workspaceId), feature);
}

export function limitReached(limit: Limit, state: BillingState, used: number, adding: number, now: Date = new Date()): AppError {
  const plan = PLANS[effectivePlan(state, now)];
  const allowed = plan.limits[limit];
  const next = cheapestPlanAllowing(limit, used + adding);
  const left = Math.max(0, allowed - used);
  const what = LIMITS[limit].toLowerCase();
  const unlock = next && next.id !== plan.id ? ` ${next.name} allows ${formatInteger(next.limits[limit])}.` : "";
  return new AppError(
    "limit_reached",
    `${plan.name} plan limit reached: ${what} is ${formatInteger(allowed)} (${formatInteger(used)} used, ${formatInteger(adding)} more requested, ${formatInteger(left)} left).${unlock}`,
    { limit, allowed, used, requested: adding, currentPlan: plan.id, ...(next ? { requiredPlan: next.id } : {}) },
  );
}

/** Throws limit_reached when `current + adding` would exceed the plan's limit (members, domains). */
export function assertWithinLimit(state: BillingState, limit: Limit, current: number, adding = 1, now: Date = new Date()): void {
  if (current + adding > limitOf(effectivePlan(state, now), limit)) throw limitReached(limit, state, current, adding, now);
}

type Tx = Prisma.TransactionClient;

/**
 * Locks the workspace row until the transaction ends and returns its billing state: the one
 * serialisation point for counted things (links this period, seats) and for membership changes.
 */
export async function lockWorkspace(tx: Tx, workspaceId: string): Promise<WorkspaceBilling> {
  const rows = await tx.$queryRaw<WorkspaceBilling[]>`
    SELECT "plan", "billingStatus", "pastDueSince", "currentPeriodStart", "currentPeriodEnd"
    FROM "Workspace" WHERE "id" = ${workspaceId} FOR UPDATE`;
  const state = rows[0];
  if (!state) throw notFound("Workspace not found");
  return state;
}

/**
 * Call inside the transaction that creates `adding` links: locks the workspace row (so two
 * requests cannot both take the last slots), counts the links created this billing period
 * (archived ones included — they were created) and refuses what would exceed the plan.
 */
export async function reserveLinkQuota(tx: Tx, workspaceId: string, adding: number, now: Date = new Date()): Promise<void> {
  const { refusal } = await reserveUpToLinkQuota(tx, workspaceId, adding, now);
  if (refusal) throw refusal;
}

/**
 * The same, for a batch that may be partly created: grants what the plan has left (at most
 * `wanted`), with the refusal for the rest.
 */
export async function reserveUpToLinkQuota(tx: Tx, workspaceId: string, wanted: number, now: Date = new Date()): Promise<{ granted: number; refusal: AppError | null }> {
  const state = await lockWorkspace(tx, workspaceId);
  const { start } = usagePeriod(state, now);
  const used = await tx.link.count({ where: { workspaceId, createdAt: { gte: start } } });
  const granted = Math.min(wanted, Math.max(0, limitOf(effectivePlan(state, now), "linksPerMonth") - used));
  return { granted, refusal: granted < wanted ? limitReached("linksPerMonth", state, used, wanted, now) : null };
}

/**
 * The first UTC day the workspace's plan lets its analytics reach back to (analytics history):
 * campaign dashboards, comparisons, creator profiles and timing count clicks from here on — the
 * same window as the link analytics ranges and the API (lastDays).
 */
export async function analyticsSince(workspaceId: string, now: Date = new Date()): Promise<Date> {
  const state = await loadBillingState(workspaceId);
  return lastDays(limitOf(effectivePlan(state, now), "historyDays"), now).start;
}
