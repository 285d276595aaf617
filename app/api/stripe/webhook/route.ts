// POST /api/stripe/webhook — Stripe's events about subscriptions and invoices. The signature is
// checked on the raw body (signed within 5 minutes either way of now) before anything is read;
// handling is idempotent by event id (lib/billing/sync.ts). A 5xx makes Stripe retry later.
import { errorResponse, jsonError } from "@/lib/api/error-response";
import { MAX_BODY_BYTES } from "@/lib/api/with-workspace";
import { getStripe } from "@/lib/billing/stripe";
import { handleStripeEvent } from "@/lib/billing/sync";
import { invalidateWorkspaceDomains } from "@/lib/domains/serving";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { invalidateWorkspaceLinks } from "@/lib/cache/link-cache";

/** A plan applied: the workspace's links (click ids follow the plan) and branded domains, on every instance. */
function planChanged(workspaceId: string): void {
  invalidateWorkspaceLinks(workspaceId);
  invalidateWorkspaceDomains(workspaceId);
}

/** Stripe's default: five minutes either way. */
const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The `t=` of a Stripe-Signature header (already verified), in seconds. */
function signedAt(header: string): number {
  const stamp = header.split(",").find((part) => part.trim().startsWith("t="));
  return Number(stamp?.trim().slice(2) ?? Number.NaN);
}

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
    event = stripe.webhooks.constructEvent(body, signature, secret, SIGNATURE_TOLERANCE_SECONDS);
  } catch {
    return jsonError(new AppError("bad_request", "Invalid Stripe signature (or a timestamp outside the tolerance)"));
  }
  // Stripe's check only refuses signatures older than the tolerance; one dated ahead of it was
  // not made by Stripe now (a clock far off, or a signature made to be replayed later).
  if (signedAt(signature) > Date.now() / 1000 + SIGNATURE_TOLERANCE_SECONDS) {
    return jsonError(new AppError("bad_request", "Invalid Stripe signature (or a timestamp outside the tolerance)"));
  }
  try {
    const { outcome } = await handleStripeEvent(event, stripe, { planChanged });
    return Response.json({ received: true, outcome });
  } catch (error) {
    return errorResponse(error);
  }
}
