// Signs in as the seeded demo user once and saves the session for the specs that need it
// (test.use({ storageState: DEMO_STATE })).
import fs from "node:fs";
import path from "node:path";
import { expect, test as setup } from "@playwright/test";
import { DEMO, DEMO_STATE } from "../support/env";
import { shot } from "../support/helpers";

setup("sign in as the demo user", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("E-mail", { exact: true }).fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await shot(page, "login");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${DEMO.workspace}$`));
  await expect(page.getByText(DEMO.email)).toBeVisible();
  fs.mkdirSync(path.dirname(DEMO_STATE), { recursive: true });
  await page.context().storageState({ path: DEMO_STATE });
});
