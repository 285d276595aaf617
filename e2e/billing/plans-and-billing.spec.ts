// Plans, enforced on the server and explained in the pages: a new (Free) workspace meets the
// campaign gate, upgrades through Stripe Checkout (the fake's hosted page), the signed webhook
// changes the plan and the campaign pages open; the portal's cancel and a failed payment follow.
import { expect, test, type Page } from "@playwright/test";
import { createWorkspace, newAccount, shot, signUp, uniqueSuffix, upgradeThroughCheckout } from "../support/helpers";

async function expectCampaignsLocked(page: Page, slug: string) {
  await page.goto(`/w/${slug}/campaigns`);
  const lock = page.getByTestId("plan-locked");
  await expect(lock).toBeVisible();
  await expect(lock).toContainText("Campaign tagging and comparison views come with the Single and Team plans");
  await expect(page.getByRole("link", { name: "New campaign" })).toHaveCount(0);
}

test("a Free workspace meets the campaign gate, upgrades through checkout, and the campaign pages open", async ({ page }) => {
  test.setTimeout(90_000); // a whole journey: sign-up, locks in pages and the API, checkout, a failed payment and its retry
  await signUp(page, newAccount("upgrade"));
  const slug = await createWorkspace(page, `Upgrade Co ${uniqueSuffix()}`);
  await expect(page.getByTestId("plan-badge")).toHaveText("Free plan");

  // Locked, with the reason and the way out, in pages, exports and the API.
  await expectCampaignsLocked(page, slug);
  await shot(page, "billing-campaigns-locked");
  await page.goto(`/w/${slug}/compare`);
  await expect(page.getByTestId("plan-locked")).toBeVisible();
  const csv = await page.request.get(`/w/${slug}/compare/export?campaign=all`);
  expect(csv.status()).toBe(402);
  const api = await page.request.get(`/api/v1/links?workspace=${slug}`);
  expect(api.status()).toBe(402);
  expect(await api.json()).toMatchObject({ error: { code: "plan_required", details: { feature: "api", requiredPlan: "single" } } });

  // Settings: usage against Free's limits; the lock leads to the plans.
  await page.goto(`/w/${slug}/settings`);
  await expect(page.getByTestId("usage-linksPerMonth")).toContainText("0 of 50");
  await expect(page.getByTestId("usage-clicksPerMonth")).toContainText("0 of 5,000");
  await page.goto(`/w/${slug}/campaigns`);
  await page.getByRole("link", { name: "See plans and upgrade" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/settings/billing$`));
  await expect(page.getByTestId("current-plan")).toHaveText("Free");
  await expect(page.getByTestId("plan-team")).toContainText("$99.00 / month");
  await shot(page, "billing-plans-free");

  await upgradeThroughCheckout(page, slug, "Team", { checkout: "billing-fake-checkout" });
  await expect(page.getByRole("status").filter({ hasText: "is on the Team plan" })).toBeVisible();
  await expect(page.getByTestId("plan-badge")).toHaveText("Team plan");
  await shot(page, "billing-upgraded-team");

  // The campaign pages open, and a campaign can be made.
  await page.getByRole("link", { name: "Campaigns" }).first().click();
  await expect(page.getByTestId("plan-locked")).toHaveCount(0);
  await page.getByRole("link", { name: "New campaign" }).click();
  const form = page.getByRole("form", { name: "Create campaign" });
  await form.getByLabel("Campaign name").fill("Holiday Push");
  await form.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Holiday Push" })).toBeVisible();
  await page.goto(`/w/${slug}/compare`);
  await expect(page.getByTestId("plan-locked")).toHaveCount(0);
  expect((await page.request.get(`/api/v1/links?workspace=${slug}`)).status()).toBe(200);

  // A failed payment: a banner with the grace period, plan kept; the retry clears it.
  await page.goto(`/w/${slug}/settings/billing`);
  await page.getByRole("button", { name: "Manage billing" }).click();
  await expect(page.getByRole("heading", { name: "Fake Stripe billing portal" })).toBeVisible();
  await page.getByRole("button", { name: "Simulate a failed payment" }).click();
  await page.getByRole("link", { name: "Return to Clickproof" }).click();
  const banner = page.getByTestId("past-due-banner");
  await expect(banner).toContainText("Payment past due.");
  await expect(banner).toContainText("when Free limits apply");
  await expect(page.getByTestId("current-plan")).toHaveText("Team");
  await shot(page, "billing-past-due");
  await page.getByRole("button", { name: "Manage billing" }).click();
  await page.getByRole("button", { name: "Simulate a successful retry" }).click();
  await page.getByRole("link", { name: "Return to Clickproof" }).click();
  await expect(page.getByTestId("current-plan")).toHaveText("Team");
  await expect(page.getByTestId("past-due-banner")).toHaveCount(0);

  // Cancelling in the portal: back to Free; the campaign is kept, locked until an upgrade.
  await page.getByRole("button", { name: "Manage billing" }).click();
  await page.getByRole("button", { name: "Cancel subscription" }).click();
  await page.getByRole("link", { name: "Return to Clickproof" }).click();
  await expect(page.getByTestId("current-plan")).toHaveText("Free");
  await expect(page.getByTestId("past-due-banner")).toHaveCount(0);
  await expectCampaignsLocked(page, slug);
});

test("Free's links quota: the meter warns at 80 %, the 51st link is refused with the reason, links keep redirecting", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, newAccount("quota"));
  const slug = await createWorkspace(page, `Quota Co ${uniqueSuffix()}`);
  const form = page.getByRole("form", { name: "Create a link" });
  const create = async (n: number) => {
    await form.getByLabel("Destination URL").fill(`https://shop.example.com/item-${n}`);
    await form.getByRole("button", { name: "Create link" }).click();
    return form;
  };
  let first = "";
  const rows = page.getByTestId("links-table").locator("tbody tr");
  for (let n = 1; n <= 50; n++) {
    await create(n);
    await expect(rows).toHaveCount(n); // this link's answer is in before the next one is typed
    if (n === 1) first = (await form.getByTestId("created-short-url").textContent()) ?? "";
    if (n === 40) {
      await page.reload();
      await expect(page.getByTestId("link-quota-notice")).toContainText("10 of 50 links left this period on the Free plan.");
      await page.goto(`/w/${slug}/settings`);
      await expect(page.getByTestId("usage-linksPerMonth")).toHaveAttribute("data-warning", "true");
      await expect(page.getByTestId("usage-linksPerMonth")).toContainText("80 % or more of this period's links are used.");
      await shot(page, "billing-usage-warning");
      await page.goto(`/w/${slug}`);
    }
  }
  await page.reload();
  await expect(page.getByTestId("link-quota-notice")).toContainText("All 50 links of this period on the Free plan are used");
  await create(51);
  await expect(form.getByRole("alert").first()).toContainText("Free plan limit reached: links created per month is 50");
  await expect(form.getByRole("alert").first()).toContainText("Single allows 2,000");
  await shot(page, "billing-link-limit-reached");

  // Free keeps 30 days of analytics: longer ranges are shown locked, and asking for one says so.
  await page.getByTestId("links-table").locator("tbody tr").last().getByRole("link").first().click();
  await expect(page.getByRole("navigation", { name: "Date range" }).locator('[aria-disabled="true"]')).toHaveText(["Last 90 days", "Last year", "Last 3 years"]);
  await page.goto(`${page.url()}?range=365d`);
  await expect(page.getByTestId("history-limited")).toContainText("The Free plan shows the last 30 days of analytics.");
  await expect(page.getByRole("navigation", { name: "Date range" }).getByRole("link", { name: "Last 30 days" })).toHaveAttribute("aria-current", "page");
  await shot(page, "billing-history-limited");
  const postForm = page.getByRole("form", { name: "Post details" });
  await expect(postForm.getByLabel("Campaign")).toBeDisabled();
  await expect(postForm).toContainText("Campaign tagging comes with the Single and Team plans.");

  // Over quota, the first link still redirects.
  const response = await page.request.get(new URL(first).pathname, { maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(response.headers().location).toBe("https://shop.example.com/item-1");
});
