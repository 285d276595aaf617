// Conversions end to end: the brand installs /cp.js on its shop with a publishable key, a visitor
// arrives through a creator's short link (the click id rides along), buys, and the purchase shows
// on that creator's row of the campaign with its revenue.
import { expect, test } from "@playwright/test";
import { BASE_URL, DEMO, DEMO_STATE } from "../support/env";
import { shot, uniqueSuffix } from "../support/helpers";
import { startShopServer, type ShopServer } from "../support/shop-server";

let shop: ShopServer;
test.beforeAll(async () => {
  shop = await startShopServer(BASE_URL);
});
test.afterAll(async () => {
  await shop.close();
});

test.use({ storageState: DEMO_STATE });

test("a purchase on the brand's shop, reached through a creator's link, appears on that creator's campaign row", async ({ page, browser }) => {
  // 1. Settings → Conversions: a publishable key for the shop's hostname, and its snippet.
  await page.goto(`/w/${DEMO.workspace}/settings/conversions`);
  const keyForm = page.getByRole("form", { name: "Publishable key" });
  await keyForm.getByLabel("Your site's hostnames").fill("https://127.0.0.1/shop");
  await keyForm.getByRole("button", { name: "Create publishable key" }).click();
  await expect(keyForm.getByRole("alert")).toContainText("Hostnames only"); // bad input is explained
  await keyForm.getByLabel("Your site's hostnames").fill("127.0.0.1");
  await keyForm.getByRole("button", { name: "Create publishable key" }).click();
  const snippet = page.getByTestId("cp-snippet");
  await expect(snippet).toContainText(`${BASE_URL}/cp.js`);
  const key = /data-key="(pk_[^"]+)"/.exec((await snippet.textContent()) ?? "")?.[1] ?? "";
  expect(key).toMatch(/^pk_/);
  await shot(page, "conversions-settings-key");
  shop.setKey(key);

  // 2. A creator's link in a campaign, pointing at the shop.
  const slug = `summer-shop-${uniqueSuffix()}`;
  await page.goto(`/w/${DEMO.workspace}`);
  const linkForm = page.getByRole("form", { name: "Create a link" });
  await linkForm.getByLabel("Destination URL").fill(`${shop.origin}/product`);
  await linkForm.getByLabel("Slug").fill(slug);
  await linkForm.getByLabel("Creator").selectOption({ label: "Amara Okafor" });
  await linkForm.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByTestId("created-short-url")).toHaveText(`${BASE_URL}/${slug}`);
  await page.getByTestId("links-table").locator(`tr[data-slug="${slug}"]`).getByRole("link", { name: `/${slug}` }).click();
  const postForm = page.getByRole("form", { name: "Post details" });
  await postForm.getByLabel("Campaign").selectOption({ label: "Summer Sale" });
  await postForm.getByRole("button", { name: "Save post details" }).click();
  await expect(postForm.getByRole("status")).toContainText("Post details saved.");

  // The campaign row before the purchase.
  await page.goto(`/w/${DEMO.workspace}/campaigns`);
  await page.getByRole("link", { name: "Summer Sale" }).click();
  const row = page.getByTestId("creator-breakdown").locator('tr[data-creator="Amara Okafor"]');
  const conversionsBefore = Number((await row.locator('[data-kpi="conversions"]').textContent())?.replace(/\D/g, "") || "0");
  // revenue in cents, from "$1,234.56" (the demo's Summer Sale already has orders)
  const cents = (text: string | null) => Number((text ?? "").replace(/[^\d]/g, "") || "0");
  const revenueBefore = cents(await row.locator('[data-kpi="revenue"]').textContent());
  const campaignUrl = page.url();

  // 3. A visitor (a fresh browser, no session) follows the link, lands on the shop, and buys.
  const visitor = await browser.newContext({ storageState: undefined, userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15" });
  const shopper = await visitor.newPage();
  await shopper.goto(`${BASE_URL}/${slug}`);
  await expect(shopper).toHaveURL(new RegExp(`^${shop.origin}/product\\?cp_click=[A-Za-z0-9_-]{22}$`));
  await shopper.getByRole("button", { name: "Buy" }).click();
  await expect(shopper.getByRole("status")).toContainText("Thank you! Order");
  await shot(shopper, "conversions-shop-purchase");
  await visitor.close();

  // 4. The purchase is on Amara's row, with its revenue.
  await page.goto(campaignUrl);
  await expect(row.locator('[data-kpi="conversions"]')).toHaveText(String(conversionsBefore + 1));
  await expect.poll(async () => cents(await row.locator('[data-kpi="revenue"]').textContent())).toBe(revenueBefore + 4_999);
  // It came from the shopper's browser (cp.js), not the shop's server: said apart, for the brand to weigh.
  await expect(page.getByTestId("reported-by-browser")).toContainText("came from visitors' browsers (cp.js), not from your server");
  // The feed, in the campaign's Conversions section, says how it was attributed, and why.
  await page.getByRole("navigation", { name: "Campaign sections" }).getByRole("link", { name: "Conversions" }).click();
  await expect(page).toHaveURL(/\/conversions$/);
  const entry = page.getByTestId("conversions-feed").locator("tbody tr").first();
  await expect(entry).toContainText("purchase");
  await expect(entry).toContainText("$49.99");
  await expect(entry).toContainText("Amara Okafor");
  await expect(entry.getByTestId("browser-reported")).toHaveText("Browser-reported");
  await expect(entry).toContainText(`/${slug}`);
  await expect(entry).toContainText("Click id");
  await expect(entry).toContainText("within the 30-day window");
  await shot(page, "conversions-campaign-row");

  // A promo code for the campaign: refused when malformed, then listed.
  const promoForm = page.getByRole("form", { name: "Add a promo code" });
  await promoForm.getByLabel("Creator").selectOption({ label: "Amara Okafor" });
  await promoForm.getByLabel("Code").fill("no spaces!");
  await promoForm.getByRole("button", { name: "Add code" }).click();
  await expect(promoForm.getByText("2–40 letters, digits, - or _")).toBeVisible();
  const code = `AMARA${uniqueSuffix().slice(-4).toUpperCase()}`;
  await promoForm.getByLabel("Code").fill(code.toLowerCase());
  await promoForm.getByLabel("Creator").selectOption({ label: "Amara Okafor" });
  await promoForm.getByRole("button", { name: "Add code" }).click();
  await expect(page.getByTestId("promo-codes")).toContainText(`${code} · Amara Okafor`);
});
