// Spec 5 — managing links in the dashboard (demo session): bad input is refused with a readable
// message and creates nothing; editing the destination moves the redirect; archiving turns the
// short link into the friendly 404; restoring brings the redirect back.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { BASE_URL, DEMO, DEMO_STATE, NOT_FOUND_HEADING, SCREENS_DIR } from "../support/env";
import { startDestinationServer, type DestinationServer } from "../support/destination-server";
import { demoLinks, shot, uniqueSuffix } from "../support/helpers";

test.use({ storageState: DEMO_STATE });

let destination: DestinationServer;

test.beforeAll(async () => {
  destination = await startDestinationServer();
});

test.afterAll(async () => {
  await destination.close();
});

/**
 * Fills and submits the create form. The demo workspace has creators, so the form has a
 * Creator select; a creator is picked unless `creator` is null ("No creator").
 */
async function submitLink(page: Page, url: string, slug: string, creator: string | null = "Maya Lopez") {
  const form = page.getByRole("form", { name: "Create a link" });
  await form.getByLabel("Destination URL").fill(url);
  await form.getByLabel("Slug").fill(slug);
  await form.getByLabel("Creator").selectOption({ label: creator ?? "No creator" });
  await form.getByRole("button", { name: "Create link" }).click();
  return form;
}

test("invalid slugs and destinations are refused with a readable message", async ({ page, request }) => {
  // five submits, each looked at: past 30 s on CI's two cores beside the other specs
  test.setTimeout(90_000);
  const before = await demoLinks(request);
  const suffix = uniqueSuffix();
  await page.goto(`/w/${DEMO.workspace}`);
  await shot(page, "demo-links-before-create");

  const cases = [
    {
      name: "slug with a space and capitals",
      url: `https://shop.example.com/never-a-${suffix}`,
      slug: "Bad Slug",
      field: "slug",
      message: "Slug may use only lowercase letters, digits and single hyphens between them (e.g. maya-lopez)",
    },
    { name: "reserved slug", url: `https://shop.example.com/never-b-${suffix}`, slug: "login", field: "slug", message: "This slug is reserved for the app's own pages; choose another" },
    { name: "taken slug", url: `https://shop.example.com/never-c-${suffix}`, slug: "maya-lopez", field: "slug", message: '"maya-lopez" is already taken on this domain; choose another' },
    { name: "javascript: URL", url: "javascript:alert(document.cookie)", slug: `never-js-${suffix}`, field: "url", message: "Destination must use http or https, not javascript" },
    {
      name: "a URL on the app's own host",
      url: `${BASE_URL}/maya-lopez`,
      slug: `never-loop-${suffix}`,
      field: "url",
      message: "Destination cannot be a Clickproof short link or page (it would loop)",
    },
  ];
  for (const c of cases) {
    await test.step(c.name, async () => {
      const form = await submitLink(page, c.url, c.slug);
      await expect(form.getByRole("alert").first()).toHaveText("Please fix the highlighted fields.");
      await expect(page.getByTestId("created-short-url")).toHaveCount(0);
      // Soft, so every case is checked and reported even when one message is wrong.
      await expect.soft(form.locator(`#field-${c.field}-error`), `${c.name}: message under ${c.field}`).toHaveText(c.message);
      if (c.name === "taken slug") {
        // Only the slug has to change: the destination typed must still be there.
        await expect.soft(form.getByLabel("Destination URL"), "destination kept after a slug error").toHaveValue(c.url, { timeout: 1_000 });
      }
      // the form with its message (the whole page is the demo's long links table by now)
      await form.screenshot({ path: path.join(SCREENS_DIR, `links-invalid-${c.name.replace(/[^a-z]+/gi, "-").toLowerCase()}.png`) });
    });
  }

  // Nothing was created (other specs may add demo links meanwhile, so look for these attempts
  // specifically), and the taken slug still points where it did.
  const after = await demoLinks(request);
  const attempted = new Set(cases.flatMap((c) => [c.url, c.slug, c.slug.toLowerCase().replace(/\s+/g, "-")]));
  const previous = new Set(before.map((link) => link.id));
  const created = after.filter((link) => !previous.has(link.id) && (attempted.has(link.url) || attempted.has(link.slug)));
  expect(created).toEqual([]);
  expect(after.find((link) => link.slug === "maya-lopez")?.url).toBe(before.find((link) => link.slug === "maya-lopez")?.url);
  await page.reload();
  for (const c of cases) await expect(page.getByTestId("links-table")).not.toContainText(c.url.replace(/^https?:\/\//, ""));
});

test("a link with no creator can be created in a workspace that has creators", async ({ page, request }) => {
  const slug = `no-creator-${uniqueSuffix()}`;
  await page.goto(`/w/${DEMO.workspace}`);
  const form = await submitLink(page, "https://shop.example.com/no-creator", slug, null);
  await expect(form.getByRole("status").or(form.getByRole("alert").first())).toBeVisible();
  await shot(page, "links-create-no-creator");
  // "No creator" is the select's default: it must not make the form fail.
  await expect(form.getByRole("alert"), "the form reports an error for a link with no creator").toHaveCount(0);
  await expect(page.getByTestId("created-short-url")).toHaveText(`${BASE_URL}/${slug}`);
  expect((await demoLinks(request)).map((link) => link.slug)).toContain(slug);
});

test("edit the destination, archive and restore a link", async ({ page }) => {
  const slug = `edit-me-${uniqueSuffix()}`;
  const shortUrl = `${BASE_URL}/${slug}`;
  await page.goto(`/w/${DEMO.workspace}`);
  await submitLink(page, `${destination.origin}/first`, slug, "Sofia Rossi");
  await expect(page.getByTestId("created-short-url")).toHaveText(shortUrl);
  await expect(page.getByTestId("links-table").locator(`tr[data-slug="${slug}"]`)).toContainText("Sofia Rossi");

  const visitLandsOn = async (pathname: string) => {
    const response = await page.goto(shortUrl);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(destination.heading(pathname));
    expect(new URL(page.url()).pathname).toBe(pathname);
  };
  await visitLandsOn("/first");

  // Open the link's page from the table.
  await page.goto(`/w/${DEMO.workspace}`);
  await page.getByTestId("links-table").locator(`tr[data-slug="${slug}"]`).getByRole("link", { name: `/${slug}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: `/${slug}` })).toBeVisible();
  const linkPage = page.url();
  const editForm = page.getByRole("form", { name: "Edit destination" });

  // A bad destination is refused here too.
  await editForm.getByLabel("Destination URL").fill("javascript:alert(1)");
  await editForm.getByRole("button", { name: "Save destination" }).click();
  await expect(editForm.locator("#field-url-error")).toHaveText("Destination must use http or https, not javascript");
  await visitLandsOn("/first");

  // Edit: the short link now goes to the new destination.
  await page.goto(linkPage);
  await editForm.getByLabel("Destination URL").fill(`${destination.origin}/second`);
  await editForm.getByRole("button", { name: "Save destination" }).click();
  await expect(editForm.getByRole("status")).toHaveText("Destination updated. New clicks go there from now on.");
  await expect(page.getByText(`${shortUrl} → ${destination.origin}/second`)).toBeVisible();
  await shot(page, "link-destination-updated");
  await visitLandsOn("/second");

  // Archive: the short link shows the friendly not-found page.
  await page.goto(linkPage);
  await page.getByRole("button", { name: "Archive link" }).click();
  await expect(page.getByText("Archived", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Restore link" })).toBeVisible();
  await shot(page, "link-archived");
  const archived = await page.goto(shortUrl);
  expect(archived?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_HEADING);
  expect(page.url()).toBe(shortUrl);
  await shot(page, "short-link-archived-404");

  // It moved to the archived list.
  await page.goto(`/w/${DEMO.workspace}?view=archived`);
  await expect(page.getByTestId("links-table").locator(`tr[data-slug="${slug}"]`)).toBeVisible();
  await page.goto(`/w/${DEMO.workspace}`);
  await expect(page.getByTestId("links-table").locator(`tr[data-slug="${slug}"]`)).toHaveCount(0);

  // Restore: it redirects again, to the edited destination.
  await page.goto(linkPage);
  await page.getByRole("button", { name: "Restore link" }).click();
  await expect(page.getByRole("button", { name: "Archive link" })).toBeVisible();
  await expect(page.getByText("Archived", { exact: true })).toHaveCount(0);
  await visitLandsOn("/second");
});

test("an unknown short link shows the friendly 404 page", async ({ page }) => {
  const response = await page.goto(`/no-such-link-${uniqueSuffix()}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_HEADING);
  await expect(page.getByRole("link", { name: "Go to Clickproof →" })).toBeVisible();
  await shot(page, "short-link-unknown-404");
});
