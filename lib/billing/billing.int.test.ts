// Stripe billing end to end on the real database and the real `stripe` library, pointed at the
// tests' fake Stripe (lib/testing/fake-stripe.ts), which signs its webhook events with Stripe's
// scheme and delivers them to the app's real route handler.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { startFakeStripe, type FakeStripe } from "@/lib/testing/fake-stripe";
import { resetEnvForTests } from "@/lib/env";

connectTestDatabase();
const SECRET = "whsec_billing_int_test";
const webhook = await import("@/app/api/stripe/webhook/route");
const { startCheckout, openBillingPortal } = await import("@/lib/billing/checkout");
const { effectivePlan } = await import("@/lib/billing/plans");
const { setWorkspacePlan } = await import("@/lib/billing/set-plan");
const { getDb, getPool } = await import("@/lib/db");

let fake: FakeStripe;
let bridge: http.Server;

/** Hands the fake's deliveries to the route handler, as Next.js would. */
function startBridge(): Promise<string> {
  bridge = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const response = await webhook.POST(new Request("http://localhost:3000/api/stripe/webhook", { method: "POST", headers, body: Buffer.concat(chunks) }));
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
  return new Promise((resolve) => bridge.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(bridge.address() as AddressInfo).port}/`)));
}

function configureStripe(on: boolean) {
  process.env.STRIPE_SECRET_KEY = on ? "sk_test_billing_int" : "";
  process.env.STRIPE_WEBHOOK_SECRET = on ? SECRET : "";
  process.env.STRIPE_API_BASE = on ? fake.url : "";
  resetEnvForTests();
}

const postEvent = (body: string, signature: string | null) =>
  webhook.POST(new Request("http://localhost:3000/api/stripe/webhook", { method: "POST", body, headers: signature ? { "stripe-signature": signature } : {} }));

const billingOf = (id: string) => getDb().workspace.findUniqueOrThrow({ where: { id } });
const eventCount = async () => Number((await getPool().query(`SELECT count(*) FROM "StripeEvent"`)).rows[0].count);

/** A Free workspace that upgrades to Team through checkout; returns it with its subscription id. */
async function subscribedWorkspace(plan: "single" | "team" = "team") {
  const { workspace, user } = await makeWorkspace("Upgrader", "free");
  const url = await startCheckout(workspace, { plan, interval: "monthly" }, { origin: "http://localhost:3000", userId: user.id });
  const subscription = await fake.completeCheckout(url.split("/").at(-1) ?? "");
  return { workspace, subscriptionId: subscription.id };
}

beforeAll(async () => {
  fake = await startFakeStripe({ webhookSecret: SECRET });
  fake.setWebhookUrl(await startBridge());
  await truncateAll();
});

beforeEach(() => configureStripe(true));

afterAll(async () => {
  configureStripe(false);
  await fake.close();
  await new Promise((resolve) => bridge.close(resolve));
});

describe("checkout and the webhook", () => {
  it("checkout opens on Stripe with the workspace as client_reference_id; only the signed webhook changes the plan", async () => {
    const { workspace, user } = await makeWorkspace("Checkout Co", "free");
    const url = await startCheckout(workspace, { plan: "team", interval: "yearly" }, { origin: "http://localhost:3000", userId: user.id });
    expect(url.startsWith(`${fake.url}/checkout/`)).toBe(true);
    const sessionId = url.split("/").at(-1) ?? "";
    const session = fake.checkoutSessions.get(sessionId);
    expect(session).toMatchObject({ mode: "subscription", client_reference_id: workspace.id, success_url: expect.stringContaining(`/w/${workspace.slug}/settings/billing?checkout=success`) });
    const customerId = (await billingOf(workspace.id)).stripeCustomerId;
    expect(customerId).toBe(session?.customer);
    expect((await billingOf(workspace.id)).plan).toBe("free"); // not before Stripe says so

    const subscription = await fake.completeCheckout(sessionId);
    expect(fake.deliveries.slice(-3).map((d) => [d.event.type, d.status])).toEqual([
      ["checkout.session.completed", 200],
      ["customer.subscription.created", 200],
      ["invoice.paid", 200],
    ]);
    const after = await billingOf(workspace.id);
    expect(after).toMatchObject({ plan: "team", billingStatus: "active", billingInterval: "yearly", stripeSubscriptionId: subscription.id, stripeCustomerId: customerId, pastDueSince: null });
    expect(after.currentPeriodEnd && after.currentPeriodStart && after.currentPeriodEnd.getTime() - after.currentPeriodStart.getTime()).toBe(365 * 86_400_000);
  });

  it("refuses a second checkout while subscribed, and opens the portal instead", async () => {
    const { workspace } = await subscribedWorkspace();
    const error = await startCheckout(workspace, { plan: "single", interval: "monthly" }, { origin: "http://localhost:3000", userId: "no-such-user" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "conflict" });
    expect(await openBillingPortal(workspace, "http://localhost:3000")).toMatch(new RegExp(`^${fake.url}/portal/`));
  });

  it("two tabs cannot buy two subscriptions: a new checkout expires the one before it", async () => {
    const { workspace, user } = await makeWorkspace("Two Tabs", "free");
    const ctx = { origin: "http://localhost:3000", userId: user.id };
    const sessionOf = (url: string) => url.split("/").at(-1) ?? "";
    const [first, second] = await Promise.all([
      startCheckout(workspace, { plan: "team", interval: "monthly" }, ctx),
      startCheckout(workspace, { plan: "single", interval: "monthly" }, ctx),
    ]);
    const statuses = [first, second].map((url) => fake.checkoutSessions.get(sessionOf(url))?.status).sort();
    expect(statuses).toEqual(["expired", "open"]); // of two started at once, one can be paid
    const open = [first, second].find((url) => fake.checkoutSessions.get(sessionOf(url))?.status === "open") ?? "";
    const stale = [first, second].find((url) => url !== open) ?? "";
    await expect(fake.completeCheckout(sessionOf(stale))).rejects.toThrow(/expired/);

    // Paid in one tab, its webhook not here yet: the next checkout is refused by what Stripe knows.
    const third = await startCheckout(workspace, { plan: "team", interval: "yearly" }, ctx);
    expect(fake.checkoutSessions.get(sessionOf(open))?.status).toBe("expired");
    fake.setWebhookUrl("http://127.0.0.1:9/"); // deliveries fail: the workspace has not heard yet
    try {
      await fake.completeCheckout(sessionOf(third));
    } finally {
      fake.setWebhookUrl(`http://127.0.0.1:${(bridge.address() as AddressInfo).port}/`);
    }
    expect((await billingOf(workspace.id)).plan).toBe("free");
    await expect(startCheckout(workspace, { plan: "single", interval: "yearly" }, ctx)).rejects.toMatchObject({ code: "conflict" });
    const live = [...fake.subscriptions.values()].filter((subscription) => subscription.customer === fake.checkoutSessions.get(sessionOf(third))?.customer);
    expect(live.map((subscription) => subscription.status)).toEqual(["active"]);
  });

  it("bad input to checkout: an unknown plan or interval names the field", async () => {
    const { workspace } = await makeWorkspace("Picky", "free");
    await expect(startCheckout(workspace, { plan: "gold", interval: "monthly" }, { origin: "http://x", userId: "no-such-user" })).rejects.toMatchObject({ code: "invalid_input", details: [{ path: "plan" }] });
    await expect(startCheckout(workspace, { plan: "team", interval: "weekly" }, { origin: "http://x", userId: "no-such-user" })).rejects.toMatchObject({ code: "invalid_input", details: [{ path: "interval" }] });
  });

  it("a bad signature, a stale or future timestamp or no signature → 400, and nothing is recorded", async () => {
    const { workspace, subscriptionId } = await subscribedWorkspace();
    const before = await eventCount();
    const event = fake.buildEvent("customer.subscription.deleted", { ...fake.subscriptions.get(subscriptionId), status: "canceled" });
    const body = JSON.stringify(event);
    expect((await postEvent(body, fake.sign(body, { secret: "whsec_someone_else" }))).status).toBe(400);
    expect((await postEvent(body, fake.sign(body, { timestamp: Math.floor(Date.now() / 1000) - 3_600 }))).status).toBe(400);
    expect((await postEvent(body, fake.sign(body, { timestamp: Math.floor(Date.now() / 1000) + 3_600 }))).status).toBe(400); // dated ahead
    expect((await postEvent(body, null)).status).toBe(400);
    expect((await postEvent(`${body} `, fake.sign(body))).status).toBe(400); // body altered after signing
    expect(await eventCount()).toBe(before);
    expect((await billingOf(workspace.id)).plan).toBe("team");
  });

  it("a signed event for a subscription Stripe does not know is acknowledged and kept, not retried forever", async () => {
    const { workspace, subscriptionId } = await subscribedWorkspace();
    const event = fake.buildEvent("customer.subscription.updated", { ...fake.subscriptions.get(subscriptionId), id: "sub_not_in_this_account", metadata: {} });
    const answer = await fake.deliver(event);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ received: true, outcome: "unknown_subscription" });
    expect(await getDb().stripeEvent.findUnique({ where: { id: event.id } })).toMatchObject({ workspaceId: null });
    expect((await billingOf(workspace.id)).plan).toBe("team");
  });

  it("a replayed event changes nothing", async () => {
    const { workspace } = await subscribedWorkspace();
    const completed = fake.deliveries.findLast((d) => d.event.type === "checkout.session.completed");
    if (!completed) throw new Error("no checkout event delivered");
    await setWorkspacePlan(getPool(), workspace.slug, "single"); // a change the replay must not undo
    const replay = await fake.deliver(completed.event);
    expect(replay.status).toBe(200);
    expect(JSON.parse(replay.body)).toEqual({ received: true, outcome: "duplicate" });
    expect((await billingOf(workspace.id)).plan).toBe("single");
  });

  it("out of order: an old `updated` (active) arriving after `deleted` leaves the workspace cancelled on Free", async () => {
    const { workspace, subscriptionId } = await subscribedWorkspace();
    const activeSnapshot = structuredClone(fake.subscriptions.get(subscriptionId));
    await fake.updateSubscription(subscriptionId, { status: "canceled" });
    expect(await billingOf(workspace.id)).toMatchObject({ plan: "free", billingStatus: "canceled" });

    const late = fake.buildEvent("customer.subscription.updated", activeSnapshot, { created: Math.floor(Date.now() / 1000) - 600 });
    expect((await fake.deliver(late)).status).toBe(200);
    expect(await billingOf(workspace.id)).toMatchObject({ plan: "free", billingStatus: "canceled", stripeSubscriptionId: subscriptionId });
  });

  it("payment failure: past due keeps the plan for the grace period, then Free limits; paying restores it", async () => {
    const { workspace, subscriptionId } = await subscribedWorkspace("single");
    await fake.failPayment(subscriptionId);
    const pastDue = await billingOf(workspace.id);
    expect(pastDue).toMatchObject({ plan: "single", billingStatus: "past_due", pastDueSince: expect.any(Date) });
    expect(effectivePlan(pastDue)).toBe("single");
    expect(effectivePlan(pastDue, new Date(Date.now() + 8 * 86_400_000))).toBe("free");

    await fake.failPayment(subscriptionId); // a retry fails again: the grace period does not restart
    expect((await billingOf(workspace.id)).pastDueSince).toEqual(pastDue.pastDueSince);

    await fake.payInvoice(subscriptionId);
    expect(await billingOf(workspace.id)).toMatchObject({ plan: "single", billingStatus: "active", pastDueSince: null });
  });

  it("plan changes in the portal and cancel at period end follow the subscription", async () => {
    const { workspace, subscriptionId } = await subscribedWorkspace("single");
    await fake.updateSubscription(subscriptionId, { priceLookupKey: "clickproof_team_monthly" });
    expect((await billingOf(workspace.id)).plan).toBe("team");
    await fake.updateSubscription(subscriptionId, { cancelAtPeriodEnd: true });
    expect(await billingOf(workspace.id)).toMatchObject({ plan: "team", cancelAtPeriodEnd: true });
  });

  it("a checkout paid after its workspace was deleted: the webhook cancels that subscription", async () => {
    const { workspace, user } = await makeWorkspace("Gone before paying", "free");
    const url = await startCheckout(workspace, { plan: "team", interval: "monthly" }, { origin: "http://localhost:3000", userId: user.id });
    await getDb().workspace.delete({ where: { id: workspace.id } });
    const subscription = await fake.completeCheckout(url.split("/").at(-1) ?? ""); // delivers its events to the webhook
    expect(fake.subscriptions.get(subscription.id)?.status).toBe("canceled");

  });

  it("events outside the allow-list are acknowledged and ignored", async () => {
    const before = await eventCount();
    const event = fake.buildEvent("customer.created", { id: "cus_x", object: "customer" });
    const response = await fake.deliver(event);
    expect([response.status, JSON.parse(response.body)]).toEqual([200, { received: true, outcome: "ignored" }]);
    expect(await eventCount()).toBe(before);
  });
});

describe("without Stripe keys", () => {
  it("the webhook answers 503 and checkout says billing is not configured", async () => {
    configureStripe(false);
    const { workspace } = await makeWorkspace("Self-hosted", "free");
    expect((await postEvent("{}", "t=1,v1=x")).status).toBe(503);
    await expect(startCheckout(workspace, { plan: "team", interval: "monthly" }, { origin: "http://x", userId: "no-such-user" })).rejects.toMatchObject({
      code: "unavailable",
      message: expect.stringContaining("not configured"),
    });
  });

  it("`npm run plan` sets a plan by workspace address and refuses unknown ones", async () => {
    configureStripe(false);
    const { workspace } = await makeWorkspace("CLI", "free");
    await expect(setWorkspacePlan(getPool(), workspace.slug, "team")).resolves.toMatchObject({ previous: "free", plan: "team", liveSubscription: null });
    expect((await billingOf(workspace.id)).plan).toBe("team");
    await expect(setWorkspacePlan(getPool(), workspace.slug, "gold")).rejects.toThrow(/Unknown plan "gold"/);
    await expect(setWorkspacePlan(getPool(), "no-such-workspace", "team")).rejects.toThrow(/No workspace/);
  });
});
