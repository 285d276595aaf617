// The account page: changing the password ends the sessions on every other device (a second
// browser signed in as the same person is signed out at its next request) while this one stays
// in; the old password stops working; the rules are shown and refusals are readable; and "sign
// out everywhere" ends this session too.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { BASE_URL } from "../support/env";
import { createWorkspace, newAccount, shot, signUp, type Account } from "../support/helpers";

async function signIn(page: Page, account: Account, password = account.password) {
  await page.goto("/login");
  await page.getByLabel("E-mail", { exact: true }).fill(account.email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

async function secondBrowser(browser: Browser, account: Account): Promise<Page> {
  const context = await browser.newContext({ baseURL: BASE_URL });
  const page = await context.newPage();
  await signIn(page, account);
  await expect(page).toHaveURL(/\/w\/[a-z0-9-]+$/);
  return page;
}

test("changing the password signs out every other device and keeps this one", async ({ page, browser }) => {
  const account = newAccount("password");
  await signUp(page, account);
  const slug = await createWorkspace(page, `Password Brand ${Date.now()}`);
  const laptop = await secondBrowser(browser, account);

  await page.getByTestId("account-link").click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
  const form = page.getByTestId("change-password");
  await expect(form.getByRole("list", { name: "Password rules" })).toContainText("At least 10 characters");

  // refusals, each on its field, nothing changed
  await form.getByLabel("Current password").fill("not my password");
  await form.getByLabel("New password", { exact: true }).fill("a new passphrase 2026");
  await form.getByLabel("New password again").fill("a new passphrase 2026");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("This is not your current password")).toBeVisible();
  await form.getByLabel("Current password").fill(account.password);
  await form.getByLabel("New password", { exact: true }).fill("short");
  await form.getByLabel("New password again").fill("short");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("Password needs at least 10 characters")).toBeVisible();
  await form.getByLabel("Current password").fill(account.password);
  await form.getByLabel("New password", { exact: true }).fill("a new passphrase 2026");
  await form.getByLabel("New password again").fill("a new passphrase 2027");
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("The two new passwords are not the same")).toBeVisible();
  await shot(page, "account-password-refused");

  // the other browser is still in: nothing has changed yet
  await laptop.goto(`/w/${slug}`);
  await expect(laptop).toHaveURL(new RegExp(`/w/${slug}$`));

  const newPassword = "a new passphrase 2026";
  await form.getByLabel("Current password").fill(account.password);
  await form.getByLabel("New password", { exact: true }).fill(newPassword);
  await form.getByLabel("New password again").fill(newPassword);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/account\?password=changed$/);
  await expect(page.getByRole("status")).toContainText("Every other device was signed out");
  await shot(page, "account-password-changed");

  // this browser stays signed in; the other is signed out at its next request
  await page.goto(`/w/${slug}`);
  await expect(page).toHaveURL(new RegExp(`/w/${slug}$`));
  await laptop.goto(`/w/${slug}`);
  await expect(laptop).toHaveURL(/\/login$/);

  // the old password no longer signs in; the new one does
  await signIn(laptop, account);
  await expect(laptop.locator("form").getByRole("alert")).toHaveText("Wrong e-mail or password.");
  await signIn(laptop, account, newPassword);
  await expect(laptop).toHaveURL(new RegExp(`/w/${slug}$`));
  await laptop.context().close();
});

test("sign out everywhere ends every session, this one included", async ({ page, browser }) => {
  const account = newAccount("everywhere");
  await signUp(page, account);
  const slug = await createWorkspace(page, `Everywhere Brand ${Date.now()}`);
  const phone = await secondBrowser(browser, account);

  await page.goto("/account");
  await expect(page.getByTestId("account-workspaces")).toContainText("Everywhere Brand");
  await shot(page, "account-page");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/login\?signed-out=everywhere$/);
  await expect(page.getByRole("status")).toHaveText("You were signed out on every device.");

  await page.goto(`/w/${slug}`);
  await expect(page).toHaveURL(/\/login$/);
  await phone.goto(`/w/${slug}`);
  await expect(phone).toHaveURL(/\/login$/);
  await phone.context().close();
});
