// POST /api/stripe/webhook — Stripe's events about subscriptions and invoices. The signature is
// checked on the raw body (with Stripe's 5-minute timestamp tolerance) before anything is read;
// handling is idempotent by event id (lib/billing/sync.ts). A 5xx makes Stripe retry later.
import { errorResponse, jsonError } from "@/lib/api/error-response";
import { MAX_BODY_BYTES } from "@/lib/api/with-workspace";
import { getStripe } from "@/lib/billing/stripe";
import { handleStripeEvent } from "@/lib/billing/sync";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export async function POST(request: Request): Promise<Response> {
  const stripe = getStripe();
  const secret = getEnv().STRIPE_WEBHOOK_SECRET;
  if (!stripe || !secret) return jsonError(new AppError("unavailable", "Billing is not configured on this server"));
  const signature = request.headers.get("stripe-signature");
  if (!signature) return jsonError(new AppError("bad_request", "Missing Stripe-Signature header"));
  const body = await request.text();
  if (Buffer.byteLength(body) > MAX_BODY_BYTES) return jsonError(new AppError("payload_too_large", "Webhook body too large"));

  let event;
  try {
    event = stripe.webhooks.constructEvent(body, signature, secret);
  } catch {
    return jsonError(new AppError("bad_request", "Invalid Stripe signature (or a timestamp outside the tolerance)"));
  }
  try {
    const { outcome } = await handleStripeEvent(event, stripe);
    return Response.json({ received: true, outcome });
  } catch (error) {
    return errorResponse(error);
  }
}
