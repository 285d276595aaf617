// Spec 4 — the redirect under a burst of simultaneous visits: every visitor is redirected, every
// human visit is counted exactly once, every bot / link preview / HEAD probe is counted apart, and
// unique visitors are the distinct (IP, user agent) pairs of the day.
import { expect, test } from "@playwright/test";
import { BASE_URL, LOOPBACK_URL } from "../support/env";
import { bearer, uniqueSuffix, type ApiLink } from "../support/helpers";

// Five real browsers; all requests come from the same loopback address, so five visitors.
const HUMAN_AGENTS = [
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15",
  "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
] as const;

const BOT_AGENTS = [
  "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
  "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
  "WhatsApp/2.23.20.0 A",
  "Twitterbot/1.0",
] as const;

const HUMANS = 150;
const BOTS_PER_AGENT = 10;
const HEAD_PROBES = 10; // HEAD with a normal browser UA: an unfurler probing, never a person
const FILTERED = BOT_AGENTS.length * BOTS_PER_AGENT + HEAD_PROBES;

test("200 simultaneous visits: all redirected, humans and bots counted exactly", async ({ request }) => {
  test.setTimeout(60_000);
  const slug = `burst-${uniqueSuffix()}`;
  const destination = "https://shop.example.com/burst?utm_source=e2e&utm_campaign=load";

  const created = await request.post("/api/v1/links", { headers: bearer(), data: { url: destination, slug } });
  expect(created.status()).toBe(201);
  const link = (await created.json()) as ApiLink;
  expect(link).toMatchObject({ slug, url: destination });
  // The short URL must be on the host the API was called on (soft: the burst below still runs).
  expect.soft(link.shortUrl, "shortUrl in the API response").toBe(`${BASE_URL}/${slug}`);
  expect(link.id).toEqual(expect.any(String));

  // The plan: 150 humans cycling through the five browsers, with one filtered visit (a preview
  // fetcher, or a HEAD probe) after every third human, so both kinds arrive together.
  type Visit = { kind: string; userAgent: string; method: "GET" | "HEAD" };
  const filtered: Visit[] = [
    ...BOT_AGENTS.flatMap((userAgent) => Array.from({ length: BOTS_PER_AGENT }, (): Visit => ({ kind: `bot ${userAgent}`, userAgent, method: "GET" }))),
    ...Array.from({ length: HEAD_PROBES }, (): Visit => ({ kind: "HEAD probe", userAgent: HUMAN_AGENTS[0], method: "HEAD" })),
  ];
  const plan: Visit[] = [];
  for (let i = 0; i < HUMANS; i++) {
    plan.push({ kind: `human ${i}`, userAgent: HUMAN_AGENTS[i % HUMAN_AGENTS.length] ?? HUMAN_AGENTS[0], method: "GET" });
    const extra = i % 3 === 2 ? filtered[(i - 2) / 3] : undefined;
    if (extra) plan.push(extra);
  }
  expect(plan).toHaveLength(HUMANS + FILTERED);

  // All 200 in flight at once.
  const pending = plan.map((visit) => ({
    kind: visit.kind,
    response: request.fetch(`${LOOPBACK_URL}/${slug}`, { method: visit.method, headers: { "User-Agent": visit.userAgent }, maxRedirects: 0 }),
  }));
  const responses = await Promise.all(pending.map(async ({ kind, response }) => ({ kind, response: await response })));
  // The demo workspace tracks conversions: each redirect carries its own click id.
  const lands = (location: string | undefined) => {
    if (!location?.startsWith(`${destination}&cp_click=`)) return false;
    return /^[A-Za-z0-9_-]{22}$/.test(new URL(location).searchParams.get("cp_click") ?? "");
  };
  const wrong = responses
    .filter(({ response }) => response.status() !== 302 || !lands(response.headers()["location"]))
    .map(({ kind, response }) => `${kind}: ${response.status()} → ${response.headers()["location"] ?? "(no location)"}`);
  expect(wrong, "every visit must be a 302 to the destination").toEqual([]);
  const clickIds = new Set(responses.map(({ response }) => new URL(response.headers()["location"] ?? "").searchParams.get("cp_click")));
  expect(clickIds.size, "every visit gets its own click id").toBe(HUMANS + FILTERED);
  for (const { response } of responses.slice(0, 5)) {
    // Nothing may cache a redirect, or later visits would never reach us to be counted.
    expect(response.headers()["cache-control"]).toContain("no-store");
  }

  const analytics = await request.get(`/api/v1/analytics?linkId=${link.id}`, { headers: bearer() });
  expect(analytics.status()).toBe(200);
  // the first API's fields (the answer has more since: groupBy, the range, the filters)
  expect(await analytics.json()).toMatchObject({
    linkId: link.id,
    since: expect.any(String),
    clicks: HUMANS,
    filteredClicks: FILTERED,
    uniqueClicks: new Set(HUMAN_AGENTS).size,
  });

  // The link list agrees with the analytics endpoint.
  const list = await request.get("/api/v1/links", { headers: bearer() });
  const listed = ((await list.json()) as { data: ApiLink[] }).data.find((candidate) => candidate.id === link.id);
  expect(listed).toMatchObject({ clicks: HUMANS, filteredClicks: FILTERED });
});
