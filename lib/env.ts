// The environment, parsed once with zod. Nothing else reads process.env for app settings.
// Parsing is lazy so `next build` (which imports modules without a database) does not fail.
import { z } from "zod";

const optionalString = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().url({ message: "must be a postgresql:// URL" }),
  /** Where the embedded database and local state live. */
  DATA_DIR: z.string().default(".data"),
  /** Public base URL of the app, e.g. https://app.clickproof.dev (defaults to the request's origin). */
  APP_URL: optionalString.pipe(z.string().url().optional()),
  /** Host of the default short domain, e.g. clk.example.com (defaults to the app's own host). */
  SHORT_DOMAIN: optionalString,
  /** smtp://user:pass@host:port — enables magic-link sign-in by e-mail. */
  SMTP_URL: optionalString,
  EMAIL_FROM: z.string().default("Clickproof <no-reply@clickproof.local>"),
  /** Stored as an API key of the demo workspace by the seed. */
  DEMO_API_KEY: optionalString,
  /** Path to a country .mmdb file; defaults to the bundled DB-IP Country Lite database. */
  GEOIP_DB: optionalString,
  /**
   * Milliseconds a click waits for others to share its INSERT (group commit). 0 still batches
   * what arrives in one event-loop turn and while a write is in flight (docs/benchmarks.md).
   */
  CLICK_BATCH_WINDOW_MS: z.coerce.number().int().min(0).max(100).default(0),
  /**
   * Where clicks wait on local disk while the database is down (replayed when it is back).
   * Defaults to click-spool/ under DATA_DIR (.data/). Give each machine's instances a local disk.
   */
  CLICK_SPOOL_DIR: optionalString,
  /** Seconds a resolved link stays in the in-process cache. */
  LINK_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  /**
   * Benchmarks only: /bench-ceiling answers a constant redirect with no lookup and no logging,
   * which measures Next's own middleware ceiling in the same run (npm run bench).
   */
  BENCH_CEILING: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((value) => value === "true" || value === "1"),
  /**
   * Tests and offline demos only: answer branded-domain DNS checks from this JSON file
   * ({ "<name>": { "TXT": [...], "CNAME": [...], "A": [...] } }) instead of the network.
   */
  DNS_RECORDS_FILE: optionalString,
  /**
   * What a branded domain's CNAME must point at (shown to the brand; the check accepts it).
   * Defaults to SHORT_DOMAIN, else the host of APP_URL.
   */
  BRANDED_DOMAIN_CNAME: optionalString,
  /** IPv4 addresses (comma-separated) a branded apex domain's A record may point at instead. */
  BRANDED_DOMAIN_IPS: optionalString,
  /** Accounts one address may create per hour (raise it for an onboarding event behind one NAT). */
  SIGNUPS_PER_IP_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(10),
  /**
   * Conversions /api/collect takes per minute from one address, and per publishable key: a key is
   * public (it sits in the brand's pages), so a script could otherwise post purchases without end.
   */
  COLLECT_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  COLLECT_PER_KEY_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /**
   * redis://… — shares API rate limits between app instances. Without it each instance counts
   * on its own (in process).
   */
  REDIS_URL: optionalString.pipe(z.string().regex(/^rediss?:\/\//, { message: "must be a redis:// or rediss:// URL" }).optional()),
  /** Signs session tokens (Auth.js reads it itself; scripts/run-app.ts generates one when unset). */
  AUTH_SECRET: optionalString,
  /**
   * The key visitor hashes are made with (lib/clicks/visitor.ts); defaults to one derived from
   * AUTH_SECRET. Never stored in the database, so a dump cannot be matched against addresses.
   */
  VISITOR_HASH_SECRET: optionalString,
  /** Stripe secret key (sk_live_… / sk_test_…). Without it billing pages say billing is not configured. */
  STRIPE_SECRET_KEY: optionalString,
  /** Signing secret of the webhook endpoint /api/stripe/webhook (whsec_…); required with STRIPE_SECRET_KEY. */
  STRIPE_WEBHOOK_SECRET: optionalString,
  /**
   * Another Stripe-compatible API to talk to instead of api.stripe.com, e.g. http://127.0.0.1:12111
   * (the tests' fake Stripe, or stripe-mock).
   */
  STRIPE_API_BASE: optionalString.pipe(z.string().url().optional()),
  /**
   * true: the visitor's address is the first X-Forwarded-For entry (for a proxy/CDN in front that
   * replaces the header). false: the socket's address, whatever the client sent — the server
   * rewrites the forwarding headers to it (lib/api/front-door.ts; lib/http/client-ip.ts clientIp).
   */
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0"])
    .default("false")
    .transform((value) => value === "true" || value === "1"),
}).superRefine((env, ctx) => {
  if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
    ctx.addIssue({
      code: "custom",
      path: ["STRIPE_WEBHOOK_SECRET"],
      message: "is required with STRIPE_SECRET_KEY: plans change only through signed webhook events",
    });
  }
  if (env.NODE_ENV === "production" && env.SMTP_URL && !env.APP_URL) {
    ctx.addIssue({
      code: "custom",
      path: ["APP_URL"],
      message: "is required with SMTP_URL in production: sign-in e-mails must link to your own public URL, not to a Host header",
    });
  }
});

export type Env = z.infer<typeof envSchema>;

let parsed: Env | undefined;

/** Checks an environment as a whole; throws one line per variable to fix. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const problems = result.error.issues
      .map((issue) => `  ${issue.path.join(".") || "(env)"}: ${issue.message}`)
      .join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return result.data;
}

export function getEnv(): Env {
  parsed ??= parseEnv(process.env);
  return parsed;
}

/** For tests that change the environment between cases. */
export function resetEnvForTests(): void {
  parsed = undefined;
}
