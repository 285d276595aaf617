import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseForm, startFakeStripe, type FakeStripe } from "./fake-stripe";

const SECRET = "whsec_fake_stripe_test";
const NOW = 1_800_000_000;
const DAY = 24 * 60 * 60;

/** A stand-in for the app's webhook route: verifies each delivery the way the app must. */
type Receiver = { url: string; verified: Stripe.Event[]; rejected: string[]; close: () => Promise<void> };

async function startReceiver(): Promise<Receiver> {
  const verified: Stripe.Event[] = [];
  const rejected: string[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      try {
        verified.push(Stripe.webhooks.constructEvent(Buffer.concat(chunks).toString("utf8"), request.headers["stripe-signature"] ?? "", SECRET));
        response.writeHead(200, { "Content-Type": "application/json" }).end('{"received":true}');
      } catch (error) {
        rejected.push(error instanceof Error ? error.message : String(error));
        response.writeHead(400, { "Content-Type": "text/plain" }).end("bad signature");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    verified,
    rejected,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The error a Stripe call fails with; fails the test if it resolves. */
async function stripeError(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Stripe.errors.StripeError)) throw new Error(`expected a StripeError, got ${String(error)}`);
  return error;
}

let fake: FakeStripe;
let receiver: Receiver;
let stripe: Stripe;
let priceIds: Map<string, string>;

const types = () => receiver.verified.map((event) => event.type);

beforeAll(async () => {
  receiver = await startReceiver();
  fake = await startFakeStripe({ webhookUrl: receiver.url, webhookSecret: SECRET, now: () => NOW });
  // exactly how the app builds its client
  stripe = new Stripe("sk_test_fake", { host: "127.0.0.1", port: fake.port, protocol: "http", maxNetworkRetries: 0, telemetry: false });
  const prices = await stripe.prices.list({ lookup_keys: ["clickproof_single_monthly", "clickproof_team_monthly"] });
  priceIds = new Map(prices.data.map((price) => [price.lookup_key ?? "", price.id]));
});

afterAll(async () => {
  await fake.close();
  await receiver.close();
});

beforeEach(() => {
  receiver.verified.length = 0;
  receiver.rejected.length = 0;
  fake.deliveries.length = 0;
});

function priceId(lookupKey: string): string {
  const id = priceIds.get(lookupKey);
  if (!id) throw new Error(`no price ${lookupKey}`);
  return id;
}

async function createCheckout(lookupKey = "clickproof_single_monthly", extra: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  return stripe.checkout.sessions.create({
    mode: "subscription",
    line_items: [{ price: priceId(lookupKey), quantity: 1 }],
    success_url: "http://localhost:3107/w/acme/billing?session_id={CHECKOUT_SESSION_ID}",
    cancel_url: "http://localhost:3107/w/acme/billing",
    customer_email: "owner@acme.test",
    client_reference_id: "ws_1",
    metadata: { workspaceId: "ws_1" },
    subscription_data: { metadata: { workspaceId: "ws_1" } },
    allow_promotion_codes: true,
    ...extra,
  });
}

async function subscribe(lookupKey = "clickproof_single_monthly") {
  const session = await createCheckout(lookupKey);
  const subscription = await fake.completeCheckout(session.id);
  receiver.verified.length = 0;
  fake.deliveries.length = 0;
  return { session, subscription };
}

describe("parseForm", () => {
  it("reads stripe-node's bracket notation into nested objects and arrays", () => {
    expect(
      parseForm("line_items[0][price]=price_x&line_items[0][quantity]=1&subscription_data[metadata][workspaceId]=ws1&lookup_keys[]=a&lookup_keys[]=b&expand[0]=data.product&email=a%40b.test"),
    ).toEqual({
      line_items: [{ price: "price_x", quantity: "1" }],
      subscription_data: { metadata: { workspaceId: "ws1" } },
      lookup_keys: ["a", "b"],
      expand: ["data.product"],
      email: "a@b.test",
    });
  });

  it("ignores keys that would reach Object.prototype", () => {
    const form = parseForm("__proto__[polluted]=yes&metadata[constructor]=x&ok=1");
    expect(form).toEqual({ ok: "1" });
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
});

describe("fake Stripe REST API", () => {
  it("creates and retrieves customers, and 404s unknown ones", async () => {
    const created = await stripe.customers.create({ email: "a@acme.test", name: "Acme", metadata: { workspaceId: "ws_1" } });
    expect(created).toMatchObject({ object: "customer", email: "a@acme.test", name: "Acme", metadata: { workspaceId: "ws_1" }, created: NOW });
    expect(created.id).toMatch(/^cus_[0-9a-f]{24}$/);
    expect(await stripe.customers.retrieve(created.id)).toEqual(created);

    const error = await stripeError(stripe.customers.retrieve("cus_missing"));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404, code: "resource_missing", param: "id", message: "No such customer: 'cus_missing'" });
  });

  it("lists prices by lookup key with stable ids", async () => {
    const { data } = await stripe.prices.list({ lookup_keys: ["clickproof_team_yearly", "clickproof_single_monthly"], active: true, expand: ["data.product"] });
    expect(data.map((price) => price.lookup_key).sort()).toEqual(["clickproof_single_monthly", "clickproof_team_yearly"]);
    const teamYearly = data.find((price) => price.lookup_key === "clickproof_team_yearly");
    expect(teamYearly).toMatchObject({ object: "price", unit_amount: 99000, currency: "usd", type: "recurring", active: true, recurring: { interval: "year", interval_count: 1 } });
    expect(teamYearly?.product).toMatch(/^prod_/);
    expect(data.find((price) => price.lookup_key === "clickproof_single_monthly")?.id).toBe(priceId("clickproof_single_monthly"));
    expect((await stripe.prices.list()).data).toHaveLength(4);
  });

  it("creates Checkout sessions hosted on the fake, and refuses unknown prices and missing params", async () => {
    const session = await createCheckout();
    expect(session).toMatchObject({ object: "checkout.session", mode: "subscription", status: "open", subscription: null, client_reference_id: "ws_1", metadata: { workspaceId: "ws_1" } });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.url).toBe(`${fake.url}/checkout/${session.id}`);
    expect(await stripe.checkout.sessions.retrieve(session.id)).toEqual(session);

    const unknownPrice = await stripeError(createCheckout(undefined, { line_items: [{ price: "price_nope", quantity: 1 }] }));
    expect(unknownPrice).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(unknownPrice).toMatchObject({ statusCode: 400, code: "resource_missing", param: "line_items[0][price]" });

    const noSuccessUrl = await stripeError(createCheckout(undefined, { success_url: undefined }));
    expect(noSuccessUrl).toMatchObject({ statusCode: 400, code: "parameter_missing", param: "success_url" });
  });

  it("answers 401 without a secret key", async () => {
    const anonymous = await fetch(`${fake.url}/v1/customers/cus_x`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { type: "invalid_request_error" } });
    const publishable = await fetch(`${fake.url}/v1/customers/cus_x`, { headers: { Authorization: "Bearer pk_test_x" } });
    expect(publishable.status).toBe(401);
    const error = await stripeError(new Stripe("pk_test_x", { host: "127.0.0.1", port: fake.port, protocol: "http", maxNetworkRetries: 0, telemetry: false }).customers.retrieve("cus_x"));
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
  });

  it("answers unknown routes with a Stripe 404", async () => {
    const response = await fetch(`${fake.url}/v1/charges`, { headers: { Authorization: "Bearer sk_test_fake" } });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { type: "invalid_request_error" } });
  });
});

describe("completing Checkout", () => {
  it("creates an active subscription and delivers three verified events in order", async () => {
    const session = await createCheckout("clickproof_team_monthly");
    const subscription = await fake.completeCheckout(session.id);

    const retrieved = await stripe.subscriptions.retrieve(subscription.id);
    expect(retrieved).toMatchObject({ object: "subscription", status: "active", metadata: { workspaceId: "ws_1" }, cancel_at_period_end: false, canceled_at: null, created: NOW });
    const item = retrieved.items.data[0];
    expect(item?.price.lookup_key).toBe("clickproof_team_monthly");
    expect(item).toMatchObject({ object: "subscription_item", quantity: 1, current_period_start: NOW, current_period_end: NOW + 30 * DAY, subscription: subscription.id });

    const completed = await stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription"] });
    expect(completed).toMatchObject({ status: "complete", payment_status: "paid", customer: retrieved.customer });
    expect(completed.subscription).toMatchObject({ id: subscription.id, object: "subscription" });
    const customer = await stripe.customers.retrieve(String(retrieved.customer));
    expect(customer).toMatchObject({ email: "owner@acme.test" });

    expect(receiver.rejected).toEqual([]);
    expect(types()).toEqual(["checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
    expect(fake.deliveries.map((delivery) => delivery.status)).toEqual([200, 200, 200]);
    const [sessionEvent, createdEvent, paidEvent] = receiver.verified;
    expect(sessionEvent).toMatchObject({ object: "event", api_version: "2026-10-28.endive", livemode: false, created: NOW, data: { object: { id: session.id, subscription: subscription.id, client_reference_id: "ws_1" } } });
    expect(createdEvent?.data.object).toMatchObject({ id: subscription.id, status: "active" });
    expect(paidEvent?.data.object).toMatchObject({
      object: "invoice",
      status: "paid",
      amount_paid: 9900,
      currency: "usd",
      customer: retrieved.customer,
      parent: { type: "subscription_details", subscription_details: { subscription: subscription.id, metadata: { workspaceId: "ws_1" } } },
    });
    if (paidEvent?.type !== "invoice.paid") throw new Error("expected invoice.paid last");
    expect(retrieved.latest_invoice).toBe(paidEvent.data.object.id);

    await expect(fake.completeCheckout(session.id)).rejects.toThrow(/is complete/);
  });

  it("runs through the hosted page: Pay redirects (303) to the success URL with the session id", async () => {
    const session = await createCheckout();
    const pageResponse = await fetch(`${fake.url}/checkout/${session.id}`);
    const pageHtml = await pageResponse.text();
    expect(pageResponse.status).toBe(200);
    expect(pageHtml).toContain("Fake Stripe Checkout");
    expect(pageHtml).toContain("Clickproof Single");
    expect(pageHtml).toContain("$19.00 per month");
    expect(pageHtml).toContain("Pay and subscribe");

    const paid = await fetch(`${fake.url}/checkout/${session.id}/pay`, { method: "POST", redirect: "manual" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(`http://localhost:3107/w/acme/billing?session_id=${session.id}`);
    expect(types()).toEqual(["checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
    expect(fake.checkoutSessions.get(session.id)?.status).toBe("complete");
  });
});

describe("billing portal", () => {
  it("creates portal sessions for known customers and lets the customer switch and cancel", async () => {
    const { subscription } = await subscribe();
    const customer = String(subscription.customer);
    const portal = await stripe.billingPortal.sessions.create({ customer, return_url: "http://localhost:3107/w/acme/billing" });
    expect(portal).toMatchObject({ object: "billing_portal.session", customer, return_url: "http://localhost:3107/w/acme/billing" });
    expect(portal.url).toBe(`${fake.url}/portal/${portal.id}`);
    expect(await stripeError(stripe.billingPortal.sessions.create({ customer: "cus_nope" }))).toMatchObject({ statusCode: 400, code: "resource_missing" });

    const pageHtml = await (await fetch(portal.url)).text();
    expect(pageHtml).toContain("Fake Stripe billing portal");
    expect(pageHtml).toContain("Switch to Clickproof Team (monthly)");
    expect(pageHtml).toContain("Return to Clickproof");

    const form = { subscription: subscription.id, price: "clickproof_team_monthly" };
    const switched = await fetch(`${portal.url}/switch`, { method: "POST", body: new URLSearchParams(form), redirect: "manual" });
    expect(switched.status).toBe(303);
    expect(switched.headers.get("location")).toBe(portal.url);
    expect((await stripe.subscriptions.retrieve(subscription.id)).items.data[0]?.price.lookup_key).toBe("clickproof_team_monthly");

    const canceled = await fetch(`${portal.url}/cancel`, { method: "POST", body: new URLSearchParams({ subscription: subscription.id }), redirect: "manual" });
    expect(canceled.status).toBe(303);
    expect(types()).toEqual(["customer.subscription.updated", "customer.subscription.deleted"]);
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({ status: "canceled", canceled_at: NOW, ended_at: NOW });
  });
});

describe("subscription lifecycle", () => {
  it("updateSubscription, failPayment and payInvoice emit the documented events", async () => {
    const { subscription } = await subscribe();

    await fake.updateSubscription(subscription.id, { priceLookupKey: "clickproof_team_monthly", cancelAtPeriodEnd: true });
    await fake.failPayment(subscription.id);
    await fake.payInvoice(subscription.id);
    await fake.updateSubscription(subscription.id, { status: "canceled" });

    expect(receiver.rejected).toEqual([]);
    expect(types()).toEqual([
      "customer.subscription.updated",
      "invoice.payment_failed",
      "customer.subscription.updated",
      "invoice.paid",
      "customer.subscription.updated",
      "customer.subscription.deleted",
    ]);
    const [switched, failed, pastDue, paid, active, deleted] = receiver.verified.map((event) => event.data.object);
    expect(switched).toMatchObject({ cancel_at_period_end: true, items: { data: [{ price: { lookup_key: "clickproof_team_monthly" } }] } });
    expect(failed).toMatchObject({ object: "invoice", status: "open", amount_paid: 0, amount_due: 9900 });
    expect(pastDue).toMatchObject({ status: "past_due" });
    expect(paid).toMatchObject({ object: "invoice", status: "paid", period_start: NOW + 30 * DAY, period_end: NOW + 60 * DAY });
    expect(active).toMatchObject({ status: "active", items: { data: [{ current_period_start: NOW + 30 * DAY, current_period_end: NOW + 60 * DAY }] } });
    expect(deleted).toMatchObject({ status: "canceled", canceled_at: NOW, ended_at: NOW });
    // the recorded events are snapshots, not views of the stored (now canceled) subscription
    expect(fake.deliveries[2]?.event.data.object).toMatchObject({ status: "past_due", items: { data: [{ current_period_end: NOW + 30 * DAY }] } });
    expect(fake.subscriptions.get(subscription.id)).toMatchObject({ status: "canceled" });
  });

  it("updates and cancels through the API, emitting events before answering", async () => {
    const { subscription } = await subscribe();
    const item = subscription.items.data[0];

    const updated = await stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true, metadata: { note: "x" } });
    expect(updated).toMatchObject({ cancel_at_period_end: true, cancel_at: NOW + 30 * DAY, metadata: { workspaceId: "ws_1", note: "x" } });
    const switched = await stripe.subscriptions.update(subscription.id, { items: [{ id: item?.id, price: priceId("clickproof_team_monthly") }], cancel_at_period_end: false });
    expect(switched.items.data[0]?.price.lookup_key).toBe("clickproof_team_monthly");
    expect(await stripeError(stripe.subscriptions.update(subscription.id, { items: [{ price: "price_nope" }] }))).toMatchObject({ statusCode: 400, param: "items[0][price]" });

    const canceled = await stripe.subscriptions.cancel(subscription.id);
    expect(canceled).toMatchObject({ status: "canceled", canceled_at: NOW });
    expect(types()).toEqual(["customer.subscription.updated", "customer.subscription.updated", "customer.subscription.deleted"]);
    expect(await stripe.subscriptions.retrieve(subscription.id)).toMatchObject({ status: "canceled" });
    expect(await stripeError(stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true }))).toMatchObject({ statusCode: 400 });
    expect((await stripe.subscriptions.update(subscription.id, { metadata: { note: "" } })).metadata).toEqual({ workspaceId: "ws_1" });

    const missing = await stripeError(stripe.subscriptions.retrieve("sub_missing"));
    expect(missing).toMatchObject({ statusCode: 404, code: "resource_missing", message: "No such subscription: 'sub_missing'", param: "id" });
  });
});

describe("webhook delivery", () => {
  it("signs with the real scheme; a wrong secret is refused by constructEvent", async () => {
    const event = fake.buildEvent("customer.subscription.updated", { id: "sub_x", object: "subscription" }, { id: "evt_fixed", created: 123 });
    expect(event).toMatchObject({ id: "evt_fixed", created: 123, type: "customer.subscription.updated", pending_webhooks: 1, request: { id: null, idempotency_key: null } });

    expect(await fake.deliver(event)).toEqual({ status: 200, body: '{"received":true}' });
    expect(receiver.verified.map((received) => received.id)).toEqual(["evt_fixed"]);

    const forged = await fake.deliver(event, { secret: "whsec_wrong" });
    expect(forged).toEqual({ status: 400, body: "bad signature" });
    const stale = await fake.deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect(stale.status).toBe(400);
    expect(receiver.rejected).toHaveLength(2);
    expect(fake.deliveries.map((delivery) => delivery.status)).toEqual([200, 400, 400]);

    const payload = JSON.stringify(event);
    expect(Stripe.webhooks.constructEvent(payload, fake.sign(payload), SECRET).id).toBe("evt_fixed");
  });

  it("skips delivery when no webhook URL is set", async () => {
    const quiet = await startFakeStripe({ webhookSecret: SECRET });
    try {
      const client = new Stripe("sk_test_quiet", { host: "127.0.0.1", port: quiet.port, protocol: "http", maxNetworkRetries: 0, telemetry: false });
      const [price] = (await client.prices.list({ lookup_keys: ["clickproof_single_yearly"] })).data;
      const session = await client.checkout.sessions.create({ mode: "subscription", line_items: [{ price: price?.id, quantity: 1 }], success_url: "http://x.test/ok", cancel_url: "http://x.test/no" });
      const subscription = await quiet.completeCheckout(session.id);
      expect(subscription.items.data[0]?.current_period_end).toBe(subscription.created + 365 * DAY);
      expect(quiet.deliveries).toEqual([]);
      await expect(quiet.deliver(quiet.buildEvent("ping", {}))).rejects.toThrow(/no webhookUrl/);
    } finally {
      await quiet.close();
    }
  });
});
