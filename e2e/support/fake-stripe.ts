// The fake Stripe (lib/testing/fake-stripe.ts) as a Playwright webServer: the app's Stripe client
// points at it, its hosted Checkout and portal pages stand in for Stripe's, and it POSTs signed
// events to the app's webhook route.
//   FAKE_STRIPE_PORT          port on 127.0.0.1 (required: the app is given it at start-up)
//   FAKE_STRIPE_WEBHOOK_URL   where events go, e.g. http://127.0.0.1:3107/api/stripe/webhook
//   STRIPE_WEBHOOK_SECRET     whsec_… shared with the app
// GET /health answers 200 "ok". Run as `node --import tsx e2e/support/fake-stripe.ts`.
import { startFakeStripe } from "../../lib/testing/fake-stripe";

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`[fake-stripe] ${name} is not set`);
    process.exit(1);
  }
  return value;
}

const port = Number(required("FAKE_STRIPE_PORT"));
const webhookSecret = required("STRIPE_WEBHOOK_SECRET");
const webhookUrl = process.env.FAKE_STRIPE_WEBHOOK_URL || undefined;

const fake = await startFakeStripe({ port, webhookUrl, webhookSecret });
console.log(`[fake-stripe] API and hosted pages on ${fake.url}, webhooks to ${webhookUrl ?? "(none)"}`);

function shutdown() {
  fake.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
