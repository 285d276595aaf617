// A workspace's own data, from the owner's settings: "Export all data" downloads one ZIP with every
// table (the link and its click included), and deleting the workspace — after a wrong
// confirmation is refused — removes it with everything in it: its pages answer 404 and its short
// link stops redirecting at once.
import { unzipSync } from "fflate";
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { createWorkspace, newAccount, shot, signUp, uniqueSuffix } from "../support/helpers";

test("the owner exports everything, then deletes the workspace and its links stop", async ({ page, request }) => {
  const account = newAccount("leaver");
  await signUp(page, account);
  const workspace = await createWorkspace(page, `Leaving Brand ${uniqueSuffix()}`);

  const slug = `leaving-${uniqueSuffix()}`;
  const form = page.getByRole("form", { name: "Create a link" });
  await form.getByLabel("Destination URL").fill("https://shop.example.com/spring");
  await form.getByLabel("Slug").fill(slug);
  await form.getByRole("button", { name: "Create link" }).click();
  await expect(page.getByRole("cell", { name: new RegExp(slug) }).first()).toBeVisible();
  const visit = await request.get(`/${slug}`, { maxRedirects: 0, headers: { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36" } });
  expect(visit.status()).toBe(302);

  await page.goto(`/w/${workspace}/settings`);
  await expect(page.getByRole("heading", { name: "Your data" })).toBeVisible();
  await shot(page, "settings-your-data");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-workspace").click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^clickproof-${workspace}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
  const files = unzipSync(new Uint8Array(fs.readFileSync(await download.path())));
  const text = (name: string) => new TextDecoder().decode(files[name]);
  expect(Object.keys(files)).toEqual(expect.arrayContaining(["README.txt", "workspace.json", "links.csv", "clicks.csv", "members.csv", "creators.csv", "campaigns.csv", "conversions.csv"]));
  expect(text("links.csv")).toContain(slug);
  expect(text("clicks.csv").trim().split("\n")).toHaveLength(2); // the header and the one visit
  expect(text("members.csv")).toContain(account.email);
  expect(JSON.parse(text("workspace.json"))).toMatchObject({ slug: workspace });

  const danger = page.getByTestId("delete-workspace");
  await danger.getByLabel(`Type ${workspace} to confirm`).fill("not-this-one");
  await danger.getByRole("button", { name: /Delete .* and all its data/ }).click();
  await expect(danger.getByText(`That is not this workspace's address; type ${workspace} exactly`)).toBeVisible();
  await shot(page, "settings-delete-refused");
  expect((await request.get(`/${slug}`, { maxRedirects: 0 })).status()).toBe(302); // still there

  await danger.getByLabel(`Type ${workspace} to confirm`).fill(workspace);
  await danger.getByRole("button", { name: /Delete .* and all its data/ }).click();
  await expect(page).toHaveURL(/\/account\?deleted=1$/);
  await expect(page.getByRole("status")).toHaveText("The workspace was deleted, with all its data.");
  await expect(page.getByTestId("account-workspaces")).toHaveCount(0);
  await shot(page, "account-after-delete");

  expect((await page.goto(`/w/${workspace}`))?.status()).toBe(404);
  expect((await request.get(`/${slug}`, { maxRedirects: 0 })).status()).toBe(404);
});
