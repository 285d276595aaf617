// Upgrading (Stripe Checkout, subscription mode) and managing a subscription (the Customer
// Portal). Neither changes the plan: only the signed webhook does (lib/billing/sync.ts).
import "server-only";
import Stripe from "stripe";
import { PLANS, type BillingInterval } from "@/lib/billing/plans";
import { getStripe } from "@/lib/billing/stripe";
import { getDb } from "@/lib/db";
import { AppError, invalidField } from "@/lib/errors";
import { formatMoney } from "@/lib/format";

const notConfigured = () => new AppError("unavailable", "Billing is not configured on this server (no Stripe keys).");

type BillingWorkspace = { id: string; slug: string; name: string };

async function customerFor(workspace: BillingWorkspace, email: string | null): Promise<string> {
  const stripe = getStripe();
  if (!stripe) throw notConfigured();
  const db = getDb();
  const row = await db.workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { stripeCustomerId: true } });
  if (row.stripeCustomerId) return row.stripeCustomerId;
  const customer = await stripe.customers.create({
    name: workspace.name,
    ...(email ? { email } : {}),
    metadata: { workspaceId: workspace.id, workspaceSlug: workspace.slug },
  });
  // Two tabs upgrading at once: the first customer stored wins and the other is not used.
  await db.workspace.updateMany({ where: { id: workspace.id, stripeCustomerId: null }, data: { stripeCustomerId: customer.id } });
  const stored = await db.workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { stripeCustomerId: true } });
  return stored.stripeCustomerId ?? customer.id;
}

/** A Checkout Session for the plan and interval; returns the URL to send the browser to. */
export async function startCheckout(
  workspace: BillingWorkspace,
  input: { plan: string; interval: string },
  ctx: { origin: string; userId: string },
): Promise<string> {
  const stripe = getStripe();
  if (!stripe) throw notConfigured();
  if (input.plan !== "single" && input.plan !== "team") throw invalidField("plan", "Choose the Single or Team plan");
  if (input.interval !== "monthly" && input.interval !== "yearly") throw invalidField("interval", "Choose monthly or yearly billing");
  const interval: BillingInterval = input.interval;
  const plan = PLANS[input.plan];
  const current = await getDb().workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { plan: true, stripeSubscriptionId: true } });
  if (current.plan !== "free" && current.stripeSubscriptionId) throw alreadySubscribed();
  const lookupKey = plan.prices?.[interval];
  if (!lookupKey) throw invalidField("plan", `${plan.name} cannot be bought`);
  const prices = await stripe.prices.list({ lookup_keys: [lookupKey], active: true, limit: 1 });
  const price = prices.data[0];
  if (!price) throw new AppError("unavailable", `Stripe has no active price with lookup key "${lookupKey}". Create it in the Stripe dashboard.`);

  const user = await getDb().user.findUnique({ where: { id: ctx.userId }, select: { email: true } });
  const customer = await customerFor(workspace, user?.email ?? null);
  // Paid a moment ago in another tab, before its webhook reached us: Stripe already knows.
  if (await hasLiveSubscription(stripe, customer)) throw alreadySubscribed();
  const back = `${ctx.origin}/w/${workspace.slug}/settings/billing`;
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer,
    client_reference_id: workspace.id,
    line_items: [{ price: price.id, quantity: 1 }],
    success_url: `${back}?checkout=success&session_id={CHECKOUT_SESSION_ID}`,
    cancel_url: `${back}?checkout=cancelled`,
    metadata: { workspaceId: workspace.id },
    subscription_data: { metadata: { workspaceId: workspace.id } },
    allow_promotion_codes: true,
  });
  if (!session.url) throw new AppError("unavailable", "Stripe did not return a checkout page; please retry.");
  await replaceOpenCheckout(stripe, workspace.id, customer, session.id);
  return session.url;
}

const alreadySubscribed = () => new AppError("conflict", "This workspace already has a subscription: change or cancel it in the billing portal.");

/** Stripe's word on whether the customer already pays (or is about to): any subscription not ended. */
async function hasLiveSubscription(stripe: Stripe, customer: string): Promise<boolean> {
  const subscriptions = await stripe.subscriptions.list({ customer, status: "all", limit: 20 });
  return subscriptions.data.some((subscription) => !ENDED.has(subscription.status));
}
const ENDED = new Set<Stripe.Subscription.Status>(["canceled", "incomplete_expired"]);

/**
 * One payable Checkout Session per workspace: the new one takes the stored one's place under the
 * row lock (so of two tabs starting at once, one replaces the other), and the one it replaced is
 * expired, so its page can no longer be paid. If that one was paid meanwhile, the new one is
 * expired instead: the workspace is already subscribed.
 */
async function replaceOpenCheckout(stripe: Stripe, workspaceId: string, customer: string, sessionId: string): Promise<void> {
  const [row] = await getDb().$queryRaw<{ previous: string | null }[]>`
    WITH before AS (SELECT "checkoutSessionId" AS previous FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE)
    UPDATE "Workspace" SET "checkoutSessionId" = ${sessionId} FROM before WHERE id = ${workspaceId}
    RETURNING before.previous`;
  const previous = row?.previous;
  if (!previous || previous === sessionId) return;
  if (await expireCheckout(stripe, previous)) return;
  // Not open any more: expired by Stripe (nothing to pay there), paid long ago for a subscription
  // since ended — or paid just now in the other tab, which is the one case that stops this one.
  if (!(await hasLiveSubscription(stripe, customer))) return;
  await expireCheckout(stripe, sessionId);
  await getDb().workspace.updateMany({ where: { id: workspaceId, checkoutSessionId: sessionId }, data: { checkoutSessionId: null } });
  throw alreadySubscribed();
}

/** Expires an open Checkout Session; false when Stripe says it is no longer open (paid, or expired). */
async function expireCheckout(stripe: Stripe, sessionId: string): Promise<boolean> {
  try {
    await stripe.checkout.sessions.expire(sessionId);
    return true;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError) return false;
    throw error;
  }
}

/** A Customer Portal session to change plan, update the card or cancel; returns its URL. */
export async function openBillingPortal(workspace: BillingWorkspace, origin: string): Promise<string> {
  const stripe = getStripe();
  if (!stripe) throw notConfigured();
  const row = await getDb().workspace.findUniqueOrThrow({ where: { id: workspace.id }, select: { stripeCustomerId: true } });
  if (!row.stripeCustomerId) throw new AppError("conflict", "This workspace has no billing account yet: upgrade first.");
  const session = await stripe.billingPortal.sessions.create({ customer: row.stripeCustomerId, return_url: `${origin}/w/${workspace.slug}/settings/billing` });
  return session.url;
}

/**
 * "$19.00 / month" per price lookup key, from Stripe; empty when billing is off or Stripe does not
 * answer within a few seconds (the page then says the price is shown at checkout).
 */
let knownPrices: { at: number; labels: Record<string, string> } | null = null;
const PRICES_FRESH_MS = 10 * 60_000;

export async function priceLabels(now: number = Date.now()): Promise<Record<string, string>> {
  const stripe = getStripe();
  if (!stripe) return {};
  // The landing page asks on every visit: prices Stripe gave are kept ten minutes (a failure is not kept).
  if (knownPrices && now - knownPrices.at < PRICES_FRESH_MS) return knownPrices.labels;
  const labels = await fetchPriceLabels(stripe);
  if (Object.keys(labels).length > 0) knownPrices = { at: now, labels };
  return labels;
}

async function fetchPriceLabels(stripe: NonNullable<ReturnType<typeof getStripe>>): Promise<Record<string, string>> {
  const keys = Object.values(PLANS).flatMap((plan) => (plan.prices ? Object.values(plan.prices) : []));
  try {
    const prices = await stripe.prices.list({ lookup_keys: keys, active: true, limit: keys.length }, { timeout: 3_000 });
    return Object.fromEntries(
      prices.data.flatMap((price) =>
        price.lookup_key && price.unit_amount !== null
          ? [[price.lookup_key, `${formatMoney(price.unit_amount, price.currency.toUpperCase())} / ${price.recurring?.interval ?? "once"}`]]
          : [],
      ),
    );
  } catch (error) {
    console.warn("[billing] could not read prices from Stripe:", error instanceof Error ? error.message : error);
    return {};
  }
}

/** What the billing page shows about the subscription besides the plan. */
export function getSubscriptionDetails(workspaceId: string) {
  return getDb().workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { stripeCustomerId: true, stripeSubscriptionId: true, cancelAtPeriodEnd: true, billingInterval: true },
  });
}
