// Creators: a brand builds its roster by hand and from a spreadsheet, downloads it back, and keeps
// follower counts up to date with their history. A fresh account, so the roster starts empty.
import fs from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { DEMO, DEMO_STATE } from "../support/env";
import { createWorkspace, newAccount, shot, signUp } from "../support/helpers";

test.setTimeout(120_000);

/** The roster as the table shows it: one entry per creator-platform, like the CSV export. */
async function tableRows(table: Locator) {
  const rows: string[][] = [];
  for (const row of await table.locator("tbody tr").all()) {
    const name = (await row.locator("td").first().getByRole("link").textContent())?.trim() ?? "";
    const email = (await row.locator("td").nth(3).textContent())?.trim().replace(/^—$/, "") ?? "";
    for (const chip of await row.locator("[data-platform]").all()) {
      const spans = await chip.locator("span").allTextContents();
      rows.push([name, email, spans[0] ?? "", (spans[1] ?? "").replace(/^@/, ""), (spans[2] ?? "").replace(/,/g, "")]);
    }
  }
  return rows;
}

function parseCsv(text: string): string[][] {
  // The export is simple enough for this: no commas or quotes in the test data.
  return text
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/)
    .map((line) => line.split(","));
}

async function openCreators(page: Page) {
  await page.getByRole("navigation").getByRole("link", { name: "Creators" }).click();
  await expect(page.getByRole("heading", { name: "Creators", level: 1 })).toBeVisible();
}

test("build a roster by hand and by CSV, export it, and keep follower history", async ({ page }) => {
  await signUp(page, newAccount("creators"));
  const slug = await createWorkspace(page, "Roster Brand");
  await openCreators(page);
  await expect(page.getByText("No creators yet")).toBeVisible();
  await shot(page, "creators-empty");

  const form = page.getByRole("form", { name: "Add a creator" });
  await test.step("a bad follower count is refused with a message, keeping what was typed", async () => {
    await form.getByLabel("Name").fill("Maya Lopez");
    await form.getByLabel("E-mail (optional)").fill("maya@example.com");
    await form.getByLabel("Niche (optional)").fill("Food");
    await form.getByLabel("Handle 1").fill("@maya.eats");
    await form.getByLabel("Followers 1").fill("lots");
    await form.getByLabel("Platform 2").selectOption({ label: "TikTok" });
    await form.getByLabel("Handle 2").fill("maya");
    await form.getByLabel("Followers 2").fill("12.4k");
    await form.getByRole("button", { name: "Add creator" }).click();
    await expect(form.getByRole("alert").first()).toHaveText("Please fix the highlighted fields.");
    await expect(form.locator("#field-platforms-0-followers-error")).toContainText("12.4k or 1.2m");
    await expect(form.getByLabel("Name")).toHaveValue("Maya Lopez");
    await expect(form.getByLabel("Handle 2")).toHaveValue("maya");
    await expect(form.getByLabel("Platform 2")).toHaveValue("tiktok");
    await shot(page, "creators-form-errors");
  });

  await test.step("fixed, the creator is added and listed", async () => {
    await form.getByLabel("Followers 1").fill("80,000");
    await form.getByRole("button", { name: "Add creator" }).click();
    await expect(form.getByRole("status")).toContainText("Added Maya Lopez to the roster.");
    const row = page.getByTestId("creators-table").locator('tr[data-creator="Maya Lopez"]');
    await expect(row.getByTestId("creator-total-followers")).toHaveText("92,400");
    await expect(row.locator('[data-platform="instagram"]')).toContainText("@maya.eats");
    await expect(form.getByLabel("Name")).toHaveValue(""); // ready for the next one
  });

  await test.step("a CSV with a bad row imports the good rows and reports the bad one", async () => {
    const csv = [
      "Name,Email,Platform,Handle,Followers,Agency",
      "Sam Reed,sam@example.com,YouTube,samreed,1.2m,North",
      "Sam Reed,sam@example.com,Instagram,@sam.reed,\"45,000\",North",
      "Ana Ruiz,,TikTok,ana.ruiz,not-a-number,South",
      "Lee Park,,Twitter,leepark,8800,",
      "Maya Lopez,maya@example.com,X,mayax,3k,",
    ].join("\n");
    await page.getByLabel("CSV file").setInputFiles({ name: "creators.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Import CSV" }).click();
    const report = page.getByTestId("import-report");
    await expect(report.getByRole("status")).toContainText("Imported 3 creators (2 created, 1 updated) from 4 rows. 1 row refused");
    const refused = report.getByTestId("refused-rows").locator("tbody tr");
    await expect(refused).toHaveCount(1);
    await expect(refused.first()).toHaveAttribute("data-row", "4");
    await expect(refused.first()).toContainText("followers");
    await expect(refused.first()).toContainText("whole number");
    await page.getByRole("form", { name: "Import creators from CSV" }).scrollIntoViewIfNeeded();
    await shot(page, "creators-import-report");
    // The roster shows the imported creators (the page re-renders after the action).
    await page.reload();
    const table = page.getByTestId("creators-table");
    await expect(table.locator("tbody tr")).toHaveCount(3);
    await expect(table.locator('tr[data-creator="Maya Lopez"]').getByTestId("creator-total-followers")).toHaveText("95,400");
    await expect(table.locator('tr[data-creator="Ana Ruiz"]')).toHaveCount(0);
    await shot(page, "creators-roster");
  });

  await test.step("sorting and search happen on the server", async () => {
    const names = page.getByTestId("creators-table").locator("tbody tr td:first-child a");
    await expect(names).toHaveText(["Lee Park", "Maya Lopez", "Sam Reed"]);
    await page.getByRole("link", { name: "Followers" }).click();
    await expect(page).toHaveURL(/sort=-followers/);
    await expect(names).toHaveText(["Sam Reed", "Maya Lopez", "Lee Park"]);
    await page.getByLabel("Search creators").fill("@maya");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/q=%40maya|q=@maya/);
    await expect(names).toHaveText(["Maya Lopez"]);
    await page.goto(`/w/${slug}/creators`);
  });

  await test.step("the CSV export matches the table", async () => {
    const table = page.getByTestId("creators-table");
    const shown = await tableRows(table);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${slug}-creators-\\d{4}-\\d\\d-\\d\\d\\.csv$`));
    const file = await download.path();
    const [header, ...rows] = parseCsv(fs.readFileSync(file, "utf8"));
    expect(header).toEqual(["name", "email", "niche", "platform", "handle", "followers", "created"]);
    expect(rows.map(([name, email, , platform, handle, followers]) => [name, email, platform, handle, followers])).toEqual(shown);
    expect(rows).toHaveLength(6);
  });

  await test.step("editing followers on the profile keeps the history", async () => {
    await page.getByTestId("creators-table").getByRole("link", { name: "Maya Lopez" }).click();
    await expect(page.getByRole("heading", { name: "Maya Lopez", level: 1 })).toBeVisible();
    const instagram = page.getByTestId("platform-instagram");
    await instagram.getByLabel("Followers").fill("81.5k");
    await instagram.getByRole("button", { name: "Save" }).click();
    await expect(instagram.getByRole("status")).toContainText("added to the history");
    const history = instagram.getByTestId("follower-history").locator("tbody tr");
    await expect(history).toHaveCount(2);
    await expect(history.first()).toContainText("81,500");
    await expect(history.first()).toContainText("+1,500");
    await expect(history.nth(1)).toContainText("first count");
    await expect(page.getByTestId("stat-followers")).toHaveText("96,900");
    await shot(page, "creators-profile");
  });

  await test.step("archiving moves the creator to the archived view", async () => {
    await page.getByRole("button", { name: "Archive creator" }).click();
    await expect(page.getByText("Archived", { exact: true })).toBeVisible();
    await page.getByRole("link", { name: "← All creators" }).click();
    await expect(page.getByTestId("creators-table").locator('tr[data-creator="Maya Lopez"]')).toHaveCount(0);
    await page.getByRole("link", { name: "Archived", exact: true }).click();
    await expect(page).toHaveURL(/view=archived/);
    await expect(page.getByTestId("creators-table").locator('tr[data-creator="Maya Lopez"]')).toHaveCount(1);
    await shot(page, "creators-archived");
  });
});

test("the roster export is a 404 for anyone who is not a member", async ({ page, request }) => {
  // signed out
  expect((await request.get(`/w/${DEMO.workspace}/creators/export`)).status()).toBe(404);
  // signed in, but to another workspace
  await signUp(page, newAccount("creators-outsider"));
  await createWorkspace(page, "Outsider Brand");
  const response = await page.request.get(`/w/${DEMO.workspace}/creators/export`);
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain("Maya");
});

test("the demo roster lists the seeded creators and a profile shows their links with clicks", async ({ browser }) => {
  const context = await browser.newContext({ storageState: DEMO_STATE });
  const page = await context.newPage();
  await page.goto(`/w/${DEMO.workspace}/creators`);
  const table = page.getByTestId("creators-table");
  await expect(table.locator('tr[data-creator="Maya Lopez"]')).toHaveCount(1);
  await shot(page, "creators-demo-roster");
  await table.getByRole("link", { name: "Maya Lopez" }).click();
  await expect(page.getByRole("heading", { name: "Maya Lopez", level: 1 })).toBeVisible();
  const links = page.getByTestId("creator-links-table").locator("tbody tr");
  await expect(links.first()).toBeVisible();
  expect(await links.count()).toBeGreaterThan(0);
  await shot(page, "creators-demo-profile");
  await context.close();
});
