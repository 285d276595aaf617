// Constants shared by playwright.config.ts, the support servers and the specs. Nothing here
// starts anything: importing it from a worker is free.
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** Fixed, uncommon ports so a stray dev server (3000) never answers for the suite. */
export const APP_PORT = 3107;
export const SMTP_PORT = 2527;
export const SMTP_SINK_HTTP_PORT = 3108;
export const FAKE_STRIPE_PORT = 3109;

// localhost, not 127.0.0.1: Next.js spells loopback addresses "localhost" in request URLs, and
// Auth.js redirects must land on the host that holds the session cookie.
export const BASE_URL = `http://localhost:${APP_PORT}`;
export const SMTP_SINK_URL = `http://127.0.0.1:${SMTP_SINK_HTTP_PORT}`;
/** The tests' fake Stripe (lib/testing/fake-stripe.ts): API, hosted checkout and portal pages. */
export const FAKE_STRIPE_URL = `http://127.0.0.1:${FAKE_STRIPE_PORT}`;
export const STRIPE_WEBHOOK_SECRET = "whsec_e2e_fake_stripe_secret";

/** Throw-away state of one run: the embedded database, screenshots. Git-ignored. */
export const TMP_DIR = path.join(ROOT, "e2e", ".tmp");
/** Relative to the repo root (the webServer's cwd); deleted before each start. */
export const DATA_DIR_RELATIVE = "e2e/.tmp/data-e2e";
export const SCREENS_DIR = path.join(TMP_DIR, "screens");
/**
 * The fake DNS the app answers branded-domain checks from (DNS_RECORDS_FILE): specs write the
 * records a brand would create at its DNS provider. Relative to the repo root for the webServer.
 */
export const DNS_RECORDS_FILE_RELATIVE = "e2e/.tmp/dns-records.json";
export const DNS_RECORDS_FILE = path.join(ROOT, DNS_RECORDS_FILE_RELATIVE);
/** Storage state of the signed-in demo user, written by the setup project. Git-ignored. */
export const DEMO_STATE = path.join(ROOT, "e2e", ".auth", "demo.json");

/** Stored by the seed as an API key of the demo workspace (env DEMO_API_KEY). */
export const DEMO_API_KEY = "cp_e2e_demo_key_0123456789abcdef";
export const DEMO = { email: "demo@clickproof.dev", password: "demo-password", workspace: "demo", workspaceName: "Demo Brand" } as const;

/** Headless Chromium says "HeadlessChrome", which the click filter rightly calls a bot. */
export const DESKTOP_CHROME_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

/** What app/not-found.tsx shows, for unknown pages, foreign workspaces and archived links. */
export const NOT_FOUND_HEADING = /This link doesn.t go anywhere/;
/** The same server by address, for bursts of requests that should not each resolve "localhost". */
export const LOOPBACK_URL = `http://127.0.0.1:${APP_PORT}`;
