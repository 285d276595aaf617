// A brand serves its links on its own domain: on Free the domains page says which plans include
// them; on Single it adds go.<brand>, is shown the DNS records, fails to verify until the TXT
// record exists (the fake DNS file stands in for its DNS provider), then verifies, sets a
// fallback, creates a link on the domain, and a visitor's request with that Host is redirected and
// counted. Its own workspace: a branded domain in the shared demo workspace would become the
// default of every other spec's link form.
import fs from "node:fs";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { APP_PORT, DESKTOP_CHROME_UA, DNS_RECORDS_FILE } from "../support/env";
import { createWorkspace, newAccount, shot, signUp, uniqueSuffix, upgradeThroughCheckout } from "../support/helpers";

type Zone = Record<string, Record<string, string[]>>;
function addRecords(zone: Zone): void {
  const current: Zone = fs.existsSync(DNS_RECORDS_FILE) ? (JSON.parse(fs.readFileSync(DNS_RECORDS_FILE, "utf8")) as Zone) : {};
  fs.mkdirSync(new URL(".", `file://${DNS_RECORDS_FILE}`).pathname, { recursive: true });
  fs.writeFileSync(DNS_RECORDS_FILE, JSON.stringify({ ...current, ...zone }, null, 2));
}

/** A visitor's request reaching the app for `host` (as it would behind the brand's CNAME). */
function visit(host: string, path: string): Promise<{ status: number; location: string | undefined; hsts?: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: APP_PORT, path, method: "GET", headers: { Host: host, "User-Agent": DESKTOP_CHROME_UA } }, (res) => {
      res.resume();
      const hsts = res.headers["strict-transport-security"];
      res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location, ...(hsts ? { hsts } : {}) }));
    });
    req.on("error", reject);
    req.end();
  });
}

test("add a branded domain, verify it through DNS, and serve a creator's link on it", async ({ page }) => {
  const suffix = uniqueSuffix();
  const host = `go-${suffix}.brand-e2e.com`;
  const slug = `maya-${suffix}`;
  const destination = `https://shop.brand-e2e.com/spring?ref=${suffix}`;

  await signUp(page, newAccount("domains"));
  const workspace = await createWorkspace(page, `Domain Co ${suffix}`);
  await page.goto(`/w/${workspace}/settings/domains`);
  await expect(page.getByTestId("plan-locked")).toContainText("Branded domains come with the Single (1) and Team (5) plans.");
  await expect(page.getByRole("form", { name: "Add a domain" })).toHaveCount(0);
  await shot(page, "domains-free");

  await upgradeThroughCheckout(page, workspace, "Single");
  await page.goto(`/w/${workspace}/settings/domains`);
  await expect(page.getByRole("heading", { name: "Branded domains" })).toBeVisible();
  const add = page.getByRole("form", { name: "Add a domain" });
  // a bad name is refused with a readable message
  await add.getByLabel("Domain").fill(`${host}/spring`);
  await add.getByRole("button", { name: "Add domain" }).click();
  await expect(add.locator("#field-hostname-error")).toContainText("Enter only the domain");

  await add.getByLabel("Domain").fill(`https://${host.toUpperCase()}/`);
  await add.getByRole("button", { name: "Add domain" }).click();
  const card = page.getByRole("region", { name: host });
  await expect(card.getByTestId("domain-status")).toHaveText("Pending verification");
  // Single includes one domain: no form for a second
  await expect(page.getByRole("form", { name: "Add a domain" })).toHaveCount(0);
  await expect(page.getByText("The Single plan includes 1 domain. Team allows 5.")).toBeVisible();
  await expect(card).toContainText("No TXT record found");
  await expect(card.getByTestId("record-CNAME")).toHaveText("cname.clickproof.test");
  const txt = (await card.getByTestId("record-TXT").textContent()) ?? "";
  expect(txt).toMatch(/^clickproof-verify=[0-9a-f]{32}$/);
  await shot(page, "domains-pending");

  // the brand creates the records at its DNS provider; verification now succeeds
  addRecords({ [`_clickproof.${host}`]: { TXT: [txt] }, [host]: { CNAME: ["cname.clickproof.test."] } });
  await card.getByRole("button", { name: "Verify now" }).click();
  await expect(card.getByTestId("domain-status")).toHaveText("Verified");
  await expect(card.getByRole("status")).toHaveText(`${host} is verified.`);

  const fallback = card.getByRole("form", { name: "Fallback URL" });
  await fallback.getByLabel("Fallback URL").fill("https://brand-e2e.com/");
  await fallback.getByRole("button", { name: "Save" }).click();
  await expect(fallback).toContainText("Fallback saved.");
  await shot(page, "domains-verified");

  // a link on the domain, made in the dashboard
  await page.goto(`/w/${workspace}`);
  const form = page.getByRole("form", { name: "Create a link" });
  await expect(form.getByLabel("Domain")).toHaveValue(host); // a brand's domain is the default once verified
  await form.getByLabel("Destination URL").fill(destination);
  await form.getByLabel("Slug").fill(slug);
  await form.getByRole("button", { name: "Create link" }).click();
  await expect(form.getByTestId("created-short-url")).toHaveText(`https://${host}/${slug}`);

  // a visitor on the branded host is redirected and counted; the root and unknown slugs go to the fallback
  const served = await visit(host, `/${slug}`);
  expect(served.status).toBe(302);
  expect(served.location?.startsWith(destination)).toBe(true);
  expect(await visit(host, "/")).toEqual({ status: 302, location: "https://brand-e2e.com/" });
  expect(await visit(host, "/not-a-link")).toEqual({ status: 302, location: "https://brand-e2e.com/" });
  // the same slug on the app's own host is not this link
  // the app's own host has no such link; it pins HTTPS (production), which a brand's host never gets
  expect(await visit(`localhost:${APP_PORT}`, `/${slug}`)).toEqual({ status: 404, location: undefined, hsts: "max-age=63072000; includeSubDomains" });

  await page.getByTestId("links-table").locator(`tr[data-slug="${slug}"]`).getByRole("link", { name: `/${slug}` }).click();
  await expect(page.getByText(`https://${host}/${slug}`).first()).toBeVisible();
  await expect(page.getByTestId("stat-clicks")).toHaveText("1");
  await shot(page, "domain-link-page");

  // removing the domain stops it at once
  await page.goto(`/w/${workspace}/settings/domains`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("region", { name: host }).getByRole("button", { name: "Remove domain" }).click();
  await expect(page.getByRole("region", { name: host })).toHaveCount(0);
  // the removed host serves nothing at all now: not the link, not the fallback, not the app's pages (and no HSTS on it)
  expect(await visit(host, `/${slug}`)).toEqual({ status: 404, location: undefined });
  expect(await visit(host, "/")).toEqual({ status: 404, location: undefined });
  expect(await visit(host, "/login")).toEqual({ status: 404, location: undefined });
});
