// End-to-end suite: the production build (`next build` runs first, see `npm run test:e2e`) served
// by scripts/run-app.ts on a throw-away embedded database, plus an SMTP sink for magic links and a
// fake Stripe for billing.
import { defineConfig } from "@playwright/test";
import {
  APP_PORT,
  BASE_URL,
  DATA_DIR_RELATIVE,
  DEMO_API_KEY,
  DESKTOP_CHROME_UA,
  DNS_RECORDS_FILE_RELATIVE,
  FAKE_STRIPE_PORT,
  FAKE_STRIPE_URL,
  SMTP_PORT,
  SMTP_SINK_HTTP_PORT,
  SMTP_SINK_URL,
  STRIPE_WEBHOOK_SECRET,
} from "./e2e/support/env";

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./e2e/.tmp/test-results",
  timeout: 30_000,
  expect: { timeout: 7_000 },
  fullyParallel: false,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"], ["html", { outputFolder: "./e2e/.tmp/report", open: "never" }]],
  use: {
    baseURL: BASE_URL,
    // Headless Chromium announces "HeadlessChrome", a bot by the click filter: browse as a person.
    userAgent: DESKTOP_CHROME_UA,
    viewport: { width: 1280, height: 900 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts$/ },
    { name: "e2e", testMatch: /.*\.spec\.ts$/, dependencies: ["setup"] },
  ],
  // Started in this order: the sink must be listening before the app (which is given its URL).
  webServer: [
    {
      name: "smtp-sink",
      command: "node --import tsx e2e/support/smtp-sink.ts",
      url: `${SMTP_SINK_URL}/health`,
      env: { SMTP_SINK_PORT: String(SMTP_PORT), SMTP_SINK_HTTP_PORT: String(SMTP_SINK_HTTP_PORT) },
      reuseExistingServer: false,
      timeout: 20_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      name: "fake-stripe",
      command: "node --import tsx e2e/support/fake-stripe.ts",
      url: `${FAKE_STRIPE_URL}/health`,
      env: {
        FAKE_STRIPE_PORT: String(FAKE_STRIPE_PORT),
        FAKE_STRIPE_WEBHOOK_URL: `http://127.0.0.1:${APP_PORT}/api/stripe/webhook`,
        STRIPE_WEBHOOK_SECRET,
      },
      reuseExistingServer: false,
      timeout: 20_000,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      name: "app",
      // A fresh database every run: the data directory is deleted right before the server
      // starts (never from this module, which every worker evaluates again mid-run).
      command: `rm -rf ${DATA_DIR_RELATIVE} && exec node --import tsx scripts/run-app.ts start`,
      url: `${BASE_URL}/api/health`,
      env: {
        PORT: String(APP_PORT),
        DATA_DIR: DATA_DIR_RELATIVE,
        DEMO_API_KEY,
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        // never a developer's own database, whatever their shell exports
        DATABASE_URL: "",
        // the production set-up for e-mail sign-in: links are built on the public URL only
        APP_URL: BASE_URL,
        SHORT_DOMAIN: "",
        // billing through the real stripe library, pointed at the fake Stripe above
        STRIPE_SECRET_KEY: "sk_test_e2e_fake",
        STRIPE_WEBHOOK_SECRET,
        STRIPE_API_BASE: FAKE_STRIPE_URL,
        // every spec signs up its own accounts, all from 127.0.0.1
        SIGNUPS_PER_IP_PER_HOUR: "100",
        // and every spec's shop posts its conversions from 127.0.0.1 too
        COLLECT_PER_IP_PER_MINUTE: "1000",
        // branded domains are verified against the records the specs write (no network here)
        DNS_RECORDS_FILE: DNS_RECORDS_FILE_RELATIVE,
        BRANDED_DOMAIN_CNAME: "cname.clickproof.test",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      reuseExistingServer: false,
      timeout: 120_000,
      // SIGTERM lets run-app.ts stop Next.js and then the embedded PostgreSQL cleanly.
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    },
  ],
});
