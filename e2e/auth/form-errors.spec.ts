// Spec 2 — what people see when sign-in or sign-up input is wrong: readable messages, on the
// same page, and no account created.
import { expect, test, type Page } from "@playwright/test";
import { DEMO } from "../support/env";
import { newAccount, shot } from "../support/helpers";

test.describe("sign-in", () => {
  test("a wrong password keeps you on /login with a readable message", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("E-mail", { exact: true }).fill(DEMO.email);
    await page.getByLabel("Password").fill("not-the-demo-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong e-mail or password.");
    await expect(page).toHaveURL(/\/login$/);
    await shot(page, "login-wrong-password");

    // Still signed out: the dashboard sends us back to the sign-in page.
    await page.goto("/w/demo");
    await expect(page).toHaveURL(/\/login$/);
  });

  test("an unknown e-mail gets the same message (no account enumeration)", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("E-mail", { exact: true }).fill(`nobody-${Date.now()}@example.test`);
    await page.getByLabel("Password").fill("whatever-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong e-mail or password.");
    await expect(page).toHaveURL(/\/login$/);
  });
});

test.describe("sign-up", () => {
  async function submitSignUp(page: Page, email: string, password: string) {
    await page.goto("/signup");
    await page.getByLabel("Your name").fill("Form Errors");
    await page.getByLabel("Work e-mail").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
  }

  const emailError = (page: Page) => page.locator("#field-email-error");
  const passwordError = (page: Page) => page.locator("#field-password-error");

  test("an e-mail that already has an account", async ({ page }) => {
    await submitSignUp(page, DEMO.email, "a-long-enough-password");
    await expect(emailError(page)).toHaveText("An account with this e-mail already exists — sign in instead");
    await expect(page.getByLabel("Work e-mail")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Please fix the highlighted fields.")).toBeVisible();
    await expect(page).toHaveURL(/\/signup$/);
    await shot(page, "signup-existing-email");
  });

  test("a password that is too short", async ({ page }) => {
    const account = newAccount("short-password");
    await submitSignUp(page, account.email, "short");
    await expect(passwordError(page)).toHaveText("Password needs at least 10 characters");
    await expect(emailError(page)).toHaveCount(0);
    await expect(page).toHaveURL(/\/signup$/);
    await shot(page, "signup-short-password");
    // Only the password was wrong: what else was typed must still be there (soft: the rest still runs).
    await expect.soft(page.getByLabel("Work e-mail"), "e-mail kept after a password error").toHaveValue(account.email, { timeout: 1_000 });
    await expect.soft(page.getByLabel("Your name"), "name kept after a password error").toHaveValue("Form Errors", { timeout: 1_000 });
    // Nothing was created: signing in with that e-mail fails.
    await page.goto("/login");
    await page.getByLabel("E-mail", { exact: true }).fill(account.email);
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong e-mail or password.");
  });

  test("a malformed e-mail", async ({ page }) => {
    await submitSignUp(page, "not-an-e-mail", "a-long-enough-password");
    await expect(emailError(page)).toHaveText("Enter a valid e-mail address");
    await expect(passwordError(page)).toHaveCount(0);
    await expect(page).toHaveURL(/\/signup$/);
    await shot(page, "signup-malformed-email");
  });
});
