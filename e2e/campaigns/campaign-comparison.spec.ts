// Campaigns end to end: creators with the same audience, a campaign with KPIs, one action that
// gives each creator a link, real visits, and the comparison ranking them by what their audiences
// did — with a CSV export that says the same as the table.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { startDestinationServer, type DestinationServer } from "../support/destination-server";
import { DEMO, DEMO_STATE, LOOPBACK_URL } from "../support/env";
import { createWorkspace, newAccount, shot, signUp, uniqueSuffix, upgradeThroughCheckout } from "../support/helpers";

let destination: DestinationServer;
test.beforeAll(async () => {
  destination = await startDestinationServer();
});
test.afterAll(async () => {
  await destination.close();
});

/** A section of the campaign page: Overview, Timing, Sources, Conversions, Setup. */
const openSection = async (page: Page, name: string) => {
  await page.getByRole("navigation", { name: "Campaign sections" }).getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Campaign sections" }).getByRole("link", { name, exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0); // the section's loading sketch has given way
};

const browserUa = (n: number) => `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.${n}.0 Safari/537.36`;

test("a campaign generates a link per creator and ranks creators with the same followers by audience CTR", async ({ page }) => {
  test.setTimeout(60_000);
  await signUp(page, newAccount("campaigns"));
  const workspace = await createWorkspace(page, `Campaigns ${uniqueSuffix()}`);
  await upgradeThroughCheckout(page, workspace, "Single"); // campaigns come with Single and Team
  const strong = `Alex Strong ${uniqueSuffix()}`;
  const weak = `Blake Weak ${uniqueSuffix()}`;

  // Two creators with the same audience, through the roster's CSV import.
  await page.goto(`/w/${workspace}/creators`);
  const csv = `name,email,platform,handle,followers\n${strong},,Instagram,alexstrong,80000\n${weak},,Instagram,blakeweak,80000\n`;
  await page.getByLabel("CSV file").setInputFiles({ name: "creators.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Import CSV" }).click();
  await expect(page.getByTestId("import-report")).toContainText("Imported 2 creators");

  // A campaign with a primary KPI and a target, pointing at the local shop.
  await page.getByRole("navigation").getByRole("link", { name: "Campaigns" }).click();
  await expect(page.getByText("No campaigns yet")).toBeVisible();
  await page.getByRole("link", { name: "New campaign" }).click();
  const form = page.getByRole("form", { name: "Create campaign" });
  await form.getByLabel("Campaign name").fill("Autumn Push");
  await form.getByLabel("Ends").fill("2020-01-01");
  await form.getByLabel("Starts").fill("2026-01-01");
  await form.getByLabel("Destination URL").fill(`${destination.origin}/autumn`);
  await form.getByLabel("Audience CTR target").fill("150"); // the primary KPI; no audience clicks 150 %
  // A brand selling in Japan: amounts in yen, which have no decimals.
  await form.getByLabel("Currency").fill("JPY");
  await form.getByLabel("Budget").fill("150,000.50");
  await shot(page, "campaign-new");
  await form.getByRole("button", { name: "Create campaign" }).click();
  // Bad input: every problem named in one answer, what was typed kept, nothing created.
  await expect(form.getByText("Enter a whole amount like 5000 (JPY has no decimals)")).toBeVisible();
  await expect(form.getByText("The end date is before the start date")).toBeVisible();
  await expect(form.getByText("Audience CTR is a share of followers: a target can be at most 100 %")).toBeVisible();
  await expect(form.getByLabel("Campaign name")).toHaveValue("Autumn Push");
  await expect(form.getByLabel("Audience CTR target")).toHaveAttribute("aria-invalid", "true");
  await shot(page, "campaign-new-errors");
  await form.getByLabel("Budget").fill("¥150,000");
  await form.getByLabel("Ends").fill("2026-12-31");
  await form.getByLabel("Audience CTR target").fill("0.01");
  await form.getByRole("button", { name: "Create campaign" }).click();
  await expect(page.getByRole("heading", { name: "Autumn Push", level: 1 })).toBeVisible();
  await expect(page.getByText("No creators yet")).toBeVisible();
  await expect(page.getByText("budget ¥150,000")).toBeVisible();
  // A campaign without links leads with what to do next.
  await expect(page.getByTestId("campaign-next-steps")).toContainText("Add creators and their terms");
  await page.getByTestId("campaign-next-steps").getByRole("link", { name: "Add creators" }).click();
  await expect(page.getByRole("navigation", { name: "Campaign sections" }).getByRole("link", { name: "Setup" })).toHaveAttribute("aria-current", "page");

  // The strong creator's fee, typed in yen.
  const terms = page.getByRole("form", { name: "Set a creator's terms" });
  await terms.getByLabel("Creator").selectOption({ label: strong });
  await terms.getByLabel("Flat fee (JPY)").fill("50,000");
  await terms.getByRole("button", { name: "Save terms" }).click();
  await expect(terms.getByText("Saved the creator's terms.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "¥50,000" })).toHaveCount(1); // the fee in the terms (the cost shows in the ranking below)

  // One action: a link for each selected creator, slugs by the convention, UTM tags filled in.
  const generate = page.getByRole("form", { name: "Generate links" });
  await generate.getByLabel(strong).check();
  await generate.getByLabel(weak).check();
  await generate.getByRole("button", { name: "Generate links" }).click();
  await expect(generate.getByTestId("generate-summary")).toHaveText("Created 2 links.");
  const strongSlug = strong.toLowerCase().replace(/\s+/g, "-");
  const weakSlug = weak.toLowerCase().replace(/\s+/g, "-");
  await expect(generate).toContainText(`/${strongSlug}`);
  await expect(generate).toContainText(`/${weakSlug}`);
  await expect(generate.getByText(new RegExp(`^https?://[^/]+/${strongSlug}$`))).toBeVisible(); // the full short URL, to copy
  await expect(generate.getByRole("button", { name: `Copy ${strong}'s link` })).toBeVisible();
  // Running it again creates nothing twice: both creators now show their link and cannot be picked.
  await expect(generate.getByLabel(strong)).toBeDisabled();

  // Real visits: 12 distinct visitors for one, 2 for the other.
  for (let i = 0; i < 12; i++) {
    const response = await page.request.get(`${LOOPBACK_URL}/${strongSlug}`, { headers: { "User-Agent": browserUa(i) }, maxRedirects: 0 });
    expect(response.status()).toBe(302);
    expect(response.headers()["location"]).toContain(`utm_content=${strongSlug}`);
  }
  for (let i = 0; i < 2; i++) {
    await page.request.get(`${LOOPBACK_URL}/${weakSlug}`, { headers: { "User-Agent": browserUa(100 + i) }, maxRedirects: 0 });
  }

  await page.reload();
  await openSection(page, "Overview");
  const table = page.getByTestId("creator-breakdown");
  await expect(table.locator(`tr[data-creator="${strong}"]`)).toBeVisible();
  const names = await table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-creator")));
  expect(names).toEqual([strong, weak]); // ranked by audience CTR, highest first
  const strongRow = table.locator(`tr[data-creator="${strong}"]`);
  await expect(strongRow.locator('td[data-kpi="unique_clicks"]')).toHaveText("12");
  await expect(strongRow.locator('td[data-kpi="audience_ctr"]')).toHaveText("0.015%"); // 12 ÷ 80,000
  await expect(table.locator(`tr[data-creator="${weak}"] td[data-kpi="unique_clicks"]`)).toHaveText("2");
  await expect(strongRow.locator("td").last()).toHaveText("¥50,000"); // the fee as the creator's cost
  // A Traffic campaign (the default objective) with no conversion: its conversion KPIs say not tracked, not ¥0.
  await expect(strongRow.locator('td[data-untracked="conversions"]')).toHaveText("not tracked");
  await expect(strongRow.locator('td[data-kpi="revenue"]')).toHaveCount(0);
  await expect(page.getByTestId("campaign-next-steps")).toHaveCount(0);
  await expect(page.getByTestId("campaign-timeline")).toBeVisible();
  await expect(page.getByTestId("kpi-audience_ctr")).toContainText("below target");
  await page.locator(".recharts-surface").first().waitFor();
  await shot(page, "campaign-dashboard");

  // Where the clicks came from: by source, and by the UTM tags the generated links carry.
  await openSection(page, "Sources");
  const traffic = page.getByRole("region", { name: "utm_content", exact: true });
  await expect(traffic.locator(`tr[data-value="${strongSlug}"] [data-col="clicks"]`)).toHaveText("12");
  await expect(traffic.locator(`tr[data-value="${weakSlug}"] [data-col="clicks"]`)).toHaveText("2");
  await expect(page.getByRole("region", { name: "utm_medium", exact: true }).locator('tr[data-value="influencer"] [data-col="clicks"]')).toHaveText("14");
  await expect(page.getByRole("region", { name: "Source", exact: true }).locator('tr[data-value="link"]')).toContainText("Link clicks");
  await expect(page.getByTestId("traffic-untagged")).toContainText("utm_term");
  await page.getByRole("heading", { name: "Where the clicks came from" }).scrollIntoViewIfNeeded();
  await shot(page, "campaign-traffic-tags");
  await openSection(page, "Overview");

  // Sorting by another KPI re-ranks; the export follows the table.
  await table.getByRole("link", { name: "Creator" }).click();
  await expect(page).toHaveURL(/sort=name/);
  const exported = await page.request.get(`/w/${workspace}/campaigns/${page.url().split("/campaigns/")[1]?.split("?")[0]}/export?sort=audience_ctr&dir=desc`);
  expect(exported.status()).toBe(200);
  const lines = (await exported.text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(lines[0]).toBe("Creator,Platforms,Followers,Clicks,Unique clicks,Audience CTR,Conversions,Conversion rate,Revenue (JPY),CPC (JPY),CPA (JPY),ROAS,Cost (JPY),AOV (JPY)");
  expect(lines[1]!.split(",").slice(9, 10).concat(lines[1]!.split(",").slice(12, 13))).toEqual(["4167", "50000"]); // ¥50,000 over 12 clicks, in whole yen
  expect(lines.slice(1).map((line) => line.split(",").slice(0, 6))).toEqual([
    [strong, "Instagram", "80000", "12", "12", String(12 / 80_000)],
    [weak, "Instagram", "80000", "2", "2", String(2 / 80_000)],
  ]);
});

test.describe("the demo's campaigns", () => {
  test.use({ storageState: DEMO_STATE });

  test("Spring Drop: the two creators with the same followers, about ten times apart", async ({ page, playwright }) => {
    await page.goto(`/w/${DEMO.workspace}/campaigns`);
    await expect(page.getByTestId("campaigns-table")).toContainText("Spring Drop");
    await shot(page, "campaigns-list-demo");
    await page.getByRole("link", { name: "Spring Drop" }).click();
    const table = page.getByTestId("creator-breakdown");
    const maya = table.locator('tr[data-creator="Maya Lopez"]');
    const jordan = table.locator('tr[data-creator="Jordan Reed"]');
    await expect(maya.locator("td").nth(2)).toHaveText("80,000");
    await expect(jordan.locator("td").nth(2)).toHaveText("80,000");
    await expect(maya.locator('td[data-kpi="audience_ctr"]')).toHaveText("2.6%");
    await expect(jordan.locator('td[data-kpi="audience_ctr"]')).toHaveText("0.30%");
    const order = await table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-creator")));
    expect(order.indexOf("Maya Lopez")).toBeLessThan(order.indexOf("Jordan Reed"));
    await page.locator(".recharts-surface").first().waitFor();
    await shot(page, "campaign-dashboard-demo");
    // Spring Drop is a Traffic campaign: its conversion KPIs are not tracked, not 0.
    await expect(maya.locator('td[data-untracked="conversions"]')).toHaveText("not tracked");
    await expect(maya.locator('td[data-kpi="roas"]')).toHaveCount(0);
    await expect(page.getByTestId("campaign-timeline")).toContainText("Maya Lopez");
    await openSection(page, "Timing");

    // The timing table: by default in the breakdown's order; its CSV has a row per creator in it.
    const timing = page.getByTestId("timing-table");
    const timingPanel = page.locator("section").filter({ has: page.getByRole("heading", { name: "Timing", exact: true }) });
    const timingNames = () => timing.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-creator")));
    await expect(timing).toBeVisible();
    const shown = await timingNames();
    expect(shown.length).toBeGreaterThan(1);
    expect(shown).toEqual(order.filter((name) => shown.includes(name)));
    const download = page.waitForEvent("download");
    await timingPanel.getByRole("link", { name: "Export CSV" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("spring-drop-timing.csv");
    const lines = fs.readFileSync((await file.path()) ?? "", "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines[0]).toBe("Creator,Clicks,First hour,1–3 h,3–6 h,6–12 h,12–24 h,1–3 d,3–7 d,Later,Half-life (hours)");
    const rows = lines.slice(1).map((line) => line.split(","));
    expect(rows.map((cells) => cells[0])).toEqual(shown);
    for (const cells of rows) {
      // the periods add up to the creator's clicks; the half-life is the table's
      expect(cells.slice(2, 10).reduce((sum, n) => sum + Number(n), 0)).toBe(Number(cells[1]));
      await expect(timing.locator(`tr[data-creator="${cells[0]}"] [data-testid="half-life"]`)).toHaveText(`${cells[10]} h`);
    }

    // Sorting the timing table by half-life, and the export follows (the ranking's order is left alone: below).
    await timing.getByRole("link", { name: "Half-life" }).click();
    await expect(page).toHaveURL(/tsort=half_life&tdir=desc/);
    const byHalfLife = await timing.getByTestId("half-life").allTextContents();
    expect(byHalfLife.map((t) => Number.parseInt(t, 10))).toEqual(byHalfLife.map((t) => Number.parseInt(t, 10)).sort((a, b) => b - a));
    const href = await timingPanel.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    expect(href).toContain("tsort=half_life&tdir=desc");
    const sorted = (await (await page.request.get(href ?? "")).text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/).slice(1);
    expect(sorted.map((line) => line.split(",")[0])).toEqual(await timingNames());
    const anonymous = await playwright.request.newContext({ baseURL: new URL(page.url()).origin, storageState: { cookies: [], origins: [] } });
    expect((await anonymous.get(href ?? "", { maxRedirects: 0 })).status()).toBe(404); // members only
    await anonymous.dispose();
    await shot(page, "campaign-timing-sorted-demo");
    await openSection(page, "Overview");
    await expect(maya).toBeVisible();
    expect(await table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-creator")))).toEqual(order);
  });
});

test.describe("the comparison view", () => {
  test.use({ storageState: DEMO_STATE });

  test("ranks the demo's creators across all campaigns and in one, with charts and a CSV equal to the table", async ({ page }) => {
    await page.goto(`/w/${DEMO.workspace}`);
    await page.getByRole("navigation").getByRole("link", { name: "Compare" }).click();
    await expect(page.getByRole("heading", { name: "Compare creators" })).toBeVisible();
    await expect(page.getByText(/Creators across 3 campaigns/)).toBeVisible();
    const table = page.getByTestId("creator-breakdown");
    const ctrs = await table.locator('td[data-kpi="audience_ctr"]').allTextContents();
    const values = ctrs.map((t) => Number.parseFloat(t));
    expect(values).toEqual([...values].sort((a, b) => b - a)); // ranked by audience CTR
    await expect(page.locator(".recharts-surface")).toHaveCount(2); // bar chart and scatter
    await shot(page, "compare-all-demo");

    await page.getByRole("navigation", { name: "Campaign" }).getByRole("link", { name: "Spring Drop" }).click();
    await expect(page.getByText("Creators in this campaign")).toBeVisible();
    await table.getByRole("link", { name: "Clicks", exact: true }).click();
    await expect(page).toHaveURL(/campaign=.+&sort=clicks&dir=desc/);
    const names = await table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-creator")));
    const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
    const csv = await (await page.request.get(href ?? "")).text();
    const exported = csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/).slice(1).map((line) => line.split(",")[0]);
    expect(exported).toEqual(names);
    await page.locator(".recharts-surface").first().waitFor();
    await shot(page, "compare-spring-drop-demo");
  });
});
