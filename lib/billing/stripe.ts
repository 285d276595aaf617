// The Stripe client, when billing is configured (STRIPE_SECRET_KEY + STRIPE_WEBHOOK_SECRET).
// STRIPE_API_BASE points the real library at another Stripe-compatible server (the tests' fake).
import "server-only";
import Stripe from "stripe";
import { getEnv } from "@/lib/env";

let cached: { key: string; base: string | undefined; client: Stripe } | undefined;

export function billingConfigured(): boolean {
  const env = getEnv();
  return Boolean(env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET);
}

/** The client, or null without keys (the app then runs with billing "not configured"). */
export function getStripe(): Stripe | null {
  const env = getEnv();
  const key = env.STRIPE_SECRET_KEY;
  if (!key || !env.STRIPE_WEBHOOK_SECRET) return null;
  if (cached?.key === key && cached.base === env.STRIPE_API_BASE) return cached.client;
  const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null;
  const client = new Stripe(key, {
    appInfo: { name: "Clickproof" },
    telemetry: false,
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === "https:" ? 443 : 80),
          protocol: base.protocol === "https:" ? "https" : "http",
          maxNetworkRetries: 0,
        }
      : { maxNetworkRetries: 2 }),
  });
  cached = { key, base: env.STRIPE_API_BASE, client };
  return client;
}
