// Spec 7 — passwordless sign-in: ask for a link on /login, read the e-mail the app sent (through
// the SMTP sink started by playwright.config.ts), open the link, land signed in.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { BASE_URL, DEMO, SMTP_SINK_URL } from "../support/env";
import { shot } from "../support/helpers";
import type { SinkMessage } from "../support/smtp-sink";

async function inbox(request: APIRequestContext, email: string): Promise<SinkMessage[]> {
  const response = await request.get(`${SMTP_SINK_URL}/messages?to=${encodeURIComponent(email)}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { messages: SinkMessage[] }).messages;
}

test("a magic link from the sign-in page signs the demo user in", async ({ page, request, browser }) => {
  const before = (await inbox(request, DEMO.email)).length;

  await page.goto("/login");
  const magicForm = page.locator("form").filter({ has: page.getByRole("button", { name: "Email me a sign-in link" }) });
  // Its label must name its own input (soft, so the sign-in flow below is still checked).
  await expect
    .soft(magicForm.getByLabel("E-mail for the link"), "the label 'E-mail for the link' must point at the magic-link form's input")
    .toHaveCount(1, { timeout: 1_000 });
  await magicForm.locator('input[name="email"]').fill(DEMO.email);
  await magicForm.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status")).toHaveText("Check your inbox: we sent you a sign-in link.");
  // Auth.js is configured with pages.verifyRequest = /login?check-email=1 (soft: the mail is still checked).
  await expect.soft(page, "the address after asking for a link").toHaveURL(/\/login\?check-email=1$/, { timeout: 1_000 });
  await shot(page, "login-check-email");

  await expect.poll(async () => (await inbox(request, DEMO.email)).length, { timeout: 10_000 }).toBe(before + 1);
  const mail = (await inbox(request, DEMO.email)).at(-1);
  expect(mail?.subject).toBe("Your Clickproof sign-in link");
  const link = /https?:\/\/\S+\/api\/auth\/callback\/nodemailer\?\S+/.exec(mail?.text ?? "")?.[0];
  expect(link, `no sign-in link in:\n${mail?.text}`).toBeTruthy();
  const signInUrl = new URL(link ?? "");
  // The link points back at the app the request came to, for the address that asked.
  expect(signInUrl.origin).toBe(BASE_URL);
  expect(signInUrl.searchParams.get("email")).toBe(DEMO.email);
  expect(mail?.html).toContain(signInUrl.searchParams.get("token") ?? "<missing token>");

  await page.goto(signInUrl.toString());
  // The link's callbackUrl is /workspaces on this host, which sends the user on to their workspace
  // (soft, so the session itself is still checked below).
  await expect.soft(page, "where the sign-in link lands").toHaveURL(`${BASE_URL}/w/${DEMO.workspace}`, { timeout: 3_000 });
  // Signed in on the app's origin: the dashboard opens without asking for a password.
  if (!page.url().startsWith(`${BASE_URL}/w/`)) await page.goto("/workspaces");
  await expect(page).toHaveURL(`${BASE_URL}/w/${DEMO.workspace}`);
  await expect(page.getByText(DEMO.email)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Links", level: 1 })).toBeVisible();
  await shot(page, "magic-link-signed-in");

  // The link works once: opened again (in a fresh browser), it is refused.
  const other = await browser.newContext();
  const again = await other.newPage();
  await again.goto(signInUrl.toString());
  await expect(again).toHaveURL(/\/login\?error=Verification$/);
  await expect(again.getByRole("alert").first()).toHaveText("That sign-in link has expired or was already used. Ask for a new one.");
  await shot(again, "magic-link-reused");
  await other.close();
});

test("after asking for a link, the same screen still signs in with the password", async ({ page }) => {
  await page.goto("/login");
  const magicForm = page.locator("form").filter({ has: page.getByRole("button", { name: "Email me a sign-in link" }) });
  await magicForm.locator('input[name="email"]').fill(DEMO.email);
  await magicForm.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status")).toHaveText("Check your inbox: we sent you a sign-in link.");

  // The mail is slow to come, so the person uses their password instead.
  await page.getByLabel("E-mail", { exact: true }).fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page, "password sign-in from the check-your-inbox screen").toHaveURL(new RegExp(`/w/${DEMO.workspace}$`));
  await expect(page.getByText(DEMO.email)).toBeVisible();
});
