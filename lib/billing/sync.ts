// Stripe webhook events → the workspace's plan. Only the allow-listed events are handled; each is
// recorded by its id (a replay changes nothing), and each leads to the subscription being fetched
// as it is *now*, so arrival order never matters (lib/billing/subscription.ts decides).
import "server-only";
import Stripe from "stripe";
import { billingPatch, snapshotOf } from "@/lib/billing/subscription";
import type { Prisma } from "@prisma/client";
import { getDb } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";

export const HANDLED_EVENTS = [
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
] as const;

export type SyncOutcome = "applied" | "unchanged" | "duplicate" | "ignored" | "no_workspace" | "unknown_subscription";

type Pointers = { subscriptionId: string | null; customerId: string | null; workspaceId: string | null };

type Tx = Prisma.TransactionClient;

const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? null));

/** Which subscription (and, when the event says, which workspace) an event is about. */
function pointersOf(event: Stripe.Event): Pointers | null {
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      if (session.mode !== "subscription") return null;
      return { subscriptionId: idOf(session.subscription), customerId: idOf(session.customer), workspaceId: session.client_reference_id };
    }
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      const subscription = event.data.object;
      return { subscriptionId: subscription.id, customerId: idOf(subscription.customer), workspaceId: subscription.metadata?.workspaceId ?? null };
    }
    case "invoice.paid":
    case "invoice.payment_failed": {
      const invoice = event.data.object;
      const details = invoice.parent?.subscription_details;
      return { subscriptionId: idOf(details?.subscription), customerId: idOf(invoice.customer), workspaceId: details?.metadata?.workspaceId ?? null };
    }
    default:
      return null;
  }
}

/**
 * Unscoped by design: a Stripe event names a subscription, not a workspace, so the workspace is
 * found through what we stored at checkout (metadata, subscription id, customer id).
 */
async function unsafeFindWorkspaceForSubscription(tx: Tx, pointers: Pointers, subscription: Stripe.Subscription) {
  const select = { id: true, plan: true, stripeSubscriptionId: true, billingStatus: true, pastDueSince: true } as const;
  const hinted = pointers.workspaceId ?? subscription.metadata?.workspaceId ?? null;
  if (hinted) {
    const workspace = await tx.workspace.findUnique({ where: { id: hinted }, select });
    if (workspace) return workspace;
  }
  const bySubscription = await tx.workspace.findUnique({ where: { stripeSubscriptionId: subscription.id }, select });
  if (bySubscription) return bySubscription;
  const customerId = idOf(subscription.customer);
  return customerId ? tx.workspace.findUnique({ where: { stripeCustomerId: customerId }, select }) : null;
}

/**
 * What applying a plan change sets off beyond the workspace row — the caches every instance keeps
 * of its links and branded domains (given by the caller, so billing stays below the redirect path).
 */
export type PlanChangeHooks = { planChanged: (workspaceId: string) => void };

export async function handleStripeEvent(event: Stripe.Event, stripe: Stripe, hooks: PlanChangeHooks): Promise<{ outcome: SyncOutcome; workspaceId?: string }> {
  if (!(HANDLED_EVENTS as readonly string[]).includes(event.type)) return { outcome: "ignored" };
  const db = getDb();
  if (await isRecorded(event.id)) return { outcome: "duplicate" };

  const pointers = pointersOf(event);
  const record = (workspaceId: string | null) => ({ id: event.id, type: event.type, workspaceId, createdAt: new Date(event.created * 1000) });
  const subscriptionId = pointers?.subscriptionId;
  if (!pointers || !subscriptionId) {
    await db.stripeEvent.createMany({ data: [record(null)], skipDuplicates: true });
    return { outcome: "ignored" };
  }
  try {
    const result = await db.$transaction(
      async (tx) => {
        // One subscription's events are applied one at a time, each with the state fetched inside
        // the lock: two events racing cannot let the older fetch be written last.
        await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext(${subscriptionId}))`;
        const subscription = await retrieveSubscription(stripe, subscriptionId);
        if (!subscription) {
          // Stripe signed it but does not know the subscription (another account's test data, or
          // deleted since): acknowledged and kept, so Stripe stops retrying an event nothing can apply.
          await tx.stripeEvent.create({ data: record(null) });
          console.warn(`[billing] ${event.type} ${event.id}: Stripe has no subscription ${subscriptionId}; acknowledged, nothing applied`);
          return { outcome: "unknown_subscription" as const };
        }
        const workspace = await unsafeFindWorkspaceForSubscription(tx, pointers, subscription);
        await tx.stripeEvent.create({ data: record(workspace?.id ?? null) });
        if (!workspace) {
          console.warn(`[billing] ${event.type} ${event.id}: no workspace for subscription ${subscription.id}`);
          return { outcome: "no_workspace" as const, orphan: isOrphaned(subscription) ? subscription.id : undefined };
        }
        // The grace period starts when we learn of the failure, so a late event cannot shorten it.
        const patch = billingPatch(workspace, snapshotOf(subscription), new Date());
        if (patch) await tx.workspace.update({ where: { id: workspace.id }, data: patch });
        return { outcome: patch ? ("applied" as const) : ("unchanged" as const), workspaceId: workspace.id };
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
    if ("orphan" in result && result.orphan) {
      // Ours (checkout wrote the workspace id), but the workspace deleted itself — e.g. a checkout
      // left open was paid afterwards. Nothing is served for it, so nothing is billed for it.
      await stripe.subscriptions.cancel(result.orphan);
      console.warn(`[billing] cancelled subscription ${result.orphan}: its workspace no longer exists`);
      return { outcome: result.outcome };
    }
    if (result.outcome === "applied" && result.workspaceId) {
      // The plan shapes redirects (click ids) and which branded domains serve: every instance
      // applies it at once (the invalidation bus).
      hooks.planChanged(result.workspaceId);
    }
    return result;
  } catch (error) {
    // The same event handled meanwhile by another delivery; any other conflict is a real failure
    // (a 5xx makes Stripe retry it).
    if (isUniqueViolation(error) && (await isRecorded(event.id))) return { outcome: "duplicate" };
    throw error;
  }
}

/** The subscription as Stripe has it now, or null when Stripe answers that there is no such subscription. */
async function retrieveSubscription(stripe: Stripe, subscriptionId: string): Promise<Stripe.Subscription | null> {
  try {
    return await stripe.subscriptions.retrieve(subscriptionId);
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "resource_missing") return null;
    throw error;
  }
}

/** A live subscription made by our checkout (it carries a workspace id) — whose workspace was not found. */
function isOrphaned(subscription: Stripe.Subscription): boolean {
  return Boolean(subscription.metadata?.workspaceId) && !["canceled", "incomplete_expired"].includes(subscription.status);
}

async function isRecorded(eventId: string): Promise<boolean> {
  return (await getDb().stripeEvent.findUnique({ where: { id: eventId }, select: { id: true } })) !== null;
}
