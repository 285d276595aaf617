// Small helpers shared by the specs: screenshots, accounts, workspaces, API calls.
import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_API_KEY, SCREENS_DIR } from "./env";

/** Full-page screenshot to e2e/.tmp/screens/<name>.png, for a human to review. */
export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS_DIR, { recursive: true });
  await page.mouse.move(0, 0); // no hover tooltip left over from the last click
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true });
}

/** Something unique per call, safe in e-mails, slugs and workspace names. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export const bearer = (key: string = DEMO_API_KEY) => ({ Authorization: `Bearer ${key}` });

export type Account = { name: string; email: string; password: string };

export function newAccount(label: string): Account {
  const suffix = uniqueSuffix();
  return { name: `E2E ${label}`, email: `e2e-${label}-${suffix}@example.test`, password: `correct horse ${suffix}` };
}

/** Signs up through /signup; the app then asks for a first workspace. */
export async function signUp(page: Page, account: Account, screenshot?: string): Promise<void> {
  await page.goto("/signup");
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("Work e-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  if (screenshot) await shot(page, screenshot);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/workspaces\/new$/);
  await expect(page.getByRole("heading", { name: "Create your workspace" })).toBeVisible();
}

/** Creates a workspace through /workspaces/new (the page must be open) and returns its slug. */
export async function createWorkspace(page: Page, name: string, screenshot?: string): Promise<string> {
  await page.getByLabel("Workspace name").fill(name);
  if (screenshot) await shot(page, screenshot);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { name: "Links", level: 1 })).toBeVisible();
  const slug = new URL(page.url()).pathname.split("/")[2];
  if (!slug) throw new Error(`no workspace slug in ${page.url()}`);
  return slug;
}

export type ApiLink = { id: string; slug: string; shortUrl: string; url: string; archived: boolean; clicks: number; filteredClicks: number };

/** The demo workspace's links through the REST API (the demo key). */
export async function demoLinks(request: APIRequestContext, options: { archived?: boolean } = {}): Promise<ApiLink[]> {
  const links: ApiLink[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: "1000", ...(options.archived ? { archived: "true" } : {}), ...(cursor ? { cursor } : {}) });
    const response = await request.get(`/api/v1/links?${query}`, { headers: bearer() });
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { data: ApiLink[]; nextCursor: string | null };
    links.push(...body.data);
    cursor = body.nextCursor;
  } while (cursor);
  return links;
}

export async function demoLink(request: APIRequestContext, slug: string): Promise<ApiLink> {
  const link = (await demoLinks(request)).find((candidate) => candidate.slug === slug);
  if (!link) throw new Error(`the demo workspace has no active link /${slug}`);
  return link;
}

/** Parses a formatted count such as "5,212". */
export function count(text: string | null): number {
  const digits = (text ?? "").replace(/[^\d]/g, "");
  if (!digits) throw new Error(`not a count: ${JSON.stringify(text)}`);
  return Number(digits);
}

/**
 * Upgrades a workspace the way a customer does: the billing page → Stripe Checkout (the fake's
 * hosted page) → pay → back on the billing page once the signed webhook has changed the plan.
 */
export async function upgradeThroughCheckout(page: Page, workspaceSlug: string, planName: "Single" | "Team", screenshots?: { checkout: string }): Promise<void> {
  await page.goto(`/w/${workspaceSlug}/settings/billing`);
  await page.getByTestId(`plan-${planName.toLowerCase()}`).getByRole("button", { name: `Upgrade to ${planName}` }).click();
  await expect(page.getByRole("heading", { name: "Fake Stripe Checkout" })).toBeVisible();
  if (screenshots) await shot(page, screenshots.checkout);
  await page.getByRole("button", { name: "Pay and subscribe" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspaceSlug}/settings/billing\\?checkout=success`));
  await expect(page.getByTestId("current-plan")).toHaveText(planName);
}
