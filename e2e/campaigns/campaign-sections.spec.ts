// The campaign page's sections, on the demo: the story first (targets, clicks over time with each
// post marked, the ranking), a Conversions section a page at a time, and a tracked campaign's
// revenue in money where an untracked one says "not tracked".
import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_STATE } from "../support/env";
import { shot } from "../support/helpers";

test.use({ storageState: DEMO_STATE });

const sections = (page: Page) => page.getByRole("navigation", { name: "Campaign sections" });

async function openCampaign(page: Page, name: string) {
  await page.goto(`/w/${DEMO.workspace}/campaigns`);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
}

test("Summer Sale: conversions tracked in money, the clicks over time, and the conversions a page at a time", async ({ page }) => {
  await openCampaign(page, "Summer Sale");
  await expect(sections(page).getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  const table = page.getByTestId("creator-breakdown");
  const priya = table.locator('tr[data-creator="Priya Nair"]');
  await expect(priya.locator('td[data-kpi="revenue"]')).toHaveText(/^\$[\d,]+\.\d\d$/); // a Conversions campaign: revenue in dollars
  await expect(table.locator('td[data-untracked="conversions"]')).toHaveCount(0);
  // Clicks over time: a line per creator with links, named in the legend and the text alternative.
  const timeline = page.getByTestId("campaign-timeline");
  await expect(timeline.getByRole("list", { name: "Legend" }).getByRole("listitem")).toHaveCount(4);
  await expect(timeline.locator("figcaption")).toContainText("Priya Nair");
  await expect(timeline.locator("figcaption")).toContainText("posted");
  await expect(timeline.locator(".recharts-reference-line").first()).toBeAttached(); // the posts marked
  // Audience CTR by creator: every creator named, whatever the width.
  await expect(page.getByTestId("audience-ctr-chart").locator(".recharts-yAxis .recharts-cartesian-axis-tick")).toHaveCount(4);

  await sections(page).getByRole("link", { name: "Conversions" }).click();
  await expect(page).toHaveURL(/\/conversions$/);
  const feed = page.getByTestId("conversions-feed");
  await expect(feed.locator("tbody tr")).toHaveCount(20);
  const range = page.getByTestId("pager-range");
  const total = Number((/of ([\d,]+)$/.exec((await range.textContent()) ?? "")?.[1] ?? "0").replace(/,/g, ""));
  expect(total).toBeGreaterThan(20);
  await expect(range).toHaveText(`1–20 of ${total.toLocaleString("en-US")}`);
  const firstPage = await feed.locator("tbody tr").first().textContent();
  await page.getByRole("navigation", { name: "Conversions pages" }).getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(range).toHaveText(`21–${Math.min(40, total)} of ${total.toLocaleString("en-US")}`);
  await expect(feed.locator("tbody tr").first()).not.toHaveText(firstPage ?? "");
  await shot(page, "campaign-conversions-page-2");
  // A page past the end shows the last one, never an empty table.
  await page.goto(`${page.url().split("?")[0]}?page=999`);
  await expect(range).toHaveText(new RegExp(`of ${total.toLocaleString("en-US")}$`));
  await expect(feed.locator("tbody tr").first()).toBeVisible();
});

test("Launch Week: an awareness campaign's conversion KPIs are not tracked, and its timing is a section of its own", async ({ page }) => {
  await openCampaign(page, "Launch Week");
  await expect(page.getByTestId("creator-breakdown").locator('td[data-untracked="conversions"]').first()).toHaveText("not tracked");
  await expect(page.getByTestId("campaign-next-steps")).toHaveCount(0); // it has links
  await sections(page).getByRole("link", { name: "Timing" }).click();
  await expect(page).toHaveURL(/\/timing$/);
  await expect(page.getByTestId("timing-table")).toBeVisible();
  await expect(page.getByRole("heading", { name: "All creators together" })).toBeVisible();
  await sections(page).getByRole("link", { name: "Sources" }).click();
  await expect(page.getByRole("heading", { name: "Where the clicks came from" })).toBeVisible();
  await sections(page).getByRole("link", { name: "Setup" }).click();
  await expect(page.getByRole("form", { name: "Generate links" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Set a creator's terms" })).toBeVisible();
});
