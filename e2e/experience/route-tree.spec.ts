// Every page of the route tree at a phone, a tablet and a laptop width — signed out, signed in as
// the demo (Team), as a brand-new Free workspace, and a creator's own performance page: the page
// never scrolls sideways (wide tables scroll inside their own card) and axe-core finds no serious
// or critical accessibility violation. A screenshot of each is kept in e2e/.tmp/screens/ to look at.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO, DEMO_STATE } from "../support/env";
import { bearer, createWorkspace, demoLink, newAccount, shot, signUp, uniqueSuffix } from "../support/helpers";
import { fillTemplate, workspaceRouteTemplates } from "../support/routes";

const VIEWPORTS = [
  { name: "phone", width: 390, height: 844 },
  { name: "tablet", width: 768, height: 1024 },
  { name: "laptop", width: 1366, height: 900 },
] as const;

type Problem = string;
type Viewport = (typeof VIEWPORTS)[number];

/** Waits for the page's client-drawn charts, so axe and the screenshot see them. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  const charts = page.locator(".recharts-responsive-container");
  const count = await charts.count();
  for (let i = 0; i < count; i++) await expect(charts.nth(i).locator("svg").first()).toBeAttached();
}

/** What is wrong with the page open now: sideways overflow, and axe's serious and critical findings. */
async function problemsOf(page: Page, label: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  const { scrollWidth, innerWidth, culprits } = await page.evaluate(() => {
    const width = window.innerWidth;
    // the outermost elements reaching past the viewport, to say what overflows
    const wide = [...document.body.querySelectorAll<HTMLElement>("*")].filter((el) => el.getBoundingClientRect().right > width + 1);
    const outermost = wide.filter((el) => !wide.some((other) => other !== el && other.contains(el)) || el.children.length === 0).slice(0, 4);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: width,
      culprits: outermost.map((el) => `<${el.tagName.toLowerCase()} class="${el.className.toString().slice(0, 60)}">`),
    };
  });
  if (scrollWidth > innerWidth) problems.push(`${label}: page is ${scrollWidth}px wide in a ${innerWidth}px viewport (${culprits.join(", ")})`);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  for (const violation of axe.violations) {
    if (violation.impact !== "serious" && violation.impact !== "critical") continue;
    const targets = violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(" | ");
    problems.push(`${label}: axe ${violation.impact} ${violation.id} ×${violation.nodes.length} (${targets})`);
  }
  return problems;
}

/**
 * Opens each path at each of the given viewports in one page; returns every problem found (asserted
 * once, readably). The long walks take one viewport per test, so each has its own time budget.
 */
async function walk(page: Page, paths: readonly string[], screenshotPrefix: string, viewports: readonly Viewport[] = VIEWPORTS): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const viewport of viewports) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    for (const path of paths) {
      const answer = await page.goto(path);
      expect(answer?.status(), `${path} answers`).toBeLessThan(400);
      await settle(page);
      problems.push(...(await problemsOf(page, `${path} @${viewport.width}`)));
      if (viewport.name !== "tablet") {
        // named by the route, not its ids, so each run overwrites the last one's pictures
        const route = path.replace(/^\/w\/[^/]+/, "").replace(/cpp_[\w-]+/, "token").replace(/\bc[a-z0-9]{20,}\b/g, "id");
        const name = route.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "home";
        await shot(page, `tree-${screenshotPrefix}-${name}-${viewport.width}`);
      }
    }
  }
  return problems;
}

test.describe.configure({ mode: "parallel" });

test("signed out: landing, sign-in, sign-up, API reference, creator sign-in and not-found", async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const problems = await walk(page, ["/", "/login", "/signup", "/docs/api", "/creator"], "public");
  // the not-found page answers 404 on purpose: checked on its own
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    expect((await page.goto("/no-such-link-here"))?.status()).toBe(404);
    problems.push(...(await problemsOf(page, `not-found @${viewport.width}`)));
  }
  await context.close();
  expect(problems, problems.join("\n")).toEqual([]);
});

async function demoPaths(browser: Browser): Promise<string[]> {
  const context = await browser.newContext({ storageState: DEMO_STATE });
  const request = context.request;
  const api = async <T,>(p: string) => ((await (await request.get(p, { headers: bearer() })).json()) as { data: T[] }).data;
  const link = await demoLink(request, "maya-lopez");
  const campaign = (await api<{ id: string; name: string }>("/api/v1/campaigns")).find((c) => c.name === "Summer Sale");
  const creator = (await api<{ id: string; name: string }>("/api/v1/creators")).find((c) => c.name === "Maya Lopez");
  await context.close();
  const ids = { linkId: link.id, campaignId: campaign!.id, creatorId: creator!.id };
  const pages = workspaceRouteTemplates().filter((route) => route.kind === "page");
  return [...pages.map((route) => fillTemplate(route.template, DEMO.workspace, ids)), "/workspaces", "/workspaces/new", "/account"];
}

for (const viewport of VIEWPORTS) {
  test(`the demo workspace (Team): every page at ${viewport.width}px`, async ({ browser }) => {
    test.setTimeout(180_000);
    const paths = await demoPaths(browser);
    expect(paths.length).toBeGreaterThan(15);
    const context = await browser.newContext({ storageState: DEMO_STATE });
    const page = await context.newPage();
    const problems = await walk(page, paths, "demo", [viewport]);
    await context.close();
    expect(problems, problems.join("\n")).toEqual([]);
  });
}

for (const viewport of VIEWPORTS) {
  test(`a new Free workspace at ${viewport.width}px: every page, with its plan locks and empty states`, async ({ page }) => {
    test.setTimeout(180_000);
    await signUp(page, newAccount("tree"));
    const slug = await createWorkspace(page, `Tree ${uniqueSuffix()}`);
    const form = page.getByRole("form", { name: "Create a link" });
    await form.getByLabel("Destination URL").fill("https://shop.example.com/spring");
    await form.getByRole("button", { name: "Create link" }).click();
    await expect(page.getByTestId("created-short-url")).toBeVisible();
    await page.getByTestId("links-table").locator("tbody a").first().click();
    await expect(page).toHaveURL(/\/links\/[^/]+$/);
    const linkId = new URL(page.url()).pathname.split("/").pop()!;
    const pages = workspaceRouteTemplates()
      .filter((route) => route.kind === "page")
      // a Free workspace has no campaign or creator of its own: those pages are the demo's to walk
      .filter((route) => !/\[(campaignId|creatorId)\]/.test(route.template));
    const paths = [...pages.map((route) => fillTemplate(route.template, slug, { linkId })), "/workspaces", "/account"];
    const problems = await walk(page, paths, "free", [viewport]);
    expect(problems, problems.join("\n")).toEqual([]);
  });
}

test("a creator's performance page, by its secret link", async ({ browser }) => {
  test.setTimeout(120_000);
  const brand = await browser.newContext({ storageState: DEMO_STATE });
  const brandPage = await brand.newPage();
  brandPage.on("dialog", (dialog) => void dialog.accept());
  await brandPage.goto(`/w/${DEMO.workspace}/creators`);
  // Priya's page (the creator-page spec owns Maya's, whose link it rotates)
  await brandPage.getByRole("link", { name: "Priya Nair" }).first().click();
  await brandPage.waitForLoadState("networkidle");
  const turnOn = brandPage.getByRole("button", { name: "Turn on their page" });
  if (await turnOn.isVisible()) await turnOn.click();
  else await brandPage.getByRole("button", { name: /Rotate link|Issue a new link/ }).click();
  await expect(brandPage.getByTestId("creator-page-link")).toHaveText(/\/creator\/cpp_\S+$/);
  const link = (await brandPage.getByTestId("creator-page-link").textContent())!.trim();
  await brand.close();

  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await visitor.newPage();
  const problems = await walk(page, [new URL(link).pathname], "creator");
  await visitor.close();
  expect(problems, problems.join("\n")).toEqual([]);
});

test("on a phone the header folds into a menu that reaches every section, the account and sign-out", async ({ browser }) => {
  const context = await browser.newContext({ storageState: DEMO_STATE, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`/w/${DEMO.workspace}`);
  const sections = page.getByRole("navigation", { name: "Workspace" });
  // the desktop tabs are not shown; the menu button is
  await expect(sections).toHaveCount(0);
  const menu = page.locator("summary").filter({ hasText: "Menu" });
  await menu.click();
  await expect(sections).toBeVisible();
  await expect(page.getByRole("link", { name: "Your account" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await sections.getByRole("link", { name: "Compare" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${DEMO.workspace}/compare$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // it closes itself after the navigation
  await expect(sections).toHaveCount(0);
  await menu.click();
  await expect(sections.getByRole("link", { name: "Compare" })).toHaveAttribute("aria-current", "page");
  await context.close();
});
