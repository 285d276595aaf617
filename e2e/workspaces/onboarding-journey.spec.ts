// Spec 1 — the product's core loop for a brand-new customer: sign up → create a workspace →
// create a link → a person opens the short link → lands on the destination (with their own
// query parameters passed on) → the click shows in the workspace's analytics.
import { expect, test } from "@playwright/test";
import { BASE_URL } from "../support/env";
import { startDestinationServer, type DestinationServer } from "../support/destination-server";
import { createWorkspace, newAccount, shot, signUp, uniqueSuffix } from "../support/helpers";

let destination: DestinationServer;

test.beforeAll(async () => {
  destination = await startDestinationServer();
});

test.afterAll(async () => {
  await destination.close();
});

test("sign up, create a workspace and a link, and see a real visit counted", async ({ page }) => {
  const account = newAccount("onboarding");
  await signUp(page, account, "signup");
  await shot(page, "workspace-new");

  const workspaceSlug = await createWorkspace(page, `Onboarding ${uniqueSuffix()}`);
  await expect(page.getByText("No links yet")).toBeVisible();
  await shot(page, "workspace-links-empty");

  // Create the link through the dashboard form.
  const slug = `journey-${uniqueSuffix()}`;
  const destinationUrl = `${destination.origin}/landing?utm_source=e2e`;
  const form = page.getByRole("form", { name: "Create a link" });
  await form.getByLabel("Destination URL").fill(destinationUrl);
  await form.getByLabel("Slug").fill(slug);
  await form.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByTestId("created-short-url")).toHaveText(`${BASE_URL}/${slug}`);
  const row = page.getByTestId("links-table").locator(`tr[data-slug="${slug}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("link-clicks")).toHaveText("0");
  await shot(page, "workspace-link-created");

  // A person opens the short link (normal desktop Chrome UA from the config), adding their own ?ref.
  const visit = await page.goto(`${BASE_URL}/${slug}?ref=story`);
  expect(visit?.status()).toBe(200);
  expect(visit?.request().redirectedFrom()?.url()).toBe(`${BASE_URL}/${slug}?ref=story`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(destination.heading("/landing"));
  const landed = new URL(page.url());
  expect(landed.origin).toBe(destination.origin);
  expect(landed.pathname).toBe("/landing");
  const hits = destination.received.filter((request) => request.pathname === "/landing");
  expect(hits).toHaveLength(1);
  // The brand's parameter is kept and the visitor's extra parameter is merged in.
  expect(hits[0]?.query.get("utm_source")).toBe("e2e");
  expect(hits[0]?.query.get("ref")).toBe("story");
  await shot(page, "destination-landing");

  // Back in the app: the links table and the link's analytics page count exactly that one visit.
  await page.goto(`/w/${workspaceSlug}`);
  await expect(row.getByTestId("link-clicks")).toHaveText("1");
  await shot(page, "workspace-links-after-click");

  await row.getByRole("link", { name: `/${slug}` }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspaceSlug}/links/[^/]+$`));
  await expect(page.getByRole("heading", { level: 1, name: `/${slug}` })).toBeVisible();
  await expect(page.getByTestId("stat-clicks")).toHaveText("1");
  await expect(page.getByTestId("stat-unique-clicks")).toHaveText("1");
  await expect(page.getByTestId("stat-filtered")).toHaveText("0");
  await expect(page.getByRole("region", { name: "Browsers" })).toContainText("Chrome");
  await expect(page.getByRole("region", { name: "Devices" })).toContainText("Desktop");
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await shot(page, "link-analytics-first-click");
});
