// The slug rule as visitors meet it: a short link typed with capitals (phones capitalise) reaches
// the same link; a look-alike (Cyrillic а), a dot, a slash or an escaped slash never reaches it —
// those get the friendly not-found page, not someone's link.
import { expect, test } from "@playwright/test";
import { DESKTOP_CHROME_UA, NOT_FOUND_HEADING } from "../support/env";
import { demoLinks } from "../support/helpers";

test("capitals reach the same link; look-alikes, dots and slashes reach none", async ({ page, request }) => {
  const link = (await demoLinks(request)).find((l) => l.slug.includes("-") && l.slug.includes("a"));
  if (!link) throw new Error("the demo has a hyphenated link with an a");
  const headers = { "user-agent": DESKTOP_CHROME_UA };
  const exact = await request.get(`/${link.slug}`, { maxRedirects: 0, headers });
  expect(exact.status()).toBe(302);
  const shouted = await request.get(`/${link.slug.toUpperCase()}`, { maxRedirects: 0, headers });
  expect(shouted.status()).toBe(302);
  // the same destination, but for the click id each visit gets
  const withoutClickId = (location: string) => location.replace(/([?&])cp_click=[^&]*/, "$1");
  expect(withoutClickId(shouted.headers().location!)).toBe(withoutClickId(exact.headers().location!));

  const lookalike = link.slug.replace("a", "\u0430"); // Cyrillic а
  for (const path of [encodeURI(`/${lookalike}`), `/${link.slug}.`, `/${link.slug.replace("-", ".")}`, `/${link.slug.replace("-", "/")}`, `/${link.slug.replace("-", "%2F")}`]) {
    const answer = await request.get(path, { maxRedirects: 0, headers });
    expect(answer.status(), path).toBe(404);
  }
  await page.goto(encodeURI(`/${lookalike}`));
  await expect(page.getByRole("heading", { name: NOT_FOUND_HEADING })).toBeVisible();
});
