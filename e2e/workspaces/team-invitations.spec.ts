// Teams: the demo owner invites a teammate as a viewer; the teammate signs up from the e-mailed
// invitation and lands in the workspace, can read but cannot write (no forms in the UI, 403 from
// the API); promoted to member they can; removed, the workspace is a 404 to them. Someone with the
// copied link and an account whose address is not verified confirms it by e-mail before joining.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO, DEMO_STATE, NOT_FOUND_HEADING, SMTP_SINK_URL } from "../support/env";
import { newAccount, shot } from "../support/helpers";
import type { SinkMessage } from "../support/smtp-sink";

test.use({ storageState: DEMO_STATE });

async function inbox(request: APIRequestContext, email: string): Promise<SinkMessage[]> {
  const response = await request.get(`${SMTP_SINK_URL}/messages?to=${encodeURIComponent(email)}`);
  return ((await response.json()) as { messages: SinkMessage[] }).messages;
}

/** The invitation link in an e-mail: the copied one plus the proof of the address. */
function linkIn(message: SinkMessage | undefined): string {
  const url = message?.text?.match(/https?:\/\/\S+\/invite\/inv_\S+/)?.[0];
  expect(url, "an invitation link in the e-mail").toBeTruthy();
  return url!;
}

async function invite(page: Page, email: string, role?: string): Promise<string> {
  await page.goto(`/w/${DEMO.workspace}/settings/members`);
  await page.getByLabel("E-mail").fill(email);
  if (role) await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Invite" }).click();
  const linkText = page.getByTestId("invitation-link");
  await expect(linkText).toHaveText(/\/invite\/inv_\S+$/);
  return (await linkText.textContent())!.trim();
}

test("an invited viewer joins, reads but cannot write; promoted they can; removed they are out", async ({ page, browser, request }) => {
  const teammate = newAccount("viewer");
  page.on("dialog", (dialog) => void dialog.accept());

  // The owner invites them as a viewer.
  await page.goto(`/w/${DEMO.workspace}/settings/members`);
  await expect(page.getByTestId("roles-table")).toContainText("Invite people, change roles, remove members");
  await page.getByLabel("E-mail").fill(teammate.email);
  await page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await page.getByRole("button", { name: "Invite" }).click();
  const linkText = page.getByTestId("invitation-link");
  await expect(linkText).toHaveText(/\/invite\/inv_\S+$/);
  const invitation = (await linkText.textContent())!.trim();
  await expect(page.getByText(`Invitation e-mailed to ${teammate.email}`)).toBeVisible();
  await expect(page.getByTestId("invitations-table")).toContainText(teammate.email);
  await shot(page, "members-invited");
  // SMTP is configured in this suite: the link arrived by e-mail, with the proof of the address
  // that the copied link does not carry.
  await expect.poll(async () => (await inbox(request, teammate.email)).length).toBe(1);
  const emailed = linkIn((await inbox(request, teammate.email))[0]);
  expect(emailed.startsWith(`${invitation}?proof=ivp_`), `${emailed} is the shown link with a proof`).toBe(true);
  expect(invitation).not.toContain("proof");

  // The only owner cannot leave.
  await page.getByRole("button", { name: "Leave workspace" }).click();
  await expect(page.getByText("You are the only owner: transfer ownership before leaving.")).toBeVisible();

  // The teammate opens the e-mailed link signed out, creates their account with the invited
  // address and joins: the e-mail proved the address.
  const guest = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const them = await guest.newPage();
  await them.goto(emailed);
  await expect(them.getByRole("heading", { name: `Join ${DEMO.workspaceName}` })).toBeVisible();
  await expect(them.getByText(`invited ${teammate.email} to join as Viewer`)).toBeVisible();
  await shot(them, "invitation-signed-out");
  await them.getByRole("link", { name: "Create an account" }).click();
  await expect(them.getByLabel("Work e-mail")).toHaveValue(teammate.email);
  await them.getByLabel("Your name").fill(teammate.name);
  await them.getByLabel("Password").fill(teammate.password);
  await them.getByRole("button", { name: "Create account" }).click();
  await expect(them).toHaveURL(new URL(emailed).pathname + new URL(emailed).search);
  await them.getByRole("button", { name: `Join ${DEMO.workspaceName}` }).click();
  await expect(them).toHaveURL(new RegExp(`/w/${DEMO.workspace}$`));

  // A viewer reads everything and is offered no way to write.
  await expect(them.getByRole("heading", { name: "Links", level: 1 })).toBeVisible();
  await expect(them.getByRole("button", { name: "Create link" })).toHaveCount(0);
  await them.goto(`/w/${DEMO.workspace}/campaigns`);
  await expect(them.getByRole("link", { name: "Summer Sale" })).toBeVisible();
  await expect(them.getByRole("link", { name: /New campaign/ })).toHaveCount(0);
  await them.goto(`/w/${DEMO.workspace}/settings/members`);
  await expect(them.getByTestId("members-table")).toContainText(teammate.email);
  await expect(them.getByRole("button", { name: "Invite" })).toHaveCount(0);
  await expect(them.getByRole("combobox")).toHaveCount(0);
  await shot(them, "members-as-viewer");
  // …and the server refuses writes anyway.
  const write = await them.request.post(`/api/v1/links?workspace=${DEMO.workspace}`, { data: { url: "https://example.com/viewer" } });
  expect(write.status()).toBe(403);
  expect(((await write.json()) as { error: { code: string } }).error.code).toBe("forbidden");

  // The owner makes them a member: the create form appears for them.
  await page.reload();
  const row = page.getByTestId("member-row").filter({ hasText: teammate.email });
  await row.getByRole("combobox").selectOption("member");
  await expect(row.getByText("Saved")).toBeVisible();
  await them.goto(`/w/${DEMO.workspace}`);
  await expect(them.getByRole("button", { name: "Create link" })).toBeVisible();

  // Removed, the workspace no longer exists for them.
  await row.getByRole("button", { name: "Remove" }).click();
  await expect(page.getByTestId("member-row").filter({ hasText: teammate.email })).toHaveCount(0);
  const gone = await them.goto(`/w/${DEMO.workspace}`);
  expect(gone?.status()).toBe(404);
  await expect(them.getByRole("heading", { level: 1 })).toHaveText(NOT_FOUND_HEADING);
  // The invitation was used once; it does not let them back in.
  await them.goto(invitation);
  await expect(them.getByText("This invitation has already been used.")).toBeVisible();
  await guest.close();
});

test("a withdrawn invitation is not found; one for another address is refused to whoever is signed in", async ({ page }) => {
  page.on("dialog", (dialog) => void dialog.accept());
  const other = newAccount("someone");
  const forOther = await invite(page, other.email);
  // The demo user is signed in, with another address.
  await page.goto(forOther);
  await expect(page.getByText(`You are signed in as ${DEMO.email}, but this invitation is for ${other.email}.`)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Join/ })).toHaveCount(0);
  await shot(page, "invitation-wrong-account");

  await page.goto(`/w/${DEMO.workspace}/settings/members`);
  await page.getByTestId("invitations-table").getByRole("row").filter({ hasText: other.email }).getByRole("button", { name: "Withdraw" }).click();
  await expect(page.getByTestId("invitations-table").getByRole("row").filter({ hasText: other.email })).toHaveCount(0);
  const response = await page.goto(forOther);
  expect(response?.status()).toBe(404);
});

test("the copied link with an unverified account: the address is confirmed by e-mail before joining", async ({ page, browser, request }) => {
  const teammate = newAccount("copied");
  const copied = await invite(page, teammate.email, "viewer");
  await expect.poll(async () => (await inbox(request, teammate.email)).length).toBe(1);

  // They sign up from the copied link: holding it is not proof that the address is theirs.
  const guest = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const them = await guest.newPage();
  await them.goto(copied);
  await them.getByRole("link", { name: "Create an account" }).click();
  await them.getByLabel("Your name").fill(teammate.name);
  await them.getByLabel("Password").fill(teammate.password);
  await them.getByRole("button", { name: "Create account" }).click();
  await expect(them).toHaveURL(new URL(copied).pathname);
  const confirm = them.getByTestId("confirm-address");
  await expect(confirm).toContainText(`Before you join, confirm that ${teammate.email} is yours.`);
  await expect(them.getByRole("button", { name: /^Join/ })).toHaveCount(0);
  await shot(them, "invitation-confirm-address");
  // not a member yet: the workspace is a 404 to them
  expect((await them.request.get(`/w/${DEMO.workspace}`)).status()).toBe(404);

  await confirm.getByRole("button", { name: "E-mail me a confirmation link" }).click();
  await expect(confirm.getByText(`Sent to ${teammate.email}.`)).toBeVisible();
  await shot(them, "invitation-confirmation-sent");
  await them.setViewportSize({ width: 390, height: 844 });
  await shot(them, "invitation-confirmation-sent-390");
  await them.setViewportSize({ width: 1280, height: 900 });
  // a second ask within the minute is refused, without a second e-mail
  await confirm.getByRole("button", { name: "Send it again" }).click();
  await expect(confirm.getByText(/sent less than a minute ago/)).toBeVisible();
  await expect.poll(async () => (await inbox(request, teammate.email)).length).toBe(2);
  const confirmation = (await inbox(request, teammate.email)).find((message) => message.subject?.startsWith("Confirm your address"));
  const link = linkIn(confirmation);

  // The invitation e-mail's own proof was replaced by the newer one: it says so.
  await them.goto(linkIn((await inbox(request, teammate.email)).find((message) => message !== confirmation)));
  await expect(confirm.getByText("This confirmation link has been replaced by a newer one.")).toBeVisible();

  await them.goto(link);
  await them.getByRole("button", { name: `Join ${DEMO.workspaceName}` }).click();
  await expect(them).toHaveURL(new RegExp(`/w/${DEMO.workspace}$`));
  await expect(them.getByRole("heading", { name: "Links", level: 1 })).toBeVisible();
  await guest.close();
});
