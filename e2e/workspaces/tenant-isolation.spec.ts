// Spec 3 — one customer can never see or touch another's workspace: not through pages, not
// with a session on the API, not with their own API key. Everything foreign is a plain 404 (the
// same answer as "does not exist", so URLs reveal nothing).
import { expect, test, type Page } from "@playwright/test";
import { BASE_URL, DEMO, NOT_FOUND_HEADING } from "../support/env";
import { bearer, createWorkspace, demoLink, newAccount, shot, signUp, uniqueSuffix, upgradeThroughCheckout } from "../support/helpers";

async function expectNotFoundPage(page: Page, path: string, screenshot?: string) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} should answer 404`).toBe(404);
  await expect(page).toHaveURL(`${BASE_URL}${path}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_HEADING);
  // Nothing of the demo workspace leaks into the page.
  await expect(page.locator("body")).not.toContainText(DEMO.workspaceName);
  await expect(page.locator("body")).not.toContainText("maya-lopez");
  if (screenshot) await shot(page, screenshot);
}

test("another customer gets 404s for the demo workspace in pages and the API", async ({ page, request, playwright }) => {
  const demoMaya = await demoLink(request, "maya-lopez");
  const demoEthan = await demoLink(request, "ethan-kim");

  const intruder = newAccount("intruder");
  await signUp(page, intruder);
  const ownSlug = await createWorkspace(page, `Intruder ${uniqueSuffix()}`);

  // Pages of the demo workspace, and a demo link id inside the intruder's own workspace.
  await expectNotFoundPage(page, `/w/${DEMO.workspace}`, "isolation-foreign-workspace-404");
  await expectNotFoundPage(page, `/w/${DEMO.workspace}/settings`);
  await expectNotFoundPage(page, `/w/${DEMO.workspace}/links/${demoMaya.id}`);
  await expectNotFoundPage(page, `/w/${ownSlug}/links/${demoMaya.id}`);

  // The intruder's session on the API, naming the demo workspace.
  const sessionProbe = await page.request.get(`/api/v1/links?workspace=${DEMO.workspace}`);
  expect(sessionProbe.status()).toBe(404);

  // An API key the intruder creates for their own workspace (the API needs a paid plan), through
  // the settings page.
  await upgradeThroughCheckout(page, ownSlug, "Single");
  await page.goto(`/w/${ownSlug}/settings`);
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
  await page.getByLabel("Key name").fill("Isolation probe");
  await page.getByRole("button", { name: "Create API key" }).click();
  const keyLocator = page.getByTestId("new-api-key");
  await expect(keyLocator).toHaveText(/^cp_\S{20,}$/);
  const intruderKey = (await keyLocator.textContent())?.trim() ?? "";
  await expect(page.getByTestId("api-keys-table")).toContainText("Isolation probe");
  await shot(page, "settings-api-key-created");

  // The key works for the intruder's own workspace…
  const own = await request.get("/api/v1/links", { headers: bearer(intruderKey) });
  expect(own.status()).toBe(200);
  expect(((await own.json()) as { data: unknown[] }).data).toEqual([]);

  // …and sees nothing of the demo workspace, reading or writing.
  for (const path of [`/api/v1/analytics?linkId=${demoMaya.id}`, `/api/v1/links/${demoMaya.id}`]) {
    const response = await request.get(path, { headers: bearer(intruderKey) });
    expect(response.status(), `GET ${path} with a foreign key`).toBe(404);
    expect(JSON.stringify(await response.json())).not.toContain("maya-lopez");
  }
  const patch = await request.patch(`/api/v1/links/${demoEthan.id}`, {
    headers: bearer(intruderKey),
    data: { url: "https://attacker.example/phish" },
  });
  expect(patch.status()).toBe(404);
  const archive = await request.delete(`/api/v1/links/${demoEthan.id}`, { headers: bearer(intruderKey) });
  expect(archive.status()).toBe(404);

  // The demo key still sees its link, unchanged.
  const analytics = await request.get(`/api/v1/analytics?linkId=${demoMaya.id}`, { headers: bearer() });
  expect(analytics.status()).toBe(200);
  const totals = (await analytics.json()) as { linkId: string; clicks: number };
  expect(totals.linkId).toBe(demoMaya.id);
  expect(totals.clicks).toBeGreaterThan(0);
  const ethan = await request.get(`/api/v1/links/${demoEthan.id}`, { headers: bearer() });
  expect(ethan.status()).toBe(200);
  expect(await ethan.json()).toMatchObject({ id: demoEthan.id, slug: "ethan-kim", url: demoEthan.url, archived: false });

  // No credentials at all, or a made-up key: 401. (A fresh context: no cookies, no headers.)
  const anonymous = await playwright.request.newContext({ baseURL: BASE_URL });
  for (const path of ["/api/v1/links", `/api/v1/links/${demoMaya.id}`, `/api/v1/analytics?linkId=${demoMaya.id}`]) {
    const response = await anonymous.get(path);
    expect(response.status(), `GET ${path} without a key`).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
  }
  const madeUp = await anonymous.get("/api/v1/links", { headers: bearer("cp_made_up_key_000000000000000000") });
  expect(madeUp.status()).toBe(401);
  await anonymous.dispose();
});
