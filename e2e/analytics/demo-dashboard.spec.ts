// Spec 6 — the seeded demo account as a visitor trying the product sees it (demo session):
// links with real numbers, a link's analytics with its chart and breakdowns, the workspace
// switcher, and signing out.
import { expect, test } from "@playwright/test";
import { DEMO, DEMO_STATE } from "../support/env";
import { count, shot, uniqueSuffix } from "../support/helpers";

test.use({ storageState: DEMO_STATE });

// prisma/seed-data.ts: every active seeded link has clicks; lucas-martin is the archived one.
const SEEDED_ACTIVE = [
  "maya-lopez",
  "spring-drop-maya-lopez",
  "jordan-reed",
  "spring-drop-jordan-reed",
  "priya-nair",
  "spring-drop-lucas-martin",
  "sofia-rossi",
  "ethan-kim",
  "amara-okafor",
  "newsletter",
];

test("the links page lists the seeded links with their clicks", async ({ page }) => {
  await page.goto(`/w/${DEMO.workspace}`);
  const table = page.getByTestId("links-table");
  for (const slug of SEEDED_ACTIVE) {
    const clicks = count(await table.locator(`tr[data-slug="${slug}"]`).getByTestId("link-clicks").textContent());
    expect(clicks, `/${slug} clicks`).toBeGreaterThan(0);
  }
  // The headline comparison of the seed: Maya's audience clicks far more than Jordan's.
  const maya = count(await table.locator('tr[data-slug="maya-lopez"]').getByTestId("link-clicks").textContent());
  const jordan = count(await table.locator('tr[data-slug="jordan-reed"]').getByTestId("link-clicks").textContent());
  expect(maya).toBeGreaterThan(jordan * 5);
  await expect(table.locator('tr[data-slug="lucas-martin"]')).toHaveCount(0);
  await shot(page, "demo-links");

  await page.getByRole("link", { name: "Archived", exact: true }).click();
  await expect(page).toHaveURL(/\?view=archived$/);
  await expect(page.getByRole("heading", { name: "Archived links" })).toBeVisible();
  await expect(table.locator('tr[data-slug="lucas-martin"]')).toBeVisible();
  expect(count(await table.locator('tr[data-slug="lucas-martin"]').getByTestId("link-clicks").textContent())).toBeGreaterThan(0);
  await shot(page, "demo-links-archived");
});

test("a seeded link's analytics: stats, chart and breakdowns", async ({ page }) => {
  await page.goto(`/w/${DEMO.workspace}`);
  await page.getByTestId("links-table").locator('tr[data-slug="maya-lopez"]').getByRole("link", { name: "/maya-lopez" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "/maya-lopez" })).toBeVisible();

  const clicks = count(await page.getByTestId("stat-clicks").textContent());
  const unique = count(await page.getByTestId("stat-unique-clicks").textContent());
  const filtered = count(await page.getByTestId("stat-filtered").textContent());
  expect(clicks).toBeGreaterThan(0);
  expect(unique).toBeGreaterThan(0);
  expect(unique).toBeLessThanOrEqual(clicks);
  expect(filtered).toBeGreaterThan(0);

  // The chart draws on the client: wait for its SVG and its plotted area.
  const chart = page.locator("section", { has: page.getByRole("heading", { name: "Clicks over time" }) });
  await expect(chart.locator("svg.recharts-surface").first()).toBeVisible();
  await expect(chart.locator(".recharts-area-area").first()).toBeVisible();

  const breakdowns: Record<string, RegExp> = {
    Countries: /United States \(US\)/,
    Devices: /Mobile/,
    Browsers: /Instagram/,
    "Operating systems": /iOS/,
    Referrers: /instagram\.com/,
  };
  for (const [title, expected] of Object.entries(breakdowns)) {
    const region = page.getByRole("region", { name: title });
    await expect(region, `${title} list`).toBeVisible();
    await expect(region).not.toContainText("No clicks yet.");
    await expect(region.getByRole("listitem").first()).toBeVisible();
    await expect(region).toContainText(expected);
  }
  await shot(page, "demo-link-analytics");

  // Another range re-renders with the same kind of data.
  await page.getByRole("link", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL(/\?range=7d$/);
  await expect(page.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");
  expect(count(await page.getByTestId("stat-clicks").textContent())).toBeLessThanOrEqual(clicks);
});

test("the workspace switcher lists the user's workspaces and switches between them", async ({ page }) => {
  await page.goto(`/w/${DEMO.workspace}`);
  // the summary names the current workspace, then "switch workspace" for screen readers
  const switcher = page.locator("details", { has: page.locator("summary", { hasText: "switch workspace" }) });
  const open = () => switcher.locator("summary").click();
  await open();
  await expect(switcher.getByRole("link", { name: DEMO.workspaceName })).toBeVisible();
  await expect(switcher.getByRole("link", { name: "+ Create workspace" })).toBeVisible();
  await shot(page, "workspace-switcher-open");

  // A second workspace shows up in the list, and the list switches between the two.
  await switcher.getByRole("link", { name: "+ Create workspace" }).click();
  await expect(page).toHaveURL(/\/workspaces\/new$/);
  await expect(page.getByRole("heading", { name: "Create another workspace" })).toBeVisible();
  const secondName = `Second Brand ${uniqueSuffix()}`;
  await page.getByLabel("Workspace name").fill(secondName);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/second-brand-[a-z0-9-]+$/);

  await open();
  await expect(switcher.getByRole("link", { name: DEMO.workspaceName })).toBeVisible();
  await expect(switcher.getByRole("link", { name: secondName })).toBeVisible();
  await shot(page, "workspace-switcher-two");
  await switcher.getByRole("link", { name: DEMO.workspaceName }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${DEMO.workspace}$`));
  await expect(page.getByTestId("links-table").locator('tr[data-slug="maya-lopez"]')).toBeVisible();
});

test("signing out returns to /login and closes the dashboard", async ({ page }) => {
  await page.goto(`/w/${DEMO.workspace}`);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await shot(page, "signed-out");
  await page.goto(`/w/${DEMO.workspace}`);
  await expect(page).toHaveURL(/\/login$/);
});

test("the links table sorts by clicks and exports the same rows as CSV", async ({ page }) => {
  await page.goto(`/w/${DEMO.workspace}`);
  const table = page.getByTestId("links-table");
  await table.getByRole("link", { name: "Clicks" }).click();
  await expect(page).toHaveURL(/sort=clicks&dir=desc/);
  const clicks = (await table.getByTestId("link-clicks").allTextContents()).map(count);
  expect(clicks).toEqual([...clicks].sort((a, b) => b - a));
  const slugs = await table.locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-slug")));
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  const csv = (await (await page.request.get(href ?? "")).text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(csv[0]).toBe("Short URL,Slug,Destination,Creator,Clicks,Filtered,Created,Archived");
  // other specs add demo links meanwhile: the export holds the table's rows, in the table's order
  const exported = csv.slice(1).map((line) => line.split(",")[1]);
  expect(exported.filter((slug) => slugs.includes(slug ?? null))).toEqual(slugs);
});
