// Conversions through the real route handlers and API keys: attribution by click id and promo
// code, the window, unknown and foreign click ids, idempotency, reversals, bad input, the plan.
// Every answer is also checked against the OpenAPI document (lib/testing/api-client.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { makeWorkspace, refusal, testHosts } from "@/lib/testing/fixtures";
import { api } from "@/lib/testing/api-client";

connectTestDatabase();
const { serveShortLink } = await import("@/lib/redirect/serve-short-link");
const { createLink } = await import("@/lib/links/create-link");
const { updateLinkPost } = await import("@/lib/links/update-link");
const { createCampaign } = await import("@/lib/campaigns/campaigns");
const { createPromoCode } = await import("@/lib/conversions/promo-codes");
const { getDb, getPool } = await import("@/lib/db");

const send = (path: string, key: string, body: unknown) => api("POST", path, { key, ...(typeof body === "string" ? { rawBody: body } : { body }) });
const convert = (key: string, body: unknown) => send("/api/v1/conversions", key, body);
const reverse = (key: string, body: unknown) => send("/api/v1/conversions/reversals", key, body);

async function visit(slug: string): Promise<string> {
  const outcome = await serveShortLink({ domain: "", slug, method: "GET", search: "", headers: new Headers({ "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Safari/604.1", "x-forwarded-for": "81.2.69.142" }) });
  if (outcome.kind !== "redirect") throw new Error(`expected a redirect, got ${outcome.kind}`);
  return outcome.clickId;
}

describe("POST /api/v1/conversions", () => {
  let brand: Awaited<ReturnType<typeof makeWorkspace>>;
  let other: Awaited<ReturnType<typeof makeWorkspace>>;
  const ids = { maya: "", sofia: "", campaign: "", link: "" };

  beforeAll(async () => {
    await truncateAll();
    brand = await makeWorkspace("Brand");
    other = await makeWorkspace("Other brand");
    const db = getDb();
    ids.maya = (await db.creator.create({ data: { workspaceId: brand.workspace.id, name: "Maya Lopez" } })).id;
    ids.sofia = (await db.creator.create({ data: { workspaceId: brand.workspace.id, name: "Sofia Rossi" } })).id;
    ids.campaign = (await createCampaign(brand.workspace.id, { name: "Spring", objective: "conversions", currency: "USD", kpis: [{ kpi: "revenue", primary: true }] })).id;
    const link = await createLink({ workspaceId: brand.workspace.id, hosts: testHosts }, { url: "https://shop.example.com/", slug: "maya-spring", creatorId: ids.maya });
    await updateLinkPost(brand.workspace.id, link.id, { campaignId: ids.campaign });
    ids.link = link.id;
    await createPromoCode(brand.workspace.id, { campaignId: ids.campaign, creatorId: ids.sofia, code: "sofia10" });
  });

  it("a click id attributes to the click's link, creator and campaign", async () => {
    const clickId = await visit("maya-spring");
    const { status, body } = await convert(brand.apiKey, { clickId, event: "purchase", value: 4999, currency: "usd", externalId: "order-1" });
    expect(status).toBe(201);
    expect(body).toMatchObject({
      externalId: "order-1",
      event: "purchase",
      value: 4999,
      currency: "USD",
      source: "api",
      attribution: { type: "click", clickId, linkId: ids.link, creatorId: ids.maya, campaignId: ids.campaign, reason: expect.stringContaining("within the 30-day window") },
      reversed: { value: 0, cancelled: false, netValue: 4999 },
    });
  });

  it("click id and promo code together: the click id wins; a promo code alone attributes to its creator", async () => {
    const clickId = await visit("maya-spring");
    const both = await convert(brand.apiKey, { clickId, promoCode: "SOFIA10", event: "purchase", value: 1000, currency: "USD", externalId: "order-both" });
    expect(both.body.attribution).toMatchObject({ type: "click", creatorId: ids.maya, reason: expect.stringContaining("takes precedence over promo code SOFIA10") });
    const promo = await convert(brand.apiKey, { promoCode: "sofia10", event: "purchase", value: 2500, currency: "USD", externalId: "order-promo" });
    expect(promo.body.attribution).toMatchObject({ type: "promo_code", creatorId: ids.sofia, campaignId: ids.campaign, linkId: null, promoCode: "SOFIA10" });
  });

  it("a click past the attribution window does not attribute; the promo code then does", async () => {
    const clickId = await visit("maya-spring");
    await getPool().query(`UPDATE "Click" SET "createdAt" = now() - interval '40 days' WHERE "id" = $1`, [clickId]);
    const late = await convert(brand.apiKey, { clickId, event: "signup", externalId: "signup-late" });
    expect(late.body.attribution).toMatchObject({ type: "none", creatorId: null, reason: expect.stringContaining("past the 30-day attribution window") });
    const rescued = await convert(brand.apiKey, { clickId, promoCode: "SOFIA10", event: "signup", externalId: "signup-late-promo" });
    expect(rescued.body.attribution).toMatchObject({ type: "promo_code", creatorId: ids.sofia });
  });

  it("another workspace's click id is refused (422, nothing written); an unknown one is kept unattributed", async () => {
    await createLink({ workspaceId: other.workspace.id, hosts: testHosts }, { url: "https://other.example.com/", slug: "other-link" });
    const foreignClick = await visit("other-link");
    const before = await getDb().conversion.count();
    const foreign = await convert(brand.apiKey, { clickId: foreignClick, event: "purchase", value: 100, currency: "USD", externalId: "steal-1" });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.details).toEqual([{ path: "clickId", message: expect.stringContaining("not one of this workspace's clicks") }]);
    expect(await getDb().conversion.count()).toBe(before);

    const unknown = await convert(brand.apiKey, { clickId: "never-issued-click-id", event: "purchase", value: 100, currency: "USD", externalId: "unknown-1" });
    expect(unknown.status).toBe(201);
    expect(unknown.body.attribution).toMatchObject({ type: "none", linkId: null, creatorId: null, campaignId: null, reason: "Not attributed: the click id is unknown (never issued, or its click was deleted)" });
    // nothing was ever attributed to the other workspace's links
    const { rows } = await getPool().query(`SELECT count(*)::int AS n FROM "Conversion" WHERE "linkId" IN (SELECT "id" FROM "Link" WHERE "workspaceId" = $1)`, [other.workspace.id]);
    expect(rows[0].n).toBe(0);
  });

  it("a retry with the same externalId never counts twice — also when sent at once", async () => {
    const clickId = await visit("maya-spring");
    const body = { clickId, event: "purchase", value: 700, currency: "USD", externalId: "order-retry" };
    const first = await convert(brand.apiKey, body);
    const again = await convert(brand.apiKey, body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body); // the original, unchanged
    // the same externalId with another conversion's fields is not a retry: 409, naming each field
    const reused = await convert(brand.apiKey, { ...body, value: 999, event: "signup" });
    expect(reused.status).toBe(409);
    expect(reused.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["event", "value"]);
    const stamped = await convert(brand.apiKey, { ...body, occurredAt: "2026-01-01T00:00:00Z" });
    expect([stamped.status, stamped.body.error.details[0].path]).toEqual([409, "occurredAt"]);
    // the refusal tells which fields, never what was recorded
    expect(JSON.stringify(reused.body)).not.toMatch(/700|purchase|USD/);
    // a field the retry leaves out contradicts nothing (the server's report, without the browser's click id)
    expect((await convert(brand.apiKey, { event: body.event, value: body.value, currency: body.currency, externalId: body.externalId })).status).toBe(200);
    const burst = await Promise.all(Array.from({ length: 5 }, () => convert(brand.apiKey, { ...body, externalId: "order-burst" })));
    expect(burst.filter((r) => r.status === 201)).toHaveLength(1);
    expect(burst.filter((r) => r.status === 200)).toHaveLength(4);
    expect(await getDb().conversion.count({ where: { workspaceId: brand.workspace.id, externalId: { in: ["order-retry", "order-burst"] } } })).toBe(2);
  });

  it("reversals: a partial refund reduces revenue; the rest cancels the conversion; retries are idempotent", async () => {
    const clickId = await visit("maya-spring");
    await convert(brand.apiKey, { clickId, event: "purchase", value: 10_000, currency: "USD", externalId: "order-refund" });
    const partial = await reverse(brand.apiKey, { conversionExternalId: "order-refund", externalId: "refund-1", value: 2_500, reason: "one item returned" });
    expect(partial.status).toBe(201);
    expect(partial.body).toMatchObject({ value: 2_500, full: false, conversion: { reversed: { value: 2_500, cancelled: false, netValue: 7_500 } } });
    expect((await reverse(brand.apiKey, { conversionExternalId: "order-refund", externalId: "refund-1", value: 2_500 })).status).toBe(200);

    const tooMuch = await reverse(brand.apiKey, { conversionExternalId: "order-refund", externalId: "refund-2", value: 9_000 });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.error.details).toEqual([{ path: "value", message: "At most 7500 (minor units) is left to reverse on this conversion" }]);

    const rest = await reverse(brand.apiKey, { conversionExternalId: "order-refund", externalId: "cancel-1" });
    expect(rest.body).toMatchObject({ value: 7_500, full: true, conversion: { reversed: { value: 10_000, cancelled: true, netValue: 0 } } });
    expect((await reverse(brand.apiKey, { conversionExternalId: "order-refund", externalId: "cancel-2" })).status).toBe(409);
    expect((await reverse(brand.apiKey, { conversionExternalId: "no-such-order", externalId: "x" })).status).toBe(404);
    // another workspace cannot reverse this brand's conversion
    expect((await reverse(other.apiKey, { conversionExternalId: "order-1", externalId: "foreign-refund" })).status).toBe(404);
  });

  it("bad input: 422 naming each field, and nothing written", async () => {
    const before = await getDb().conversion.count();
    const cases: [unknown, string[]][] = [
      [{}, ["event", "externalId"]],
      [{ event: "Purchase!", externalId: "x" }, ["event"]],
      [{ event: "purchase", externalId: "x", value: 12.5, currency: "USD" }, ["value"]],
      [{ event: "purchase", externalId: "x", value: -1, currency: "USD" }, ["value"]],
      [{ event: "purchase", externalId: "x", value: 100 }, ["currency"]],
      [{ event: "purchase", externalId: "x", value: 100, currency: "XYZ" }, ["currency"]],
      [{ event: "purchase", externalId: "x", occurredAt: "yesterday" }, ["occurredAt"]],
      [{ event: "purchase", externalId: "x", occurredAt: "2099-01-01T00:00:00Z" }, ["occurredAt"]],
      ["{not json", ["(body)"]],
    ];
    for (const [body, paths] of cases) {
      const answer = await convert(brand.apiKey, body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.body.error.details.map((d: { path: string }) => d.path).sort(), JSON.stringify(body)).toEqual(paths);
    }
    expect(await getDb().conversion.count()).toBe(before);
  });

  it("conversion tracking is a plan feature: 402 on Free, nothing written", async () => {
    const free = await makeWorkspace("Free brand", "free");
    const answer = await convert(free.apiKey, { event: "purchase", externalId: "free-1" });
    expect(answer.status).toBe(402);
    expect(await getDb().conversion.count({ where: { workspaceId: free.workspace.id } })).toBe(0);
    expect((await refusal(createPromoCode(free.workspace.id, { campaignId: ids.campaign, creatorId: ids.sofia, code: "FREE10" }))).code).toBe("plan_required");
  });

  it("promo codes are unique per workspace (case-insensitive) and scoped to its own campaigns and creators", async () => {
    const dup = await refusal(createPromoCode(brand.workspace.id, { campaignId: ids.campaign, creatorId: ids.maya, code: "Sofia10" }));
    expect(dup.details).toEqual([{ path: "code", message: "SOFIA10 is already in use in this workspace" }]);
    const foreign = await refusal(createPromoCode(other.workspace.id, { campaignId: ids.campaign, creatorId: ids.sofia, code: "OTHER" }));
    expect(foreign.details).toEqual([{ path: "campaignId", message: "No such campaign in this workspace" }]);
  });
});

describe("GET /api/v1/conversions", () => {
  it("lists newest first, filtered, a page at a time; another workspace's conversions never; bad queries 422", async () => {
    await truncateAll();
    const brand = await makeWorkspace("Lister");
    const other = await makeWorkspace("Other lister");
    const sofia = (await getDb().creator.create({ data: { workspaceId: brand.workspace.id, name: "Sofia" } })).id;
    const campaign = (await createCampaign(brand.workspace.id, { name: "Sale", objective: "conversions", currency: "USD", kpis: [{ kpi: "revenue", primary: true }] })).id;
    await createPromoCode(brand.workspace.id, { campaignId: campaign, creatorId: sofia, code: "SOFIA" });
    for (let i = 1; i <= 5; i++) {
      const body = { event: "purchase", externalId: `o-${i}`, value: 1000 * i, currency: "USD", occurredAt: `2026-11-0${i}T10:00:00Z`, ...(i % 2 ? { promoCode: "SOFIA" } : {}) };
      expect((await convert(brand.apiKey, body)).status).toBe(201);
    }
    await convert(other.apiKey, { event: "purchase", externalId: "theirs", value: 999, currency: "USD" });

    const list = (key: string, query: string) => api("GET", `/api/v1/conversions${query}`, { key });
    const first = await list(brand.apiKey, "?limit=2");
    expect(first.status).toBe(200);
    expect(first.body.data.map((c: { externalId: string }) => c.externalId)).toEqual(["o-5", "o-4"]);
    const second = await list(brand.apiKey, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.data.map((c: { externalId: string }) => c.externalId)).toEqual(["o-3", "o-2"]);
    const last = await list(brand.apiKey, `?limit=2&cursor=${second.body.nextCursor}`);
    expect(last.body).toMatchObject({ data: [{ externalId: "o-1", attribution: { type: "promo_code", creatorId: sofia, campaignId: campaign } }], nextCursor: null });

    const bySofia = await list(brand.apiKey, `?creatorId=${sofia}`);
    expect(bySofia.body.data.map((c: { externalId: string }) => c.externalId)).toEqual(["o-5", "o-3", "o-1"]);
    expect((await list(brand.apiKey, "?attribution=none")).body.data).toHaveLength(2);
    expect((await list(other.apiKey, `?creatorId=${sofia}`)).body.data).toEqual([]);
    expect((await list(other.apiKey, "")).body.data.map((c: { externalId: string }) => c.externalId)).toEqual(["theirs"]);

    const bad = await list(brand.apiKey, "?limit=500&attribution=maybe&cursor=nonsense");
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["attribution", "cursor", "limit"]);
  });
});

describe("conversions in the campaign's numbers", () => {
  it("per creator: conversions that still count, purchases, net revenue in the campaign currency; rates convert, missing rates stay apart", async () => {
    await truncateAll();
    const { workspace, apiKey } = await makeWorkspace("Numbers brand");
    const db = getDb();
    const maya = await db.creator.create({ data: { workspaceId: workspace.id, name: "Maya" } });
    const sofia = await db.creator.create({ data: { workspaceId: workspace.id, name: "Sofia" } });
    const campaign = await createCampaign(workspace.id, { name: "Numbers", objective: "conversions", currency: "USD", kpis: [{ kpi: "roas", primary: true }] });
    const { upsertCampaignCreator, getCampaign } = await import("@/lib/campaigns/campaigns");
    await upsertCampaignCreator(workspace.id, campaign.id, { creatorId: maya.id, flatFeeMinor: 10_000 });
    await upsertCampaignCreator(workspace.id, campaign.id, { creatorId: sofia.id, flatFeeMinor: 5_000 });
    const link = await createLink({ workspaceId: workspace.id, hosts: testHosts }, { url: "https://shop.example.com/", slug: "maya-numbers", creatorId: maya.id });
    await updateLinkPost(workspace.id, link.id, { campaignId: campaign.id });
    await createPromoCode(workspace.id, { campaignId: campaign.id, creatorId: sofia.id, code: "SOFIA" });
    await db.exchangeRate.create({ data: { workspaceId: workspace.id, currency: "EUR", rate: 1.1 } });

    // Maya: two purchases by click ($50 and €100 → $110), one sign-up, one purchase cancelled.
    for (const [externalId, event, value, currency] of [["m1", "purchase", 5_000, "USD"], ["m2", "purchase", 10_000, "EUR"], ["m3", "signup", undefined, undefined], ["m4", "purchase", 2_000, "USD"]] as const) {
      expect((await convert(apiKey, { clickId: await visit("maya-numbers"), event, value, currency, externalId })).status).toBe(201);
    }
    await reverse(apiKey, { conversionExternalId: "m4", externalId: "m4-cancel" });
    await reverse(apiKey, { conversionExternalId: "m1", externalId: "m1-partial", value: 1_000 });
    // Sofia: by promo code, $30 and £40 (no GBP rate: kept apart).
    await convert(apiKey, { promoCode: "SOFIA", event: "purchase", value: 3_000, currency: "USD", externalId: "s1" });
    await convert(apiKey, { promoCode: "SOFIA", event: "purchase", value: 4_000, currency: "GBP", externalId: "s2" });

    const { getCampaignPerformance } = await import("@/lib/campaigns/performance");
    const detail = await getCampaign(workspace.id, campaign.id);
    if (!detail) throw new Error("campaign missing");
    const performance = await getCampaignPerformance(detail);
    const row = (name: string) => performance.creators.find((c) => c.name === name);
    // Maya: m1 (50 − 10 refunded) + m2 (€100 = $110) + m3 (no value); m4 cancelled
    expect(row("Maya")?.facts).toMatchObject({ conversions: 3, purchases: 2, revenueMinor: 15_000 });
    expect(row("Maya")?.kpis).toMatchObject({ revenueMinor: 15_000, aovMinor: 7_500, costMinor: 10_000, cpaMinor: 10_000 / 3, roas: 1.5 });
    expect(row("Sofia")?.facts).toMatchObject({ conversions: 2, purchases: 2, revenueMinor: 3_000 });
    expect(row("Sofia")?.revenueApart).toEqual(new Map([["GBP", 4_000]]));
    expect(performance.totals).toMatchObject({ conversions: 5, revenueMinor: 18_000 });
    expect(performance.revenueApart).toEqual(new Map([["GBP", 4_000]]));
  });
});
