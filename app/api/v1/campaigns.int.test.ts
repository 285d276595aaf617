// /api/v1/campaigns through the real route modules; every answer is checked against the OpenAPI
// document (lib/testing/api-client.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { api } from "@/lib/testing/api-client";

connectTestDatabase();
const { getDb } = await import("@/lib/db");
const { createApiKey } = await import("@/lib/api-keys/queries");

const spring = {
  name: "Spring launch",
  objective: "conversions",
  startsOn: "2026-03-01",
  endsOn: "2026-03-31",
  budgetMinor: 500_000,
  currency: "USD",
  destinationUrl: "https://shop.example.com/spring",
  kpis: [
    { kpi: "roas", target: 3, primary: true },
    { kpi: "conversion_rate", target: 0.02 },
  ],
  utmTemplate: { utm_source: "{platform}", utm_campaign: "{campaign}", utm_content: "{creator}" },
};

describe("campaigns API", () => {
  let a: Awaited<ReturnType<typeof makeWorkspace>>;
  let b: Awaited<ReturnType<typeof makeWorkspace>>;
  let maya = "";
  let leo = "";
  let foreignCreator = "";
  beforeAll(async () => {
    await truncateAll();
    a = await makeWorkspace("A");
    b = await makeWorkspace("B");
    const creator = async (workspaceId: string, name: string) =>
      (await getDb().creator.create({ data: { workspaceId, name, platforms: { create: { workspaceId, platform: "tiktok", handle: name.toLowerCase(), followers: 1_000 } } } })).id;
    maya = await creator(a.workspace.id, "Maya");
    leo = await creator(a.workspace.id, "Leo");
    foreignCreator = await creator(b.workspace.id, "Other");
  });

  it("creates a campaign and refuses each bad field by name, writing nothing", async () => {
    const created = await api("POST", "/api/v1/campaigns", { key: a.apiKey, body: spring });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Spring launch",
      slug: "spring-launch",
      objective: "conversions",
      startsOn: "2026-03-01",
      endsOn: "2026-03-31",
      budgetMinor: 500_000,
      currency: "USD",
      utmTemplate: spring.utmTemplate,
      kpis: [
        { kpi: "roas", target: 3, primary: true },
        { kpi: "conversion_rate", target: 0.02, primary: false },
      ],
      archived: false,
    });

    const before = await getDb().campaign.count();
    for (const [body, path] of [
      [{ ...spring, name: "x" }, "name"],
      [{ ...spring, objective: "fame" }, "objective"],
      [{ ...spring, startsOn: "2026-13-01" }, "startsOn"],
      [{ ...spring, startsOn: "2026-02-30" }, "startsOn"],
      [{ ...spring, endsOn: "2026-02-01" }, "endsOn"],
      [{ ...spring, budgetMinor: 10.5 }, "budgetMinor"],
      [{ ...spring, budgetMinor: -1 }, "budgetMinor"],
      [{ ...spring, budgetMinor: 3_000_000_000 }, "budgetMinor"],
      [{ ...spring, currency: "XYZ" }, "currency"],
      [{ ...spring, destinationUrl: "javascript:alert(1)" }, "destinationUrl"],
      [{ ...spring, kpis: [{ kpi: "roas", primary: true }, { kpi: "cpc", primary: true }] }, "kpis"],
      [{ ...spring, kpis: [{ kpi: "likes", primary: true }] }, "kpis.0.kpi"],
      [{ ...spring, kpis: [{ kpi: "roas", primary: true }, { kpi: "audience_ctr", target: 1.5 }] }, "kpis.1.target"],
      [{ ...spring, kpis: [{ kpi: "clicks", target: 99.5, primary: true }] }, "kpis.0.target"],
      [{ ...spring, utmTemplate: { utm_source: "x".repeat(201) } }, "utmTemplate.utm_source"],
    ] as const) {
      const refused = await api("POST", "/api/v1/campaigns", { key: a.apiKey, body });
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.body.error.details.map((d: { path: string }) => d.path), JSON.stringify(body)).toContain(path);
    }
    expect(await getDb().campaign.count()).toBe(before);
  });

  it("PATCH changes only the fields sent, checks the merged campaign and clears with null", async () => {
    const { body: campaign } = await api("POST", "/api/v1/campaigns", { key: a.apiKey, body: { ...spring, name: "Patch me" } });
    const renamed = await api("PATCH", `/api/v1/campaigns/${campaign.id}`, { key: a.apiKey, body: { name: "Patched" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: "Patched", slug: "patch-me", budgetMinor: 500_000, startsOn: "2026-03-01", kpis: campaign.kpis, utmTemplate: spring.utmTemplate });

    const backwards = await api("PATCH", `/api/v1/campaigns/${campaign.id}`, { key: a.apiKey, body: { endsOn: "2026-02-01" } });
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.details[0].path).toBe("endsOn");

    const cleared = await api("PATCH", `/api/v1/campaigns/${campaign.id}`, { key: a.apiKey, body: { utmTemplate: null, budgetMinor: null, kpis: [] } });
    expect(cleared.body).toMatchObject({ utmTemplate: null, budgetMinor: null, kpis: [], name: "Patched" });

    // a fee keeps the number typed when the currency changes: $500.00 → ¥500
    await api("PUT", `/api/v1/campaigns/${campaign.id}/creators/${maya}`, { key: a.apiKey, body: { flatFeeMinor: 50_000 } });
    const yen = await api("PATCH", `/api/v1/campaigns/${campaign.id}`, { key: a.apiKey, body: { currency: "JPY" } });
    expect(yen.body.currency).toBe("JPY");
    const roster = await api("GET", `/api/v1/campaigns/${campaign.id}/creators`, { key: a.apiKey });
    expect(roster.body.data).toEqual([expect.objectContaining({ creatorId: maya, flatFeeMinor: 500, currency: "JPY" })]);

    // the budget and money targets keep their numbers too ($5,000.00 → ¥5,000); rates stay rates
    const { body: priced } = await api("POST", "/api/v1/campaigns", {
      key: a.apiKey,
      body: { ...spring, name: "Priced", kpis: [{ kpi: "cpa", target: 2_500, primary: true }, { kpi: "conversion_rate", target: 0.02 }] },
    });
    const inYen = await api("PATCH", `/api/v1/campaigns/${priced.id}`, { key: a.apiKey, body: { currency: "JPY" } });
    expect(inYen.body).toMatchObject({ currency: "JPY", budgetMinor: 5_000, kpis: [{ kpi: "cpa", target: 25 }, { kpi: "conversion_rate", target: 0.02 }] });
    // a value stored under older rules (any three letters were a currency) does not block a PATCH of another field
    await getDb().campaign.update({ where: { id: priced.id }, data: { currency: "XYZ" } });
    expect((await api("PATCH", `/api/v1/campaigns/${priced.id}`, { key: a.apiKey, body: { name: "Renamed" } })).status).toBe(200);

    for (const [body, path] of [
      [{ name: 7 }, "name"],
      [{ objective: null }, "objective"],
      [{ currency: "usd dollars" }, "currency"],
      [{ kpis: "roas" }, "kpis"],
    ] as const) {
      const refused = await api("PATCH", `/api/v1/campaigns/${campaign.id}`, { key: a.apiKey, body });
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
  });

  it("adds creators with terms, replaces and removes them; other workspaces' ids are not found", async () => {
    const { body: campaign } = await api("POST", "/api/v1/campaigns", { key: a.apiKey, body: { ...spring, name: "Terms" } });
    const added = await api("PUT", `/api/v1/campaigns/${campaign.id}/creators/${maya}`, { key: a.apiKey, body: { flatFeeMinor: 25_000, giftedValueMinor: 4_000, commissionRate: 0.1 } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ creatorId: maya, name: "Maya", flatFeeMinor: 25_000, giftedValueMinor: 4_000, commissionRate: 0.1, currency: "USD" });
    const replaced = await api("PUT", `/api/v1/campaigns/${campaign.id}/creators/${maya}`, { key: a.apiKey, body: { flatFeeMinor: 30_000 } });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ flatFeeMinor: 30_000, giftedValueMinor: 0, commissionRate: 0 });
    // the body is optional, as the document says: no body at all is the default terms
    const bare = await api("PUT", `/api/v1/campaigns/${campaign.id}/creators/${maya}`, { key: a.apiKey });
    expect([bare.status, bare.body.flatFeeMinor]).toEqual([200, 0]);

    for (const [body, path] of [
      [{ commissionRate: 2 }, "commissionRate"],
      [{ flatFeeMinor: -5 }, "flatFeeMinor"],
      [{ giftedValueMinor: "lots" }, "giftedValueMinor"],
    ] as const) {
      const refused = await api("PUT", `/api/v1/campaigns/${campaign.id}/creators/${leo}`, { key: a.apiKey, body });
      expect(refused.status).toBe(422);
      expect(refused.body.error.details[0].path).toBe(path);
    }
    expect((await api("PUT", `/api/v1/campaigns/${campaign.id}/creators/${foreignCreator}`, { key: a.apiKey, body: {} })).status).toBe(404);
    expect((await api("PUT", `/api/v1/campaigns/${campaign.id}/creators/${maya}`, { key: b.apiKey, body: {} })).status).toBe(404);
    expect((await api("GET", `/api/v1/campaigns/${campaign.id}/creators`, { key: b.apiKey })).status).toBe(404);
    expect((await api("GET", `/api/v1/campaigns/${campaign.id}`, { key: b.apiKey })).status).toBe(404);
    expect((await api("PATCH", `/api/v1/campaigns/${campaign.id}`, { key: b.apiKey, body: { name: "Stolen" } })).status).toBe(404);
    expect((await api("DELETE", `/api/v1/campaigns/${campaign.id}`, { key: b.apiKey })).status).toBe(404);
    expect((await api("POST", `/api/v1/campaigns/${campaign.id}/links`, { key: b.apiKey, body: { creatorIds: [maya] } })).status).toBe(404);
    expect((await getDb().campaign.findUniqueOrThrow({ where: { id: campaign.id } })).name).toBe("Terms");

    const removed = await api("DELETE", `/api/v1/campaigns/${campaign.id}/creators/${maya}`, { key: a.apiKey });
    expect(removed.status).toBe(204);
    expect((await api("DELETE", `/api/v1/campaigns/${campaign.id}/creators/${maya}`, { key: a.apiKey })).status).toBe(404);
    expect((await api("GET", `/api/v1/campaigns/${campaign.id}/creators`, { key: a.apiKey })).body.data).toEqual([]);
  });

  it("generates one link per creator with UTM tags, skips them on a retry, and needs links:write too", async () => {
    const { body: campaign } = await api("POST", "/api/v1/campaigns", { key: a.apiKey, body: { ...spring, name: "Summer drop" } });
    const generated = await api("POST", `/api/v1/campaigns/${campaign.id}/links`, { key: a.apiKey, body: { creatorIds: [maya, leo, foreignCreator] } });
    expect(generated.status).toBe(201);
    expect(generated.body.created.map((l: { slug: string }) => l.slug).sort()).toEqual(["leo", "maya"]);
    const mayaLink = generated.body.created.find((l: { creatorId: string }) => l.creatorId === maya);
    expect(new URL(mayaLink.url).searchParams.get("utm_content")).toBe("maya");
    expect(new URL(mayaLink.url).searchParams.get("utm_source")).toBe("tiktok");
    expect(mayaLink.shortUrl).toMatch(/\/maya$/);
    expect(generated.body.skipped).toEqual([{ creatorId: foreignCreator, creatorName: null, reason: "No such creator in this workspace" }]);
    expect((await api("GET", `/api/v1/campaigns/${campaign.id}/creators`, { key: a.apiKey })).body.data).toHaveLength(2);
    // a page at a time, in the order they joined, with a cursor to the rest
    const firstPage = await api("GET", `/api/v1/campaigns/${campaign.id}/creators?limit=1`, { key: a.apiKey });
    expect(firstPage.body.data).toHaveLength(1);
    const secondPage = await api("GET", `/api/v1/campaigns/${campaign.id}/creators?limit=1&cursor=${firstPage.body.nextCursor}`, { key: a.apiKey });
    expect(secondPage.body.nextCursor).toBeNull();
    expect([firstPage.body.data[0].creatorId, secondPage.body.data[0].creatorId].sort()).toEqual([maya, leo].sort());
    expect((await api("GET", `/api/v1/campaigns/${campaign.id}/creators?limit=0`, { key: a.apiKey })).status).toBe(422);

    const again = await api("POST", `/api/v1/campaigns/${campaign.id}/links`, { key: a.apiKey, body: { creatorIds: [maya] } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: [], skipped: [{ creatorId: maya, reason: expect.stringContaining("Already has a link") }] });

    // two runs at the same moment: one link per creator all the same
    const { body: race } = await api("POST", "/api/v1/campaigns", { key: a.apiKey, body: { ...spring, name: "Race" } });
    const runs = await Promise.all([1, 2, 3].map(() => api("POST", `/api/v1/campaigns/${race.id}/links`, { key: a.apiKey, body: { creatorIds: [maya, leo] } })));
    expect(runs.flatMap((run) => run.body.created)).toHaveLength(2);
    expect(await getDb().link.count({ where: { campaignId: race.id } })).toBe(2);

    const { key: campaignsOnly } = await createApiKey(a.workspace.id, a.user.id, { name: "campaigns only", scopes: ["campaigns:read", "campaigns:write"] });
    const refused = await api("POST", `/api/v1/campaigns/${campaign.id}/links`, { key: campaignsOnly, body: { creatorIds: [leo] } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain("links:write");

    for (const [body, path] of [
      [{ creatorIds: [] }, "creatorIds"],
      [{ creatorIds: "maya" }, "creatorIds"],
      [{ creatorIds: [maya], utmTemplate: { utm_medium: "y".repeat(201) } }, "utmTemplate.utm_medium"],
    ] as const) {
      const bad = await api("POST", `/api/v1/campaigns/${campaign.id}/links`, { key: a.apiKey, body });
      expect(bad.status).toBe(422);
      expect(bad.body.error.details[0].path).toBe(path);
    }
  });

  it("lists and archives; a plan without campaigns answers 402", async () => {
    const { body: campaign } = await api("POST", "/api/v1/campaigns", { key: a.apiKey, body: { ...spring, name: "Old one" } });
    const archived = await api("DELETE", `/api/v1/campaigns/${campaign.id}`, { key: a.apiKey });
    expect(archived.body.archived).toBe(true);
    const active = (await api("GET", "/api/v1/campaigns?limit=2", { key: a.apiKey })).body;
    expect(active.data).toHaveLength(2);
    expect(active.nextCursor).not.toBeNull();
    const rest = (await api("GET", `/api/v1/campaigns?limit=100&cursor=${active.nextCursor}`, { key: a.apiKey })).body;
    const all = [...active.data, ...rest.data].map((c: { id: string }) => c.id);
    expect(all).not.toContain(campaign.id);
    expect(all).toHaveLength(await getDb().campaign.count({ where: { workspaceId: a.workspace.id, archivedAt: null } }));
    expect((await api("GET", "/api/v1/campaigns?archived=true", { key: a.apiKey })).body.data.map((c: { id: string }) => c.id)).toEqual([campaign.id]);

    const single = await makeWorkspace("Downgraded brand", "free");
    const gated = await api("POST", "/api/v1/campaigns", { key: single.apiKey, body: spring });
    expect(gated.status).toBe(402);
    expect(gated.body.error.code).toBe("plan_required");
  });
});
