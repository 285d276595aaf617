-- The one Checkout Session a workspace may still pay (lib/billing/checkout.ts): starting another
-- expires it, so two tabs cannot buy two subscriptions.
ALTER TABLE "Workspace" ADD COLUMN "checkoutSessionId" TEXT;
