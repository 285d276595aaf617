// Creator performance pages: the brand turns on Maya's page; the page (and every request it
// makes) holds her own results and the campaign median, never another creator's name or link;
// rotating or revoking the link gives 404; Maya signs in with her registered e-mail and finds it.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { BASE_URL, DEMO, DEMO_STATE, NOT_FOUND_HEADING, SMTP_SINK_URL } from "../support/env";
import { shot } from "../support/helpers";
import type { SinkMessage } from "../support/smtp-sink";

test.use({ storageState: DEMO_STATE });

const MAYA = { name: "Maya Lopez", email: "maya.lopez@example.com" };
/** The other demo creators, by name and by the slug of their links: none may appear on her page. */
const OTHERS = ["Jordan Reed", "Priya Nair", "Lucas Martin", "Sofia Rossi", "Ethan Kim", "Amara Okafor"];
const OTHER_SLUGS = OTHERS.map((name) => name.toLowerCase().replace(" ", "-"));

async function openMayaProfile(page: Page) {
  await page.goto(`/w/${DEMO.workspace}/creators`);
  await page.getByRole("link", { name: MAYA.name }).first().click();
  await expect(page.getByRole("heading", { name: MAYA.name, level: 1 })).toBeVisible();
  // The page's buttons run client-side actions: wait until it is hydrated before clicking.
  await page.waitForLoadState("networkidle");
}

/** The link the brand's page shows once; `previous`: wait until it has been replaced. */
async function issuedLink(page: Page, previous?: string): Promise<string> {
  const link = page.getByTestId("creator-page-link");
  await expect(link).toHaveText(/\/creator\/cpp_\S+$/);
  if (previous) await expect(link).not.toHaveText(previous);
  return (await link.textContent())!.trim();
}

/** Turns Maya's page on (or issues a fresh link if it is already on) and returns the link. */
async function mayaPageLink(page: Page): Promise<string> {
  await openMayaProfile(page);
  const turnOn = page.getByRole("button", { name: "Turn on their page" });
  if (await turnOn.isVisible()) await turnOn.click();
  else await page.getByRole("button", { name: /Rotate link|Issue a new link/ }).click();
  return issuedLink(page);
}

function expectOnlyMaya(text: string, where: string) {
  for (const other of [...OTHERS, ...OTHER_SLUGS]) expect(text, `${where} mentions ${other}`).not.toContain(other);
}

async function inbox(request: APIRequestContext, email: string): Promise<SinkMessage[]> {
  const response = await request.get(`${SMTP_SINK_URL}/messages?to=${encodeURIComponent(email)}`);
  return ((await response.json()) as { messages: SinkMessage[] }).messages;
}

test.describe.configure({ mode: "serial" });

test("Maya's page by its secret link shows only her results; rotate and revoke close old links", async ({ page, browser }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  const link = await mayaPageLink(page);
  await expect(page.getByTestId("creator-page-settings")).toContainText(`${MAYA.email} can sign in at /creator`);
  await shot(page, "creator-page-brand-settings");

  // Maya opens it in her own browser; every response the page loads is kept and inspected.
  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const creatorPage = await visitor.newPage();
  const bodies: { url: string; text: string }[] = [];
  creatorPage.on("response", async (response) => {
    if (!response.url().startsWith(BASE_URL)) return;
    try {
      bodies.push({ url: response.url(), text: await response.text() });
    } catch {
      // redirects and aborted requests have no body
    }
  });
  const answer = await creatorPage.goto(link);
  expect(answer?.status()).toBe(200);
  await expect(creatorPage.getByRole("heading", { name: `${MAYA.name}: your results` })).toBeVisible();
  const launch = creatorPage.getByTestId("page-campaign").filter({ hasText: "Launch Week" });
  await expect(launch.getByTestId("figure-clicks")).toHaveText(/^\d[\d,]*$/);
  await expect(launch.getByTestId("median-clicks")).toContainText("Campaign median");
  await expect(launch.getByTestId("median-note")).toContainText("among the 5 creators");
  await expect(launch).toContainText("/maya-lopez");
  await creatorPage.waitForLoadState("networkidle");
  await shot(creatorPage, "creator-page");

  expectOnlyMaya(await creatorPage.content(), "the page");
  expect(bodies.length).toBeGreaterThan(1);
  for (const body of bodies) expectOnlyMaya(body.text, body.url);
  // Nothing of the brand's workspace beyond her own page: no navigation into it.
  await expect(creatorPage.locator(`a[href^="/w/"]`)).toHaveCount(0);

  // The brand rotates the link: the old one is not found, the new one works.
  await page.getByRole("button", { name: "Rotate link" }).click();
  const rotated = await issuedLink(page, link);
  expect((await creatorPage.goto(link))?.status()).toBe(404);
  await expect(creatorPage.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_HEADING);
  expect((await creatorPage.goto(rotated))?.status()).toBe(200);

  // Revoked: not found either.
  await page.getByRole("button", { name: "Revoke link" }).click();
  await expect(page.getByTestId("creator-page-settings")).toContainText("Secret link: revoked.");
  expect((await creatorPage.goto(rotated))?.status()).toBe(404);
  await visitor.close();
});

test("Maya signs in with her registered e-mail at /creator and finds the page given to it", async ({ page, browser, request }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  await mayaPageLink(page);

  const creator = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const maya = await creator.newPage();
  await maya.goto("/creator");
  await expect(maya.getByRole("heading", { name: "Your performance pages" })).toBeVisible();
  await shot(maya, "creator-sign-in");
  const before = (await inbox(request, MAYA.email)).length;
  await maya.getByLabel("Your e-mail").fill(MAYA.email);
  await maya.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(maya.getByText("Check your inbox: we sent you a sign-in link.")).toBeVisible();
  await expect.poll(async () => (await inbox(request, MAYA.email)).length, { timeout: 10_000 }).toBe(before + 1);
  const mail = (await inbox(request, MAYA.email)).at(-1);
  const signIn = /https?:\/\/\S+\/api\/auth\/callback\/nodemailer\?\S+/.exec(mail?.text ?? "")?.[0];
  expect(signIn, `no sign-in link in:\n${mail?.text}`).toBeTruthy();

  await maya.goto(signIn!);
  await expect(maya).toHaveURL(`${BASE_URL}/creator`);
  const pages = maya.getByTestId("creator-pages");
  await expect(pages.getByRole("listitem")).toHaveCount(1);
  await expect(pages).toContainText(DEMO.workspaceName);
  await expect(pages).toContainText(`As ${MAYA.name}`);
  await shot(maya, "creator-pages-list");
  await pages.getByRole("link").click();
  await expect(maya.getByRole("heading", { name: `${MAYA.name}: your results` })).toBeVisible();
  expectOnlyMaya(await maya.content(), "the signed-in page");
  // Signed in as a creator, the brand's workspace is still a 404.
  expect((await maya.goto(`/w/${DEMO.workspace}`))?.status()).toBe(404);
  await creator.close();
});
