// Creator profile across campaigns: the demo's consistent creator and its variable one, opened from
// the roster the way a brand would, each with every campaign they took part in, the verdict over
// them and the timing curve since their posts went live.
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { DEMO, DEMO_STATE } from "../support/env";
import { createWorkspace, newAccount, shot, signUp, uniqueSuffix, upgradeThroughCheckout } from "../support/helpers";

// What prisma/seed-data.ts sets up: unique clicks ÷ followers when each post went live.
//   Sofia Rossi   1,888 / 60,900 = 3.1 %    2,059 / 62,400 = 3.3 %    1,850 / 63,800 = 2.9 %   mean 3.1 %, CV ≈ 0.05
//   Lucas Martin    627 / 78,400 = 0.80 %   2,180 / 83,900 = 2.6 %      388 / 86,200 = 0.45 %  mean 1.3 %, CV ≈ 0.73
const CASES = [
  {
    name: "Sofia Rossi",
    screen: "creator-profile-consistent",
    verdict: "consistent",
    label: "Consistent",
    summary: "Audience CTR mean 3.1%, varies ±5% across 3 campaigns.",
    ctrs: ["2.9%", "3.3%", "3.1%"],
  },
  {
    name: "Lucas Martin",
    screen: "creator-profile-variable",
    verdict: "variable",
    label: "Variable",
    summary: "Audience CTR mean 1.3%, varies ±73% across 3 campaigns.",
    ctrs: ["0.45%", "2.6%", "0.80%"],
  },
] as const;

test.describe("the demo workspace", () => {
  test.use({ storageState: DEMO_STATE });

  for (const c of CASES) {
    test(`${c.name}'s profile: ${c.verdict} over three campaigns, with the timing curve`, async ({ page }) => {
      await page.goto(`/w/${DEMO.workspace}/creators`);
      await page.getByTestId("creators-table").getByRole("link", { name: c.name }).click();
      await expect(page.getByRole("heading", { name: c.name, level: 1 })).toBeVisible();

      const verdict = page.getByTestId("consistency-verdict");
      await expect(verdict).toHaveAttribute("data-verdict", c.verdict);
      await expect(verdict).toContainText(c.label);
      await expect(verdict).toContainText(c.summary);
      await expect(verdict).toContainText("coefficient of variation");

      // Newest campaign first; the archived Launch Week link of Lucas still counts (its clicks happened).
      const table = page.getByTestId("creator-campaigns-table");
      const rows = table.locator("tbody tr");
      await expect(rows).toHaveCount(3);
      expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-campaign")))).toEqual(["Summer Sale", "Spring Drop", "Launch Week"]);
      await expect(table.locator('td[data-kpi="audience_ctr"]')).toHaveText([...c.ctrs]);
      for (const halfLife of await table.getByTestId("campaign-half-life").allTextContents()) expect(halfLife).toMatch(/^\d+ h$/);

      const timing = page.getByTestId("creator-timing");
      await expect(timing.locator(".recharts-surface")).toBeVisible();
      await expect(timing.locator(".recharts-bar-rectangle").first()).toBeVisible();
      await expect(page.getByTestId("creator-half-life")).toContainText(/Half of the clicks arrived within \d+ h/);
      await shot(page, c.screen);

      // Each campaign leads to its dashboard.
      await table.getByRole("link", { name: "Spring Drop" }).click();
      await expect(page.getByRole("heading", { name: "Spring Drop", level: 1 })).toBeVisible();
    });
  }

  test("Sofia Rossi's campaigns sorted by audience CTR, and the CSV in the table's order", async ({ page, playwright }) => {
    await page.goto(`/w/${DEMO.workspace}/creators`);
    await page.getByTestId("creators-table").getByRole("link", { name: "Sofia Rossi" }).click();
    await expect(page.getByRole("heading", { name: "Sofia Rossi", level: 1 })).toBeVisible();
    const table = page.getByTestId("creator-campaigns-table");
    const order = () => table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-campaign")));

    await table.getByRole("link", { name: "Audience CTR" }).click();
    await expect(page).toHaveURL(/sort=audience_ctr&dir=desc/);
    await expect(table.locator('td[data-kpi="audience_ctr"]')).toHaveText(["3.3%", "3.1%", "2.9%"]);
    expect(await order()).toEqual(["Spring Drop", "Launch Week", "Summer Sale"]);
    await expect(table.getByRole("columnheader", { name: "Audience CTR" })).toHaveAttribute("aria-sort", "descending");
    await expect(page.getByText("Every campaign this creator took part in, sorted by Audience CTR.")).toBeVisible();
    await shot(page, "creator-profile-sorted");

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("Sofia-Rossi-campaigns.csv");
    const csv = fs.readFileSync((await file.path()) ?? "", "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(csv[0]).toBe(
      "Campaign,Starts,Ends,Archived,Followers at post,Clicks,Unique clicks,Audience CTR,Conversions,Conversion rate,Revenue (USD),Cost (USD),CPC (USD),Half-life (hours)",
    );
    const lines = csv.slice(1).map((line) => line.split(","));
    expect(lines.map((cells) => cells[0])).toEqual(await order());
    // raw fractions, the same numbers the table rounds: 2,059 / 62,400 …
    const ctrs = lines.map((cells) => Number(cells[7]));
    expect(ctrs).toEqual([...ctrs].sort((a, b) => b - a));
    expect(ctrs[0]).toBeCloseTo(2_059 / 62_400, 10);

    // Once more: the other direction, and the export follows.
    await table.getByRole("link", { name: "Audience CTR" }).click();
    await expect(page).toHaveURL(/sort=audience_ctr&dir=asc/);
    await expect(table.locator('td[data-kpi="audience_ctr"]')).toHaveText(["2.9%", "3.1%", "3.3%"]);
    const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    const again = (await (await page.request.get(href ?? "")).text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/).slice(1);
    expect(again.map((line) => line.split(",")[0])).toEqual(await order());

    // Members only: signed out, the export is not found.
    const anonymous = await playwright.request.newContext({ baseURL: new URL(page.url()).origin, storageState: { cookies: [], origins: [] } });
    expect((await anonymous.get(href ?? "", { maxRedirects: 0 })).status()).toBe(404);
    await anonymous.dispose();
  });

  test("a creator in one campaign has no verdict yet", async ({ page }) => {
    await page.goto(`/w/${DEMO.workspace}/creators`);
    await page.getByTestId("creators-table").getByRole("link", { name: "Ethan Kim" }).click();
    await expect(page.getByRole("heading", { name: "Ethan Kim", level: 1 })).toBeVisible();
    const verdict = page.getByTestId("consistency-verdict");
    await expect(verdict).toHaveAttribute("data-verdict", "one campaign so far");
    await expect(verdict).toContainText("One campaign so far");
    await expect(verdict).not.toContainText("varies ±");
    await expect(page.getByTestId("creator-campaigns-table").locator("tbody tr")).toHaveCount(1);
    await expect(page.getByTestId("creator-timing").locator(".recharts-surface")).toBeVisible();
    await shot(page, "creator-profile-one-campaign");
  });
});

test("a new creator: no campaigns and no post times yet, each said plainly", async ({ page }) => {
  await signUp(page, newAccount("creator-profile"));
  const workspace = await createWorkspace(page, "Profile Brand");
  await upgradeThroughCheckout(page, workspace, "Single"); // the campaigns section needs Single or Team
  await page.getByRole("navigation").getByRole("link", { name: "Creators" }).click();
  const form = page.getByRole("form", { name: "Add a creator" });
  await form.getByLabel("Name").fill("Nova Fresh");
  await form.getByLabel("Handle 1").fill("@nova");
  await form.getByLabel("Followers 1").fill("12,000");
  await form.getByRole("button", { name: "Add creator" }).click();
  await expect(form.getByRole("status")).toContainText("Added Nova Fresh to the roster.");
  await page.getByTestId("creators-table").getByRole("link", { name: "Nova Fresh" }).click();
  await expect(page.getByRole("heading", { name: "Nova Fresh", level: 1 })).toBeVisible();
  const profile = page.url();
  await expect(page.getByText("Not in a campaign yet")).toBeVisible();
  await expect(page.getByTestId("consistency-verdict")).toHaveCount(0);
  await expect(page.getByText("No links yet")).toBeVisible();

  // A link without a post time: timing says what is missing and where to set it.
  await page.goto(`/w/${workspace}`);
  const linkForm = page.getByRole("form", { name: "Create a link" });
  await linkForm.getByLabel("Destination URL").fill("https://shop.example.com/nova");
  await linkForm.getByLabel("Slug").fill(`nova-${uniqueSuffix()}`);
  await linkForm.getByLabel("Creator").selectOption({ label: "Nova Fresh" });
  await linkForm.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByTestId("created-short-url")).toBeVisible();
  await page.goto(profile);
  await expect(page.getByTestId("creator-links-table").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByText("Set when the post went live on the link's page to see timing")).toBeVisible();
  await shot(page, "creator-profile-empty");
});
