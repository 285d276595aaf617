// Passwords and e-mail links together. Someone who signs up with another person's address gets a
// session, but when the real owner first signs in with an e-mail link, that password is dropped and
// that session ends. And an e-mail link sign-in is the way to replace a forgotten password: for 15
// minutes the account page sets a new one without asking for the current one.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { BASE_URL, SMTP_SINK_URL } from "../support/env";
import { createWorkspace, newAccount, shot, signUp } from "../support/helpers";
import type { SinkMessage } from "../support/smtp-sink";

async function signInByEmailLink(page: Page, request: APIRequestContext, email: string): Promise<void> {
  const inbox = async () => {
    const response = await request.get(`${SMTP_SINK_URL}/messages?to=${encodeURIComponent(email)}`);
    return ((await response.json()) as { messages: SinkMessage[] }).messages;
  };
  const before = (await inbox()).length;
  await page.goto("/login");
  const magicForm = page.locator("form").filter({ has: page.getByRole("button", { name: "Email me a sign-in link" }) });
  await magicForm.locator('input[name="email"]').fill(email);
  await magicForm.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("status")).toHaveText("Check your inbox: we sent you a sign-in link.");
  await expect.poll(async () => (await inbox()).length, { timeout: 10_000 }).toBe(before + 1);
  const link = /https?:\/\/\S+\/api\/auth\/callback\/nodemailer\?\S+/.exec((await inbox()).at(-1)?.text ?? "")?.[0];
  expect(link).toBeTruthy();
  await page.goto(link!);
}

test("the real owner's first e-mail link sign-in ends a session made with a password someone else chose", async ({ page, browser, request }) => {
  const account = newAccount("squatted");
  await signUp(page, account); // the squatter, with a password of their choosing
  const slug = await createWorkspace(page, `Squatted ${Date.now()}`);

  const owner = await (await browser.newContext({ baseURL: BASE_URL })).newPage();
  await signInByEmailLink(owner, request, account.email);
  await expect(owner).toHaveURL(new RegExp(`/w/${slug}$`));

  await page.goto(`/w/${slug}`);
  await expect(page).toHaveURL(/\/login$/); // the squatter is out
  await owner.context().close();
});

test("after an e-mail link sign-in, a password is set or a forgotten one replaced without the current one", async ({ page, browser, request }) => {
  const account = newAccount("forgot");
  const first = await (await browser.newContext({ baseURL: BASE_URL })).newPage();
  await signUp(first, account);
  const slug = await createWorkspace(first, `Forgetful ${Date.now()}`);
  // the first link proves the address (and drops the unproven password): the account is link-only
  await signInByEmailLink(page, request, account.email);
  await expect(page).toHaveURL(new RegExp(`/w/${slug}$`));

  const setPassword = async (password: string, button: string) => {
    await page.goto("/account");
    const form = page.getByTestId("change-password");
    await expect(form.getByText("You signed in with an e-mail link just now")).toBeVisible();
    await expect(form.getByLabel("Current password")).toHaveCount(0);
    await form.getByLabel("New password", { exact: true }).fill(password);
    await form.getByLabel("New password again").fill(password);
    await form.getByRole("button", { name: button }).click();
    await expect(page).toHaveURL(/\/account\?password=changed$/);
  };
  await setPassword("my first real password", "Set password");
  await shot(page, "account-password-set-after-link");

  // forgotten: sign out, sign in with a link again (the password is kept now), choose a new one
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signInByEmailLink(page, request, account.email);
  await expect(page).toHaveURL(new RegExp(`/w/${slug}$`));
  const remembered = "remembered this time 2026";
  await setPassword(remembered, "Change password");

  await first.goto("/login");
  await first.getByLabel("E-mail", { exact: true }).fill(account.email);
  await first.getByLabel("Password").fill(remembered);
  await first.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(first).toHaveURL(new RegExp(`/w/${slug}$`));
  // a password sign-in is no proof of the address: the current password is asked
  await first.goto("/account");
  await expect(first.getByTestId("change-password").getByLabel("Current password")).toBeVisible();
  await first.context().close();
});
