// The landing page sells what the product does: the picture of the comparison, the three plans
// from the one plans config, a footer; "Try the demo" lands on a sign-in page that shows the demo
// login and signs in with it in one click.
import { expect, test } from "@playwright/test";
import { DEMO } from "../support/env";
import { shot } from "../support/helpers";

test("the landing page shows the product and the plans, and Try the demo signs in as the demo", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Clickproof shows who acted");
  const picture = page.getByRole("img", { name: /Compare view/ });
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 1000)).toBe(true);

  // The plans, each line from lib/billing/plans.ts.
  const free = page.getByTestId("plan-free");
  const single = page.getByTestId("plan-single");
  const team = page.getByTestId("plan-team");
  await expect(free).toContainText("50 links a month");
  await expect(free).toContainText("30 days of analytics history");
  await expect(free.getByRole("listitem").filter({ hasText: "Campaign tagging and comparison views" })).toContainText("(not included)");
  await expect(single).toContainText("2,000 links a month");
  await expect(single).toContainText("1 branded domain");
  await expect(single.getByRole("listitem").filter({ hasText: "Conversion tracking" })).toContainText("(included)");
  await expect(team).toContainText("$99.00 / month"); // the price from Stripe (the fake in tests)
  await expect(team).toContainText("Up to 10 members");
  await expect(team).toContainText("3 years of analytics history");
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "API reference" })).toHaveAttribute("href", "/docs/api");
  await shot(page, "landing");

  await page.getByRole("main").getByRole("link", { name: "Try the demo" }).click();
  const demo = page.getByTestId("demo-login");
  await expect(demo).toContainText(DEMO.email);
  await expect(demo).toContainText(DEMO.password);
  await shot(page, "login-demo");
  await demo.getByRole("button", { name: "Sign in as the demo" }).click();
  await expect(page).toHaveURL(/\/w\/[\w-]+$/);
  await expect(page.getByRole("heading", { name: "Links", level: 1 })).toBeVisible();
});
