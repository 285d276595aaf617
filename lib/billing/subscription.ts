// From a Stripe subscription's current state to the workspace's billing columns. Pure: the webhook
// (lib/billing/sync.ts) fetches the subscription as it is now, whatever event announced it, so
// events arriving late, twice or out of order all lead to the same row.
import type Stripe from "stripe";
import { planForLookupKey, type PlanId } from "@/lib/billing/plans";

export type SubscriptionSnapshot = {
  id: string;
  customerId: string;
  status: Stripe.Subscription.Status;
  lookupKey: string | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
};

export type CurrentBilling = {
  plan: PlanId;
  stripeSubscriptionId: string | null;
  billingStatus: string | null;
  pastDueSince: Date | null;
};

export type BillingPatch = {
  plan: PlanId;
  stripeSubscriptionId: string;
  stripeCustomerId: string;
  billingStatus: string;
  billingInterval: string | null;
  currentPeriodStart: Date | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  pastDueSince: Date | null;
};

/** Statuses that keep the paid plan (past_due and unpaid only for the grace period, see plans.ts). */
const ENTITLED: ReadonlySet<string> = new Set(["active", "trialing", "past_due", "unpaid"]);
const PAST_DUE: ReadonlySet<string> = new Set(["past_due", "unpaid"]);

const fromUnix = (seconds: number | null | undefined) => (typeof seconds === "number" ? new Date(seconds * 1000) : null);

export function snapshotOf(subscription: Stripe.Subscription): SubscriptionSnapshot {
  const item = subscription.items.data[0];
  return {
    id: subscription.id,
    customerId: typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id,
    status: subscription.status,
    lookupKey: item?.price.lookup_key ?? null,
    periodStart: fromUnix(item?.current_period_start),
    periodEnd: fromUnix(item?.current_period_end),
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
  };
}

/**
 * The workspace's new billing columns, or null when this subscription's news must not touch the
 * workspace: an old subscription ending while another one is live, or a price we do not sell.
 * `at` is when Stripe says the event happened (the start of a past-due period).
 */
export function billingPatch(current: CurrentBilling, sub: SubscriptionSnapshot, at: Date): BillingPatch | null {
  const entitled = ENTITLED.has(sub.status);
  const isCurrent = current.stripeSubscriptionId === sub.id;
  const currentIsLive = current.stripeSubscriptionId !== null && current.billingStatus !== null && ENTITLED.has(current.billingStatus);
  if (!isCurrent && currentIsLive && !entitled) return null;

  const bought = planForLookupKey(sub.lookupKey);
  if (entitled && !bought) return null;

  const pastDue = PAST_DUE.has(sub.status);
  return {
    plan: entitled && bought ? bought.plan : "free",
    stripeSubscriptionId: sub.id,
    stripeCustomerId: sub.customerId,
    billingStatus: sub.status,
    billingInterval: bought?.interval ?? null,
    currentPeriodStart: entitled ? sub.periodStart : null,
    currentPeriodEnd: entitled ? sub.periodEnd : null,
    cancelAtPeriodEnd: entitled && sub.cancelAtPeriodEnd,
    // the first failure starts the grace period; later retries do not extend it
    pastDueSince: pastDue ? (isCurrent && current.pastDueSince ? current.pastDueSince : at) : null,
  };
}
