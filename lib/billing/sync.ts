// Stripe webhook events → the workspace's plan. Only the allow-listed events are handled; each is
// recorded by its id (a replay changes nothing), and each leads to the subscription being fetched
// as it is *now*, so arrival order never matters (lib/billing/subscription.ts decides).
import "server-only";
import type Stripe from "stripe";
import { billingPatch, snapshotOf } from "@/lib/billing/subscription";
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

export type SyncOutcome = "applied" | "unchanged" | "duplicate" | "ignored" | "no_workspace";

type Pointers = { subscriptionId: string | null; customerId: string | null; workspaceId: string | null };

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

async function findWorkspace(pointers: Pointers, subscription: Stripe.Subscription) {
  const db = getDb();
  const select = { id: true, plan: true, stripeSubscriptionId: true, billingStatus: true, pastDueSince: true } as const;
  const hinted = pointers.workspaceId ?? subscription.metadata?.workspaceId ?? null;
  if (hinted) {
    const workspace = await db.workspace.findUnique({ where: { id: hinted }, select });
    if (workspace) return workspace;
  }
  const bySubscription = await db.workspace.findUnique({ where: { stripeSubscriptionId: subscription.id }, select });
  if (bySubscription) return bySubscription;
  const customerId = idOf(subscription.customer);
  return customerId ? db.workspace.findUnique({ where: { stripeCustomerId: customerId }, select }) : null;
}

export async function handleStripeEvent(event: Stripe.Event, stripe: Stripe): Promise<{ outcome: SyncOutcome; workspaceId?: string }> {
  if (!(HANDLED_EVENTS as readonly string[]).includes(event.type)) return { outcome: "ignored" };
  const db = getDb();
  if (await db.stripeEvent.findUnique({ where: { id: event.id }, select: { id: true } })) return { outcome: "duplicate" };

  const pointers = pointersOf(event);
  const record = (workspaceId: string | null) => ({ id: event.id, type: event.type, workspaceId, createdAt: new Date(event.created * 1000) });
  if (!pointers?.subscriptionId) {
    await recordOnly(record(null));
    return { outcome: "ignored" };
  }
  // The subscription as it is now — not as the (possibly old) event describes it.
  const subscription = await stripe.subscriptions.retrieve(pointers.subscriptionId);
  const workspace = await findWorkspace(pointers, subscription);
  if (!workspace) {
    console.warn(`[billing] ${event.type} ${event.id}: no workspace for subscription ${subscription.id}`);
    await recordOnly(record(null));
    return { outcome: "no_workspace" };
  }
  const patch = billingPatch(workspace, snapshotOf(subscription), new Date(event.created * 1000));
  try {
    await db.$transaction(async (tx) => {
      await tx.stripeEvent.create({ data: record(workspace.id) });
      if (patch) await tx.workspace.update({ where: { id: workspace.id }, data: patch });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { outcome: "duplicate", workspaceId: workspace.id }; // the same event, handled meanwhile
    throw error;
  }
  return { outcome: patch ? "applied" : "unchanged", workspaceId: workspace.id };
}

async function recordOnly(data: { id: string; type: string; workspaceId: string | null; createdAt: Date }) {
  await getDb().stripeEvent.createMany({ data: [data], skipDuplicates: true });
}
