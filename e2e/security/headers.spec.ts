// Security headers on the app's pages: a per-response script nonce in a strict CSP (Next.js puts
// it on its own scripts, so pages hydrate and charts draw without one CSP violation), no framing,
// HSTS in production, nosniff and the referrer policy; redirects carry none of it.
import { expect, test, type Page } from "@playwright/test";
import { DEMO, DEMO_STATE, LOOPBACK_URL } from "../support/env";
import { shot } from "../support/helpers";

function watchViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) problems.push(message.text());
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

test.describe("signed in", () => {
  test.use({ storageState: DEMO_STATE });

  test("pages hydrate and draw their charts under the CSP, with no violation", async ({ page }) => {
    const problems = watchViolations(page);
    await page.goto(`/w/${DEMO.workspace}/campaigns`);
    await page.getByRole("link", { name: "Spring Drop" }).click();
    await page.locator(".recharts-surface").first().waitFor(); // client components ran
    await page.getByRole("navigation").getByRole("link", { name: "Compare" }).click();
    await expect(page.locator(".recharts-surface")).toHaveCount(2);
    await page.goto(`/w/${DEMO.workspace}`);
    await page.getByRole("link", { name: "Archived" }).click(); // client-side navigation
    await expect(page).toHaveURL(/view=archived/);
    await page.goto("/docs/api");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await shot(page, "api-reference-under-csp");
    expect(problems).toEqual([]);
  });

  test("markup injected into a page cannot run script", async ({ page }) => {
    const problems = watchViolations(page);
    await page.goto(`/w/${DEMO.workspace}`);
    // what a stored-XSS payload would do once rendered: an inline handler, an inline script
    await page.evaluate(() => {
      document.body.insertAdjacentHTML("beforeend", `<img src="/no-such-image.png" onerror="window.__injected = 'handler'">`);
      const script = document.createElement("div");
      script.innerHTML = "<script>window.__injected = 'script'</scr" + "ipt>";
      document.body.append(script);
    });
    await expect.poll(() => problems.some((p) => /Content Security Policy/i.test(p))).toBe(true);
    expect(await page.evaluate(() => (window as { __injected?: string }).__injected)).toBeUndefined();
  });
});

test("every page response carries the policy and a fresh nonce its scripts use", async ({ request }) => {
  const first = await request.get("/login");
  const second = await request.get("/login");
  const policy = first.headers()["content-security-policy"] ?? "";
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).toContain("object-src 'none'");
  expect(policy).not.toContain("unsafe-eval"); // the suite runs the production build
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(/'nonce-([^']+)'/.exec(second.headers()["content-security-policy"] ?? "")?.[1]).not.toBe(nonce);
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  const headers = first.headers();
  expect(headers["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");

  // The not-found page too; a short link's redirect needs no policy.
  expect((await request.get("/no-such-page-here")).headers()["content-security-policy"]).toContain("'nonce-");
  const redirect = await request.get(`${LOOPBACK_URL}/maya-lopez`, { maxRedirects: 0 });
  expect(redirect.status()).toBe(302);
  expect(redirect.headers()["content-security-policy"]).toBeUndefined();
});

test.describe("cookie-authenticated API writes (CSRF)", () => {
  test.use({ storageState: DEMO_STATE });

  test("are refused when the browser says they come from another site", async ({ request }) => {
    const url = `/api/v1/links/no-such-link?workspace=${DEMO.workspace}`;
    const data = { notes: "forged" };
    const crossSite = await request.patch(url, { data, headers: { "Sec-Fetch-Site": "cross-site", Origin: "https://evil.example" } });
    expect(crossSite.status()).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: { code: "forbidden" } });
    expect((await request.patch(url, { data, headers: { Origin: "https://evil.example" } })).status()).toBe(403);
    // the same call from our own pages (or a non-browser client) reaches the handler: this link is not found
    expect((await request.patch(url, { data, headers: { "Sec-Fetch-Site": "same-origin" } })).status()).toBe(404);
    expect((await request.patch(url, { data })).status()).toBe(404);
    // reads are never refused for it
    expect((await request.get(`/api/v1/links?workspace=${DEMO.workspace}`, { headers: { "Sec-Fetch-Site": "cross-site" } })).status()).toBe(200);
  });
});
