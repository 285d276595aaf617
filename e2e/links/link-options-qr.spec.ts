// A link's life in the dashboard beyond its destination: tagged with the UTM builder, printed as a
// QR code whose scans come back as their own source, limited to a number of clicks (then the
// expired page), paused (the paused page, visits kept apart), with notes. In its own workspace, so
// the links it makes do not race other specs' views of the shared demo workspace.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { BASE_URL, DESKTOP_CHROME_UA } from "../support/env";
import { createWorkspace, newAccount, shot, signUp, uniqueSuffix } from "../support/helpers";
import { readQrPng } from "../../lib/testing/qr-reader";

/** A person following the short link (or its QR code); the redirect is not followed. */
async function follow(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0, headers: { "User-Agent": DESKTOP_CHROME_UA } });
  return { status: response.status(), location: response.headers().location, body: await response.text() };
}

test("UTM builder, QR code with scans apart, click limit, pause and notes", async ({ page, request }) => {
  const suffix = uniqueSuffix();
  const slug = `qr-${suffix}`;
  const short = `${BASE_URL}/${slug}`;

  await signUp(page, newAccount("qr"));
  await createWorkspace(page, `QR Co ${suffix}`);
  const form = page.getByRole("form", { name: "Create a link" });
  await form.getByLabel("Destination URL").fill("https://shop.example.com/spring?size=m");
  await form.getByText("UTM tags").click();
  await form.getByLabel("Source").fill("instagram");
  await form.getByLabel("Medium").fill("influencer");
  await form.getByLabel("Campaign").fill("spring drop");
  const destination = "https://shop.example.com/spring?size=m&utm_source=instagram&utm_medium=influencer&utm_campaign=spring%20drop";
  await expect(form.getByTestId("utm-preview")).toHaveText(destination);
  await expect(form.getByLabel("Destination URL")).toHaveValue(destination);
  await shot(page, "link-utm-builder");
  await form.getByLabel("Slug").fill(slug);
  await form.getByRole("button", { name: "Create link" }).click();
  await expect(form.getByTestId("created-short-url")).toHaveText(short);

  await page.getByTestId("links-table").locator(`tr[data-slug="${slug}"]`).getByRole("link", { name: `/${slug}` }).click();
  await expect(page.getByRole("heading", { name: `/${slug}` })).toBeVisible();

  // The QR code, downloaded as a PNG, decodes to the short URL with the scan marker.
  const qr = page.locator("section").filter({ has: page.getByRole("heading", { name: "QR code" }) });
  await expect(qr.getByText(`${short}?qr=1`)).toBeVisible();
  const href = await qr.getByRole("link", { name: "Download PNG" }).getAttribute("href");
  const png = await page.request.get(new URL(href!, BASE_URL).toString());
  expect(png.headers()["content-type"]).toBe("image/png");
  expect((await readQrPng(await png.body())).map((code) => code.text)).toEqual([`${short}?qr=1`]);

  // One scan and one click: both served, the scan's marker not passed on.
  expect(await follow(request, `${short}?qr=1`)).toMatchObject({ status: 302, location: expect.stringMatching(/^https:\/\/shop\.example\.com\/spring\?size=m&utm_source=instagram&utm_medium=influencer&utm_campaign=spring%20drop(&cp_click=[\w-]+)?$/) });
  expect((await follow(request, short)).status).toBe(302);
  await page.reload();
  await expect(page.getByTestId("stat-clicks")).toHaveText("2");
  const sources = page.getByRole("region", { name: "Sources" });
  await expect(sources).toContainText("QR scans");
  await expect(sources).toContainText("Link clicks");

  // Notes and a click limit of 3: one more click is served, the next gets the expired page.
  const options = page.getByRole("form", { name: "Link options" });
  await options.getByLabel("Notes").fill("Printed on the spring flyer; 3 clicks for the test.");
  await options.getByLabel("Expires after (clicks)").fill("0");
  await options.getByRole("button", { name: "Save options" }).click();
  await expect(options.locator("#field-maxClicks-error")).toContainText("at least 1");
  await options.getByLabel("Expires after (clicks)").fill("3");
  await options.getByRole("button", { name: "Save options" }).click();
  await expect(options.getByRole("status")).toHaveText("Link options saved.");
  await expect(page.getByTestId("link-notes")).toHaveText("Printed on the spring flyer; 3 clicks for the test.");
  expect((await follow(request, short)).status).toBe(302);
  const expired = await follow(request, short);
  expect(expired.status).toBe(410);
  expect(expired.body).toContain("This link has expired");
  await page.reload();
  await expect(page.getByTestId("link-state")).toHaveText("Expired");
  await expect(page.getByTestId("unserved-hits")).toContainText("1 visit after expiry");

  // Lift the limit, pause: the paused page, the visit kept apart; resume: served again.
  await options.getByLabel("Expires after (clicks)").fill("");
  await options.getByRole("button", { name: "Save options" }).click();
  await expect(options.getByRole("status")).toHaveText("Link options saved.");
  await page.getByRole("button", { name: "Pause link" }).click();
  await expect(page.getByTestId("link-state")).toHaveText("Paused");
  const paused = await follow(request, short);
  expect(paused.status).toBe(404);
  expect(paused.body).toContain("This link is paused");
  await page.reload();
  await expect(page.getByTestId("unserved-hits")).toContainText("1 visit while paused · 1 visit after expiry");
  await shot(page, "link-paused-with-options");
  await page.getByRole("button", { name: "Resume link" }).click();
  await expect(page.getByTestId("link-state")).toHaveCount(0);
  expect((await follow(request, short)).status).toBe(302);
  await page.reload();
  await expect(page.getByTestId("stat-clicks")).toHaveText("4");

});
