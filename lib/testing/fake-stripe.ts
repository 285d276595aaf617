// A fake Stripe for unit and e2e tests: a small HTTP server on 127.0.0.1 that speaks the part of
// the v1 API the app uses (customers, prices, Checkout and billing-portal sessions, subscriptions)
// to the real stripe-node client, serves plain hosted Checkout and portal pages a browser can click
// through, and POSTs webhook events signed with the real scheme to the app.
//   const fake = await startFakeStripe({ webhookSecret: "whsec_test", webhookUrl });
//   new Stripe("sk_test_x", { host: "127.0.0.1", port: fake.port, protocol: "http", maxNetworkRetries: 0, telemetry: false });
// Everything lives in memory for the life of the server. Webhook deliveries are awaited in order
// (also before an API call that caused them answers), so a test that awaits an action sees its
// events already handled.
import http from "node:http";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { formatMoney } from "@/lib/format";

export type FakePrice = { lookupKey: string; unitAmount: number; currency: string; interval: "month" | "year"; productName: string };

export type FakeStripeOptions = {
  /** 0 or undefined: a random free port on 127.0.0.1. */
  port?: number;
  /** Where signed events are POSTed; without one, actions skip delivery. */
  webhookUrl?: string;
  /** whsec_… used to sign every delivery. */
  webhookSecret: string;
  prices?: FakePrice[];
  /** Unix seconds for the objects' timestamps (not for signatures, which must be fresh). */
  now?: () => number;
};

/** The invoice fields the fake fills in; the rest of Stripe.Invoice is not modelled. */
export type FakeInvoice = Pick<
  Stripe.Invoice,
  | "id" | "object" | "customer" | "status" | "amount_due" | "amount_paid" | "amount_remaining" | "currency"
  | "created" | "livemode" | "metadata" | "period_start" | "period_end" | "billing_reason" | "parent"
>;

export type FakeDelivery = { event: Stripe.Event; status: number; body: string };
export type SignOptions = { timestamp?: number; secret?: string };
export type SubscriptionPatch = { status?: Stripe.Subscription.Status; priceLookupKey?: string; cancelAtPeriodEnd?: boolean };

export type FakeStripe = {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  close(): Promise<void>;
  setWebhookUrl(url: string): void;
  customers: Map<string, Stripe.Customer>;
  checkoutSessions: Map<string, Stripe.Checkout.Session>;
  subscriptions: Map<string, Stripe.Subscription>;
  deliveries: FakeDelivery[];
  /** What clicking "Pay and subscribe" does: customer, active subscription, three events. */
  completeCheckout(sessionId: string): Promise<Stripe.Subscription>;
  updateSubscription(id: string, patch: SubscriptionPatch): Promise<Stripe.Subscription>;
  /** A renewal payment failed: past_due, `invoice.payment_failed`, `customer.subscription.updated`. */
  failPayment(subscriptionId: string): Promise<void>;
  /** A renewal was paid: active, next period, `invoice.paid`, `customer.subscription.updated`. */
  payInvoice(subscriptionId: string): Promise<void>;
  buildEvent(type: string, object: unknown, opts?: { id?: string; created?: number }): Stripe.Event;
  /** The Stripe-Signature header for a payload. */
  sign(payload: string, opts?: SignOptions): string;
  deliver(event: Stripe.Event, opts?: SignOptions): Promise<{ status: number; body: string }>;
};

export const FAKE_STRIPE_API_VERSION = "2026-10-28.endive";

export const DEFAULT_FAKE_PRICES: FakePrice[] = [
  { lookupKey: "clickproof_single_monthly", unitAmount: 1900, currency: "usd", interval: "month", productName: "Clickproof Single" },
  { lookupKey: "clickproof_single_yearly", unitAmount: 19000, currency: "usd", interval: "year", productName: "Clickproof Single" },
  { lookupKey: "clickproof_team_monthly", unitAmount: 9900, currency: "usd", interval: "month", productName: "Clickproof Team" },
  { lookupKey: "clickproof_team_yearly", unitAmount: 99000, currency: "usd", interval: "year", productName: "Clickproof Team" },
];

const DAY = 24 * 60 * 60;
const MAX_BODY_BYTES = 1024 * 1024;
const WEBHOOK_TIMEOUT_MS = 10_000;
const WEBHOOK_USER_AGENT = "Stripe/1.0 (+https://stripe.com/docs/webhooks)";

const newId = (prefix: string) => `${prefix}${randomBytes(12).toString("hex")}`;

// ---------------------------------------------------------------------------------------------
// Form bodies and query strings in stripe-node's bracket notation:
//   line_items[0][price]=price_x&metadata[workspaceId]=ws1&lookup_keys[]=a
// become nested objects, with all-numeric keys (and empty brackets) turned into arrays.

export type FormValue = string | FormValue[] | FormObject;
export type FormObject = { [key: string]: FormValue };

// Keys that would reach Object.prototype through plain-object assignment.
const UNSAFE_KEYS = new Set(["__proto__", "prototype", "constructor"]);

function keyPath(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0) return [key];
  const segments = [key.slice(0, open)];
  for (const match of key.slice(open).matchAll(/\[([^\]]*)\]/g)) segments.push(match[1] ?? "");
  return segments;
}

function toArrays(node: FormObject): FormValue {
  const keys = Object.keys(node);
  for (const key of keys) {
    const value = node[key];
    if (value !== undefined && typeof value === "object" && !Array.isArray(value)) node[key] = toArrays(value);
  }
  if (keys.length === 0 || !keys.every((key) => /^\d+$/.test(key))) return node;
  return keys
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => node[key])
    .filter((value) => value !== undefined);
}

export function parseForm(encoded: string): FormObject {
  const root: FormObject = {};
  for (const [key, value] of new URLSearchParams(encoded)) {
    const path = keyPath(key);
    if (path.some((segment) => UNSAFE_KEYS.has(segment))) continue;
    let node = root;
    path.forEach((rawSegment, index) => {
      // `a[]=x&a[]=y`: an empty segment appends
      const segment = rawSegment === "" ? String(Object.keys(node).length) : rawSegment;
      if (index === path.length - 1) {
        node[segment] = value;
        return;
      }
      const next = node[segment];
      if (next !== undefined && typeof next === "object" && !Array.isArray(next)) {
        node = next;
      } else {
        const created: FormObject = {};
        node[segment] = created;
        node = created;
      }
    });
  }
  const result = toArrays(root);
  return typeof result === "object" && !Array.isArray(result) ? result : {};
}

const isObject = (value: FormValue | undefined): value is FormObject => typeof value === "object" && !Array.isArray(value);
const text = (value: FormValue | undefined) => (typeof value === "string" ? value : undefined);
const first = (value: FormValue | undefined) => (Array.isArray(value) ? value[0] : undefined);
const strings = (value: FormValue | undefined) =>
  typeof value === "string" ? [value] : Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];

/** `metadata[k]=v` pairs; Stripe's "empty string unsets a key" is applied by mergeMetadata. */
function metadataOf(value: FormValue | undefined): Record<string, string> {
  const metadata: Record<string, string> = {};
  if (isObject(value)) for (const [key, item] of Object.entries(value)) if (typeof item === "string") metadata[key] = item;
  return metadata;
}

function mergeMetadata(current: Stripe.Metadata, changes: Record<string, string>): Stripe.Metadata {
  const merged = { ...current, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === "") delete merged[key];
  return merged;
}

// ---------------------------------------------------------------------------------------------
// Errors in Stripe's shape, so stripe-node raises its own error classes.

class FakeStripeError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }
  toJSON() {
    return { error: { type: "invalid_request_error", code: this.code, message: this.message, param: this.param } };
  }
}

const noSuch = (kind: string, id: string, param: string, status = 404) =>
  new FakeStripeError(status, `No such ${kind}: '${id}'`, "resource_missing", param);
const missing = (param: string) => new FakeStripeError(400, `Missing required param: ${param}.`, "parameter_missing", param);

// ---------------------------------------------------------------------------------------------
// Stripe objects, with every field stripe-node's types require (null or empty where the fake has
// nothing to say), so the handle and the responses hold real Stripe.* values.

type PriceRecord = FakePrice & { price: Stripe.Price; plan: Stripe.Plan };

const periodSeconds = (price: FakePrice) => (price.interval === "month" ? 30 : 365) * DAY;

function buildPriceRecords(prices: FakePrice[], created: number): PriceRecord[] {
  const productIds = new Map<string, string>();
  return prices.map((fake) => {
    const product = productIds.get(fake.productName) ?? newId("prod_");
    productIds.set(fake.productName, product);
    const id = newId("price_");
    const common = { id, active: true, billing_scheme: "per_unit", created, currency: fake.currency, livemode: false, metadata: {}, nickname: null, product, tiers_mode: null } as const;
    const price: Stripe.Price = {
      ...common,
      object: "price",
      lookup_key: fake.lookupKey,
      recurring: { interval: fake.interval, interval_count: 1, meter: null, trial_period_days: null, usage_type: "licensed" },
      type: "recurring",
      unit_amount: fake.unitAmount,
      custom_unit_amount: null, tax_behavior: "unspecified", transform_quantity: null, unit_amount_decimal: null,
    };
    const plan: Stripe.Plan = {
      ...common,
      object: "plan",
      amount: fake.unitAmount,
      interval: fake.interval,
      interval_count: 1,
      usage_type: "licensed",
      amount_decimal: null, meter: null, transform_usage: null, trial_period_days: null,
    };
    return { ...fake, price, plan };
  });
}

function buildCustomer(created: number, fields: Pick<Stripe.Customer, "email" | "name" | "metadata">): Stripe.Customer {
  return {
    ...fields,
    id: newId("cus_"),
    object: "customer",
    balance: 0,
    created,
    invoice_settings: { custom_fields: null, default_payment_method: null, footer: null, rendering_options: null },
    livemode: false,
    default_source: null, description: null, shipping: null,
  };
}

type CheckoutFields = Pick<
  Stripe.Checkout.Session,
  "customer" | "customer_email" | "client_reference_id" | "metadata" | "success_url" | "cancel_url" | "allow_promotion_codes"
>;

function buildCheckoutSession(created: number, baseUrl: string, fields: CheckoutFields, price: PriceRecord): Stripe.Checkout.Session {
  const id = newId("cs_test_");
  return {
    ...fields,
    id,
    object: "checkout.session",
    mode: "subscription",
    status: "open",
    payment_status: "unpaid",
    url: `${baseUrl}/checkout/${id}`,
    subscription: null,
    created,
    expires_at: created + DAY,
    amount_subtotal: price.unitAmount,
    amount_total: price.unitAmount,
    currency: price.currency,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer_creation: fields.customer ? null : "always",
    payment_method_collection: "always",
    payment_method_types: ["card"],
    ui_mode: "hosted_page",
    livemode: false,
    custom_fields: [], discounts: [], shipping_options: [],
    adaptive_pricing: null, after_expiration: null, allowed_payment_method_types: null, billing_address_collection: null,
    client_secret: null, collected_information: null, consent: null, consent_collection: null, currency_conversion: null,
    customer_account: null, customer_details: null, integration_identifier: null, invoice: null, invoice_creation: null,
    locale: null, managed_payments: null, origin_context: null, payment_intent: null, payment_link: null,
    payment_method_configuration_details: null, payment_method_options: null, permissions: null, recovered_from: null,
    saved_payment_method_options: null, setup_intent: null, shipping_address_collection: null, shipping_cost: null,
    submit_type: null, wallet_options: null,
  };
}

function buildSubscription(customer: string, price: PriceRecord, metadata: Stripe.Metadata, created: number): Stripe.Subscription {
  const id = newId("sub_");
  const item: Stripe.SubscriptionItem = {
    id: newId("si_"),
    object: "subscription_item",
    created,
    current_period_start: created,
    current_period_end: created + periodSeconds(price),
    plan: price.plan,
    price: price.price,
    quantity: 1,
    subscription: id,
    metadata: {}, discounts: [], tax_rates: [],
    billing_thresholds: null, current_trial: null,
  };
  return {
    id,
    object: "subscription",
    customer,
    status: "active",
    metadata,
    items: { object: "list", data: [item], has_more: false, url: `/v1/subscription_items?subscription=${id}` },
    created,
    start_date: created,
    billing_cycle_anchor: created,
    currency: price.currency,
    cancel_at_period_end: false,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: null },
    automatic_tax: { disabled_reason: null, enabled: false, liability: null },
    billing_mode: { flexible: null, type: "flexible" },
    collection_method: "charge_automatically",
    invoice_settings: { account_tax_ids: null, custom_fields: null, description: null, footer: null, issuer: { type: "self" } },
    livemode: false,
    billing_schedules: [], discounts: [],
    latest_invoice: null, cancel_at: null, canceled_at: null, ended_at: null,
    application: null, application_fee_percent: null, billing_cycle_anchor_config: null, billing_thresholds: null,
    customer_account: null, days_until_due: null, default_payment_method: null, default_source: null, description: null,
    managed_payments: null, next_pending_invoice_item_invoice: null, on_behalf_of: null, pause_collection: null,
    payment_settings: null, pending_invoice_item_interval: null, pending_setup_intent: null, pending_update: null,
    schedule: null, test_clock: null, transfer_data: null, trial_end: null, trial_settings: null, trial_start: null,
  };
}

function buildInvoice(subscription: Stripe.Subscription, item: Stripe.SubscriptionItem, fields: Pick<FakeInvoice, "status" | "billing_reason" | "created">): FakeInvoice {
  const amount = item.price.unit_amount ?? 0;
  const paid = fields.status === "paid";
  return {
    ...fields,
    id: newId("in_"),
    object: "invoice",
    customer: subscription.customer,
    amount_due: amount,
    amount_paid: paid ? amount : 0,
    amount_remaining: paid ? 0 : amount,
    currency: item.price.currency,
    livemode: false,
    metadata: {},
    period_start: item.current_period_start,
    period_end: item.current_period_end,
    parent: {
      type: "subscription_details",
      quote_details: null,
      subscription_details: { subscription: subscription.id, metadata: { ...subscription.metadata } },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The store every part of the server reads and changes.

type Store = {
  now: () => number;
  webhookSecret: string;
  webhookUrl: string | undefined;
  baseUrl: string;
  prices: PriceRecord[];
  customers: Map<string, Stripe.Customer>;
  checkoutSessions: Map<string, Stripe.Checkout.Session>;
  /** What each session buys: Stripe keeps line items and subscription_data off the session. */
  checkoutPurchases: Map<string, { price: PriceRecord; subscriptionMetadata: Stripe.Metadata }>;
  portalSessions: Map<string, Stripe.BillingPortal.Session>;
  subscriptions: Map<string, Stripe.Subscription>;
  deliveries: FakeDelivery[];
};

function getOrThrow<T>(map: Map<string, T>, id: string, kind: string): T {
  const value = map.get(id);
  if (!value) throw noSuch(kind, id, "id");
  return value;
}

/** The one item every fake subscription has. */
function itemOf(subscription: Stripe.Subscription): Stripe.SubscriptionItem {
  const item = subscription.items.data[0];
  if (!item) throw new Error(`fake-stripe: subscription ${subscription.id} has no items`);
  return item;
}

function priceOf(store: Store, subscription: Stripe.Subscription): PriceRecord {
  const id = itemOf(subscription).price.id;
  const price = store.prices.find((candidate) => candidate.price.id === id);
  if (!price) throw new Error(`fake-stripe: subscription ${subscription.id} has an unknown price`);
  return price;
}

const priceById = (store: Store, id: string) => store.prices.find((price) => price.price.id === id);
const priceByLookupKey = (store: Store, key: string) => store.prices.find((price) => price.lookupKey === key);

// ---------------------------------------------------------------------------------------------
// Webhooks: events are snapshots, signed with the real scheme, delivered one at a time.

function buildEvent(store: Store, type: string, object: unknown, opts: { id?: string; created?: number } = {}): Stripe.Event {
  const event = {
    id: opts.id ?? newId("evt_"),
    object: "event" as const,
    api_version: FAKE_STRIPE_API_VERSION,
    created: opts.created ?? store.now(),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    // a snapshot: later changes to the stored object must not rewrite past events
    data: { object: structuredClone(object) },
  };
  // The one type assertion here: callers pair `type` with a matching object, and tests may
  // deliberately build event types (or objects) the app is expected to ignore.
  return event as Stripe.Event;
}

function sign(store: Store, payload: string, opts: SignOptions = {}): string {
  return Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: opts.secret ?? store.webhookSecret,
    // wall-clock time, not `now`: the receiver checks the signature's age against its own clock
    timestamp: opts.timestamp ?? Math.floor(Date.now() / 1000),
  });
}

async function deliver(store: Store, event: Stripe.Event, opts: SignOptions = {}): Promise<{ status: number; body: string }> {
  const url = store.webhookUrl;
  if (!url) throw new Error("fake-stripe: no webhookUrl to deliver to (pass one or call setWebhookUrl)");
  const payload = JSON.stringify(event, null, 2);
  let result: { status: number; body: string };
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json; charset=utf-8", "Stripe-Signature": sign(store, payload, opts), "User-Agent": WEBHOOK_USER_AGENT },
      body: payload,
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    result = { status: response.status, body: await response.text() };
  } catch (error) {
    // Stripe records an unreachable endpoint as a failed delivery instead of failing the API call
    // that caused the event; status 0 means "no HTTP answer".
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
    result = { status: 0, body: `${error instanceof Error ? error.message : String(error)}${cause}` };
    console.error(`[fake-stripe] delivering ${event.type} to ${url} failed: ${result.body}`);
  }
  store.deliveries.push({ event, ...result });
  return result;
}

async function emit(store: Store, type: string, object: unknown) {
  if (store.webhookUrl) await deliver(store, buildEvent(store, type, object));
}

// ---------------------------------------------------------------------------------------------
// Actions shared by the API, the hosted pages and the test handle.

async function completeCheckout(store: Store, sessionId: string): Promise<Stripe.Subscription> {
  const session = getOrThrow(store.checkoutSessions, sessionId, "checkout.session");
  const purchase = store.checkoutPurchases.get(sessionId);
  if (session.status !== "open" || !purchase) throw new FakeStripeError(400, `Checkout session ${sessionId} is ${session.status ?? "not open"}.`);
  const created = store.now();
  const existing = typeof session.customer === "string" ? store.customers.get(session.customer) : undefined;
  const customer = existing ?? buildCustomer(created, { email: session.customer_email, name: null, metadata: {} });
  store.customers.set(customer.id, customer);

  const subscription = buildSubscription(customer.id, purchase.price, { ...purchase.subscriptionMetadata }, created);
  const invoice = buildInvoice(subscription, itemOf(subscription), { status: "paid", billing_reason: "subscription_create", created });
  subscription.latest_invoice = invoice.id;
  store.subscriptions.set(subscription.id, subscription);
  Object.assign(session, {
    status: "complete",
    payment_status: "paid",
    customer: customer.id,
    subscription: subscription.id,
    invoice: invoice.id,
    customer_details: {
      email: customer.email, name: customer.name ?? null, tax_exempt: "none", tax_ids: [],
      address: null, business_name: null, individual_name: null, phone: null,
    },
  } satisfies Partial<Stripe.Checkout.Session>);

  await emit(store, "checkout.session.completed", session);
  await emit(store, "customer.subscription.created", subscription);
  await emit(store, "invoice.paid", invoice);
  return subscription;
}

function cancelNow(store: Store, subscription: Stripe.Subscription) {
  const at = store.now();
  Object.assign(subscription, {
    status: "canceled",
    canceled_at: at,
    ended_at: at,
    cancel_at_period_end: false,
    cancel_at: null,
    cancellation_details: { comment: null, feedback: null, feedback_option: null, reason: "cancellation_requested" },
  } satisfies Partial<Stripe.Subscription>);
}

function switchPrice(subscription: Stripe.Subscription, price: PriceRecord) {
  Object.assign(itemOf(subscription), { price: price.price, plan: price.plan });
  subscription.currency = price.currency;
}

function setCancelAtPeriodEnd(subscription: Stripe.Subscription, value: boolean) {
  subscription.cancel_at_period_end = value;
  subscription.cancel_at = value ? itemOf(subscription).current_period_end : null;
}

async function updateSubscription(store: Store, id: string, patch: SubscriptionPatch): Promise<Stripe.Subscription> {
  const subscription = getOrThrow(store.subscriptions, id, "subscription");
  if (patch.priceLookupKey !== undefined) {
    const price = priceByLookupKey(store, patch.priceLookupKey);
    if (!price) throw noSuch("price", patch.priceLookupKey, "price", 400);
    switchPrice(subscription, price);
  }
  if (patch.cancelAtPeriodEnd !== undefined) setCancelAtPeriodEnd(subscription, patch.cancelAtPeriodEnd);
  if (patch.status === "canceled") {
    cancelNow(store, subscription);
    await emit(store, "customer.subscription.deleted", subscription);
    return subscription;
  }
  if (patch.status !== undefined) subscription.status = patch.status;
  await emit(store, "customer.subscription.updated", subscription);
  return subscription;
}

async function failPayment(store: Store, subscriptionId: string): Promise<void> {
  const subscription = getOrThrow(store.subscriptions, subscriptionId, "subscription");
  const invoice = buildInvoice(subscription, itemOf(subscription), { status: "open", billing_reason: "subscription_cycle", created: store.now() });
  subscription.latest_invoice = invoice.id;
  subscription.status = "past_due";
  await emit(store, "invoice.payment_failed", invoice);
  await emit(store, "customer.subscription.updated", subscription);
}

async function payInvoice(store: Store, subscriptionId: string): Promise<void> {
  const subscription = getOrThrow(store.subscriptions, subscriptionId, "subscription");
  const item = itemOf(subscription);
  item.current_period_start = item.current_period_end;
  item.current_period_end = item.current_period_start + periodSeconds(priceOf(store, subscription));
  const invoice = buildInvoice(subscription, item, { status: "paid", billing_reason: "subscription_cycle", created: store.now() });
  subscription.latest_invoice = invoice.id;
  subscription.status = "active";
  await emit(store, "invoice.paid", invoice);
  await emit(store, "customer.subscription.updated", subscription);
}

// ---------------------------------------------------------------------------------------------
// REST API (/v1).

type Reply = { status: number; headers: Record<string, string>; body: string };
type FakeRequest = { method: string; url: URL; form: FormObject; authorization: string | undefined };
type Route = { method: string; path: RegExp; handle: (request: FakeRequest, id: string) => Promise<Reply> | Reply };

const json = (status: number, value: unknown): Reply => ({ status, headers: { "Content-Type": "application/json" }, body: JSON.stringify(value, null, 2) });
const html = (status: number, body: string): Reply => ({ status, headers: { "Content-Type": "text/html; charset=utf-8" }, body });
const seeOther = (location: string): Reply => ({ status: 303, headers: { Location: location }, body: "" });
const list = <T>(data: T[], url: string) => ({ object: "list", data, has_more: false, url });
const expands = (form: FormObject, field: string) => strings(form.expand).includes(field);

function requireText(form: FormObject, param: string): string {
  const value = text(form[param]);
  if (!value) throw missing(param);
  return value;
}

function createCheckoutSession(store: Store, form: FormObject): Stripe.Checkout.Session {
  const mode = requireText(form, "mode");
  if (mode !== "subscription") throw new FakeStripeError(400, `The fake supports mode=subscription only, got '${mode}'.`, undefined, "mode");
  const lineItem = first(form.line_items);
  const priceId = isObject(lineItem) ? text(lineItem.price) : undefined;
  if (!priceId) throw missing("line_items[0][price]");
  const price = priceById(store, priceId);
  if (!price) throw noSuch("price", priceId, "line_items[0][price]", 400);
  const successUrl = requireText(form, "success_url");
  const cancelUrl = requireText(form, "cancel_url");
  const customer = text(form.customer) ?? null;
  if (customer && !store.customers.has(customer)) throw noSuch("customer", customer, "customer", 400);
  const fields: CheckoutFields = {
    customer,
    customer_email: text(form.customer_email) ?? null,
    client_reference_id: text(form.client_reference_id) ?? null,
    metadata: metadataOf(form.metadata),
    success_url: successUrl,
    cancel_url: cancelUrl,
    allow_promotion_codes: form.allow_promotion_codes === undefined ? null : text(form.allow_promotion_codes) === "true",
  };
  const session = buildCheckoutSession(store.now(), store.baseUrl, fields, price);
  const subscriptionData = form.subscription_data;
  store.checkoutSessions.set(session.id, session);
  store.checkoutPurchases.set(session.id, { price, subscriptionMetadata: metadataOf(isObject(subscriptionData) ? subscriptionData.metadata : undefined) });
  return session;
}

function retrieveCheckoutSession(store: Store, id: string, form: FormObject): Stripe.Checkout.Session {
  const session = getOrThrow(store.checkoutSessions, id, "checkout.session");
  const subscription = typeof session.subscription === "string" ? store.subscriptions.get(session.subscription) : undefined;
  const customer = typeof session.customer === "string" ? store.customers.get(session.customer) : undefined;
  return {
    ...session,
    ...(expands(form, "subscription") && subscription ? { subscription } : {}),
    ...(expands(form, "customer") && customer ? { customer } : {}),
  };
}

function createPortalSession(store: Store, form: FormObject): Stripe.BillingPortal.Session {
  const customer = requireText(form, "customer");
  if (!store.customers.has(customer)) throw noSuch("customer", customer, "customer", 400);
  const id = newId("bps_");
  const session: Stripe.BillingPortal.Session = {
    id,
    object: "billing_portal.session",
    configuration: "bpc_fake_default",
    created: store.now(),
    customer,
    return_url: text(form.return_url) ?? null,
    url: `${store.baseUrl}/portal/${id}`,
    livemode: false,
    customer_account: null, flow: null, locale: null, on_behalf_of: null,
  };
  store.portalSessions.set(id, session);
  return session;
}

function retrieveSubscription(store: Store, id: string, form: FormObject): Stripe.Subscription {
  const subscription = getOrThrow(store.subscriptions, id, "subscription");
  const customer = typeof subscription.customer === "string" ? store.customers.get(subscription.customer) : undefined;
  return expands(form, "customer") && customer ? { ...subscription, customer } : subscription;
}

async function updateSubscriptionFromApi(store: Store, id: string, form: FormObject): Promise<Stripe.Subscription> {
  const subscription = getOrThrow(store.subscriptions, id, "subscription");
  const changes = Object.keys(form).filter((key) => key !== "metadata" && key !== "expand");
  if (subscription.status === "canceled" && changes.length > 0) throw new FakeStripeError(400, "A canceled subscription can only update its metadata.");
  const item = first(form.items);
  const priceId = isObject(item) ? text(item.price) : undefined;
  if (priceId !== undefined) {
    const price = priceById(store, priceId);
    if (!price) throw noSuch("price", priceId, "items[0][price]", 400);
    const itemId = isObject(item) ? text(item.id) : undefined;
    // the fake models single-item subscriptions: an item id, when given, must be that item
    if (itemId !== undefined && itemId !== itemOf(subscription).id) throw noSuch("subscription_item", itemId, "items[0][id]", 400);
    switchPrice(subscription, price);
  }
  const cancelAtPeriodEnd = text(form.cancel_at_period_end);
  if (cancelAtPeriodEnd !== undefined) setCancelAtPeriodEnd(subscription, cancelAtPeriodEnd === "true");
  if (form.metadata !== undefined) subscription.metadata = mergeMetadata(subscription.metadata, metadataOf(form.metadata));
  await emit(store, "customer.subscription.updated", subscription);
  return subscription;
}

async function cancelSubscriptionFromApi(store: Store, id: string): Promise<Stripe.Subscription> {
  const subscription = getOrThrow(store.subscriptions, id, "subscription");
  if (subscription.status === "canceled") throw new FakeStripeError(400, `Subscription ${id} is already canceled.`);
  cancelNow(store, subscription);
  await emit(store, "customer.subscription.deleted", subscription);
  return subscription;
}

function createCustomer(store: Store, form: FormObject): Stripe.Customer {
  const customer = buildCustomer(store.now(), { email: text(form.email) ?? null, name: text(form.name) ?? null, metadata: metadataOf(form.metadata) });
  store.customers.set(customer.id, customer);
  return customer;
}

function listPrices(store: Store, form: FormObject) {
  const lookupKeys = strings(form.lookup_keys);
  // every fake price is active
  const matching = text(form.active) === "false" ? [] : store.prices.filter((price) => lookupKeys.length === 0 || lookupKeys.includes(price.lookupKey));
  return list(matching.map((price) => price.price), "/v1/prices");
}

/** GET /v1/subscriptions: by customer; without `status`, every one not canceled (as Stripe lists). */
function listSubscriptions(store: Store, form: FormObject) {
  const customer = text(form.customer);
  const status = text(form.status);
  const matching = [...store.subscriptions.values()].filter(
    (subscription) =>
      (!customer || subscription.customer === customer) &&
      (status === "all" ? true : status ? subscription.status === status : subscription.status !== "canceled"),
  );
  return list(matching, "/v1/subscriptions");
}

/** POST /v1/checkout/sessions/{id}/expire: only an open session can be expired; it can no longer be paid. */
function expireCheckoutSession(store: Store, id: string): Stripe.Checkout.Session {
  const session = getOrThrow(store.checkoutSessions, id, "checkout.session");
  if (session.status !== "open") throw new FakeStripeError(400, `Only Checkout Sessions with a status in ["open"] can be expired. This session is ${session.status}.`);
  Object.assign(session, { status: "expired", url: null } satisfies Partial<Stripe.Checkout.Session>);
  return session;
}

const apiRoutes = (store: Store): Route[] => [
  { method: "POST", path: /^\/v1\/customers$/, handle: ({ form }) => json(200, createCustomer(store, form)) },
  { method: "GET", path: /^\/v1\/customers\/([^/]+)$/, handle: (_, id) => json(200, getOrThrow(store.customers, id, "customer")) },
  { method: "GET", path: /^\/v1\/prices$/, handle: ({ form }) => json(200, listPrices(store, form)) },
  { method: "POST", path: /^\/v1\/checkout\/sessions$/, handle: ({ form }) => json(200, createCheckoutSession(store, form)) },
  { method: "GET", path: /^\/v1\/checkout\/sessions\/([^/]+)$/, handle: ({ form }, id) => json(200, retrieveCheckoutSession(store, id, form)) },
  { method: "POST", path: /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/, handle: (_, id) => json(200, expireCheckoutSession(store, id)) },
  { method: "GET", path: /^\/v1\/subscriptions$/, handle: ({ form }) => json(200, listSubscriptions(store, form)) },
  { method: "POST", path: /^\/v1\/billing_portal\/sessions$/, handle: ({ form }) => json(200, createPortalSession(store, form)) },
  { method: "GET", path: /^\/v1\/subscriptions\/([^/]+)$/, handle: ({ form }, id) => json(200, retrieveSubscription(store, id, form)) },
  { method: "POST", path: /^\/v1\/subscriptions\/([^/]+)$/, handle: async ({ form }, id) => json(200, await updateSubscriptionFromApi(store, id, form)) },
  { method: "DELETE", path: /^\/v1\/subscriptions\/([^/]+)$/, handle: async (_, id) => json(200, await cancelSubscriptionFromApi(store, id)) },
];

// ---------------------------------------------------------------------------------------------
// Hosted pages: deliberately plain HTML with stable, readable labels for Playwright.

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char);
const formatAmount = (price: FakePrice) =>
  `${formatMoney(price.unitAmount, price.currency.toUpperCase())} per ${price.interval}`;
const priceLabel = (price: FakePrice) => `${price.productName} (${price.interval === "month" ? "monthly" : "yearly"})`;
const isoDate = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().slice(0, 10);
const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>` +
  `<body style="font-family:sans-serif;max-width:640px;margin:40px auto;line-height:1.5"><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
const postButton = (action: string, label: string, fields: Record<string, string>) =>
  `<form method="post" action="${escapeHtml(action)}">` +
  Object.entries(fields).map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join("") +
  `<button type="submit">${escapeHtml(label)}</button></form>`;

function checkoutPage(store: Store, id: string): Reply {
  const session = getOrThrow(store.checkoutSessions, id, "checkout.session");
  const price = store.checkoutPurchases.get(id)?.price;
  const email = session.customer_email ?? (typeof session.customer === "string" ? store.customers.get(session.customer)?.email : null);
  const body =
    (price ? `<p><strong>${escapeHtml(price.productName)}</strong> — ${escapeHtml(formatAmount(price))}</p>` : "") +
    (email ? `<p>Billed to ${escapeHtml(email)}</p>` : "") +
    (session.status === "open" ? postButton(`/checkout/${id}/pay`, "Pay and subscribe", {}) : `<p>This checkout session is ${escapeHtml(session.status ?? "closed")}.</p>`) +
    (session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel</a></p>` : "");
  return html(200, page("Fake Stripe Checkout", body));
}

async function pay(store: Store, id: string): Promise<Reply> {
  const subscription = await completeCheckout(store, id);
  const successUrl = store.checkoutSessions.get(id)?.success_url;
  if (!successUrl) throw new Error(`fake-stripe: checkout session ${id} has no success_url (subscription ${subscription.id})`);
  return seeOther(successUrl.replaceAll("{CHECKOUT_SESSION_ID}", id));
}

function subscriptionSection(store: Store, portalId: string, subscription: Stripe.Subscription): string {
  const current = priceOf(store, subscription);
  const periodEnd = isoDate(itemOf(subscription).current_period_end);
  const renewal = subscription.status === "canceled" ? "" : subscription.cancel_at_period_end ? ` · Cancels on ${periodEnd}` : ` · Renews on ${periodEnd}`;
  const fields = { subscription: subscription.id };
  const actions =
    subscription.status === "canceled"
      ? ""
      : store.prices
          .filter((price) => price.lookupKey !== current.lookupKey)
          .map((price) => postButton(`/portal/${portalId}/switch`, `Switch to ${priceLabel(price)}`, { ...fields, price: price.lookupKey }))
          .join("") +
        postButton(`/portal/${portalId}/cancel`, "Cancel subscription", fields) +
        // Stripe's test clocks do this in test mode; the fake offers it as buttons for browser tests.
        (subscription.status === "past_due"
          ? postButton(`/portal/${portalId}/pay-invoice`, "Simulate a successful retry", fields)
          : postButton(`/portal/${portalId}/fail-payment`, "Simulate a failed payment", fields));
  return (
    `<section><h2>${escapeHtml(priceLabel(current))}</h2>` +
    `<p>${escapeHtml(formatAmount(current))} · Status: <strong>${escapeHtml(subscription.status)}</strong>${renewal}</p>${actions}</section>`
  );
}

function portalPage(store: Store, id: string): Reply {
  const session = getOrThrow(store.portalSessions, id, "billing_portal.session");
  const email = store.customers.get(session.customer)?.email;
  const owned = [...store.subscriptions.values()].filter((subscription) => subscription.customer === session.customer);
  const body =
    (email ? `<p>Signed in as ${escapeHtml(email)}</p>` : "") +
    (owned.length ? owned.map((subscription) => subscriptionSection(store, id, subscription)).join("") : "<p>No subscriptions.</p>") +
    (session.return_url ? `<p><a href="${escapeHtml(session.return_url)}">Return to Clickproof</a></p>` : "");
  return html(200, page("Fake Stripe billing portal", body));
}

/** The live subscription a portal form acts on: the one named in the form, else the customer's only one. */
function portalSubscription(store: Store, portalId: string, form: FormObject): Stripe.Subscription {
  const session = getOrThrow(store.portalSessions, portalId, "billing_portal.session");
  const live = [...store.subscriptions.values()].filter((subscription) => subscription.customer === session.customer && subscription.status !== "canceled");
  const requested = text(form.subscription);
  const subscription = requested ? live.find((candidate) => candidate.id === requested) : live[0];
  if (!subscription) throw noSuch("subscription", requested ?? "(none)", "subscription", 400);
  return subscription;
}

async function portalAction(store: Store, portalId: string, form: FormObject, patch: SubscriptionPatch): Promise<Reply> {
  await updateSubscription(store, portalSubscription(store, portalId, form).id, patch);
  return seeOther(`${store.baseUrl}/portal/${portalId}`);
}

async function portalPayment(store: Store, portalId: string, form: FormObject, outcome: (store: Store, subscriptionId: string) => Promise<void>): Promise<Reply> {
  await outcome(store, portalSubscription(store, portalId, form).id);
  return seeOther(`${store.baseUrl}/portal/${portalId}`);
}

const hostedRoutes = (store: Store): Route[] => [
  { method: "GET", path: /^\/health$/, handle: () => ({ status: 200, headers: { "Content-Type": "text/plain" }, body: "ok" }) },
  { method: "GET", path: /^\/checkout\/([^/]+)$/, handle: (_, id) => checkoutPage(store, id) },
  { method: "POST", path: /^\/checkout\/([^/]+)\/pay$/, handle: (_, id) => pay(store, id) },
  { method: "GET", path: /^\/portal\/([^/]+)$/, handle: (_, id) => portalPage(store, id) },
  { method: "POST", path: /^\/portal\/([^/]+)\/switch$/, handle: ({ form }, id) => portalAction(store, id, form, { priceLookupKey: requireText(form, "price") }) },
  { method: "POST", path: /^\/portal\/([^/]+)\/cancel$/, handle: ({ form }, id) => portalAction(store, id, form, { status: "canceled" }) },
  { method: "POST", path: /^\/portal\/([^/]+)\/fail-payment$/, handle: ({ form }, id) => portalPayment(store, id, form, failPayment) },
  { method: "POST", path: /^\/portal\/([^/]+)\/pay-invoice$/, handle: ({ form }, id) => portalPayment(store, id, form, payInvoice) },
];

// ---------------------------------------------------------------------------------------------
// The server.

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new FakeStripeError(413, "Request body too large.");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

const unauthorized = () =>
  json(401, { error: { type: "invalid_request_error", message: "Invalid API Key provided: send Authorization: Bearer sk_…" } });

async function dispatch(routes: { api: Route[]; hosted: Route[] }, request: FakeRequest): Promise<Reply> {
  const isApi = request.url.pathname.startsWith("/v1/");
  try {
    // Like Stripe: every API call needs a secret key; the hosted pages are public.
    if (isApi && !/^Bearer sk_\S+$/.test(request.authorization ?? "")) return unauthorized();
    for (const route of isApi ? routes.api : routes.hosted) {
      const match = route.method === request.method ? route.path.exec(request.url.pathname) : null;
      if (match) return await route.handle(request, decodeURIComponent(match[1] ?? ""));
    }
    throw new FakeStripeError(404, `Unrecognized request URL (${request.method}: ${request.url.pathname}).`);
  } catch (error) {
    if (!(error instanceof FakeStripeError)) throw error;
    return isApi ? json(error.status, error) : html(error.status, page("Fake Stripe error", `<p>${escapeHtml(error.message)}</p>`));
  }
}

function createServer(store: Store): http.Server {
  const routes = { api: apiRoutes(store), hosted: hostedRoutes(store) };
  return http.createServer((incoming, outgoing) => {
    const send = (reply: Reply) => {
      outgoing.writeHead(reply.status, { "Cache-Control": "no-store", "Request-Id": newId("req_"), ...reply.headers });
      outgoing.end(reply.body);
    };
    readBody(incoming)
      .then((body) => {
        const url = new URL(incoming.url ?? "/", store.baseUrl);
        // stripe-node sends GET and DELETE parameters in the query string, POST ones in the body
        const form = { ...parseForm(url.search.slice(1)), ...parseForm(body) };
        return dispatch(routes, { method: incoming.method ?? "GET", url, form, authorization: incoming.headers.authorization });
      })
      .then(send, (error: unknown) => {
        if (error instanceof FakeStripeError) return send(json(error.status, error));
        console.error("[fake-stripe]", error);
        send(json(500, { error: { type: "api_error", message: error instanceof Error ? error.message : String(error) } }));
      });
  });
}

export async function startFakeStripe(options: FakeStripeOptions): Promise<FakeStripe> {
  const now = () => Math.floor(options.now?.() ?? Date.now() / 1000);
  const store: Store = {
    now,
    webhookSecret: options.webhookSecret,
    webhookUrl: options.webhookUrl,
    baseUrl: "",
    prices: buildPriceRecords(options.prices ?? DEFAULT_FAKE_PRICES, now()),
    customers: new Map(),
    checkoutSessions: new Map(),
    checkoutPurchases: new Map(),
    portalSessions: new Map(),
    subscriptions: new Map(),
    deliveries: [],
  };
  const server = createServer(store);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  store.baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: store.baseUrl,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // stripe-node and browsers keep connections alive; drop them so close() returns now
        server.closeAllConnections();
      }),
    setWebhookUrl: (url) => {
      store.webhookUrl = url;
    },
    customers: store.customers,
    checkoutSessions: store.checkoutSessions,
    subscriptions: store.subscriptions,
    deliveries: store.deliveries,
    completeCheckout: (sessionId) => completeCheckout(store, sessionId),
    updateSubscription: (id, patch) => updateSubscription(store, id, patch),
    failPayment: (subscriptionId) => failPayment(store, subscriptionId),
    payInvoice: (subscriptionId) => payInvoice(store, subscriptionId),
    buildEvent: (type, object, opts) => buildEvent(store, type, object, opts),
    sign: (payload, opts) => sign(store, payload, opts),
    deliver: (event, opts) => deliver(store, event, opts),
  };
}
