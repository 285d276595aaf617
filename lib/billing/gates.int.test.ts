// Every plan gate, on the real database: refused on Free (plan_required / limit_reached, nothing
// written), open on Single and Team; a downgrade deletes nothing and leaves campaigns read-only;
// redirects and click logging never stop for a plan or a quota.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Plan } from "@prisma/client";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { makeWorkspace, refusal, testHosts } from "@/lib/testing/fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, expires: "2099-01-01T00:00:00Z" } : null),
}));

connectTestDatabase();
const { createCampaign, updateCampaign, setCampaignArchived, upsertCampaignCreator, removeCampaignCreator, getCampaign } = await import("@/lib/campaigns/campaigns");
const { generateCampaignLinks } = await import("@/lib/campaigns/generate-links");
const { createLink } = await import("@/lib/links/create-link");
const { updateLinkPost } = await import("@/lib/links/update-link");
const { createApiKey } = await import("@/lib/api-keys/queries");
const { assertWithinLimit } = await import("@/lib/billing/gates");
const { getUsage } = await import("@/lib/billing/usage");
const { serveShortLink } = await import("@/lib/redirect/serve-short-link");
const links = await import("@/app/api/v1/links/route");
const analytics = await import("@/app/api/v1/analytics/route");
const compareExport = await import("@/app/(app)/w/[workspace]/compare/export/route");
const campaignExport = await import("@/app/(app)/w/[workspace]/campaigns/[campaignId]/export/route");
const timingExport = await import("@/app/(app)/w/[workspace]/campaigns/[campaignId]/(story)/timing/export/route");
const creatorCampaignsExport = await import("@/app/(app)/w/[workspace]/creators/[creatorId]/campaigns/export/route");
const { getCampaignPerformance } = await import("@/lib/campaigns/performance");
const { getCreatorTimings } = await import("@/lib/analytics/timing");
const { getDb, getPool } = await import("@/lib/db");

const noParams = { params: Promise.resolve({}) };
const campaignInput = (name: string) => ({ name, objective: "traffic", currency: "USD", destinationUrl: "https://shop.example.com/", kpis: [{ kpi: "clicks", primary: true }] });
const apiGet = (path: string, key: string) => new Request(`http://localhost:3000${path}`, { headers: { authorization: `Bearer ${key}` } });

async function workspaceOn(plan: Plan) {
  const made = await makeWorkspace(`${plan} brand`, plan);
  const creator = await getDb().creator.create({ data: { workspaceId: made.workspace.id, name: `Creator ${randomUUID().slice(0, 6)}` } });
  return { ...made, creatorId: creator.id };
}

/** Links created this month without going through the quota (the test's own set-up). */
async function seedLinks(workspaceId: string, count: number, createdAt = new Date()) {
  await getDb().link.createMany({
    data: Array.from({ length: count }, () => ({ workspaceId, slug: `seed-${randomUUID()}`, url: "https://shop.example.com/", createdAt })),
  });
}

beforeAll(async () => {
  await truncateAll();
});

describe("feature gates", () => {
  it("campaign tagging: refused on Free with plan_required naming Single, nothing written; open on Single and Team", async () => {
    const free = await workspaceOn("free");
    const error = await refusal(createCampaign(free.workspace.id, campaignInput("Spring")));
    expect(error.code).toBe("plan_required");
    expect(error.message).toContain("Upgrade to Single or Team");
    expect(error.details).toEqual({ feature: "campaigns", currentPlan: "free", requiredPlan: "single" });
    expect(await getDb().campaign.count({ where: { workspaceId: free.workspace.id } })).toBe(0);

    for (const plan of ["single", "team"] as const) {
      const open = await workspaceOn(plan);
      const campaign = await createCampaign(open.workspace.id, campaignInput("Spring"));
      const generated = await generateCampaignLinks({ workspaceId: open.workspace.id, hosts: testHosts }, campaign.id, { creatorIds: [open.creatorId] });
      expect(generated.created).toHaveLength(1);
    }
  });

  it("after a downgrade every campaign write is refused and nothing is deleted (read-only)", async () => {
    const ws = await workspaceOn("team");
    const campaign = await createCampaign(ws.workspace.id, campaignInput("Launch"));
    await upsertCampaignCreator(ws.workspace.id, campaign.id, { creatorId: ws.creatorId, flatFeeMinor: 10_000 });
    const link = await createLink({ workspaceId: ws.workspace.id, hosts: testHosts }, { url: "https://shop.example.com/" });
    const tagged = await createLink({ workspaceId: ws.workspace.id, hosts: testHosts }, { url: "https://shop.example.com/tagged" });
    await updateLinkPost(ws.workspace.id, tagged.id, { campaignId: campaign.id });
    await getDb().workspace.update({ where: { id: ws.workspace.id }, data: { plan: "free" } });

    const id = ws.workspace.id;
    const refusals = await Promise.all([
      refusal(updateCampaign(id, campaign.id, campaignInput("Renamed"))),
      refusal(setCampaignArchived(id, campaign.id, true)),
      refusal(upsertCampaignCreator(id, campaign.id, { creatorId: ws.creatorId, flatFeeMinor: 1 })),
      refusal(removeCampaignCreator(id, campaign.id, ws.creatorId)),
      refusal(generateCampaignLinks({ workspaceId: id, hosts: testHosts }, campaign.id, { creatorIds: [ws.creatorId] })),
      refusal(updateLinkPost(id, link.id, { campaignId: campaign.id })),
      refusal(updateLinkPost(id, tagged.id, { campaignId: null })),
    ]);
    expect(refusals.map((e) => e.code)).toEqual(Array(7).fill("plan_required"));

    const kept = await getCampaign(id, campaign.id);
    expect(kept).toMatchObject({ name: "Launch", archivedAt: null });
    expect(kept?.creators.map((c) => c.flatFeeMinor)).toEqual([10_000]);
    // links stay on Free: editing a link's other details still works
    await expect(updateLinkPost(id, link.id, { platform: "tiktok" })).resolves.toMatchObject({ platform: "tiktok", campaignId: null });
    await expect(updateLinkPost(id, tagged.id, { platform: "youtube", campaignId: campaign.id })).resolves.toMatchObject({ platform: "youtube", campaignId: campaign.id });
  });

  it("the REST API: 402 plan_required on Free for keys and sessions alike; 200 on Single and Team", async () => {
    const free = await workspaceOn("free");
    const refused = await links.GET(apiGet("/api/v1/links", free.apiKey), noParams);
    expect(refused.status).toBe(402);
    expect(await refused.json()).toMatchObject({ error: { code: "plan_required", details: { feature: "api", requiredPlan: "single" } } });
    session.userId = free.user.id;
    expect((await links.GET(new Request(`http://localhost:3000/api/v1/links?workspace=${free.workspace.slug}`), noParams)).status).toBe(402);
    session.userId = null;
    // and no key can be made on Free
    expect((await refusal(createApiKey(free.workspace.id, free.user.id, { name: "checkout", scopes: ["links:read"] }))).code).toBe("plan_required");

    for (const plan of ["single", "team"] as const) {
      const open = await workspaceOn(plan);
      expect((await links.GET(apiGet("/api/v1/links", open.apiKey), noParams)).status).toBe(200);
    }
  });

  it("campaign exports: 402 on Free for the breakdown, timing and creator-campaigns CSVs", async () => {
    const ws = await workspaceOn("team");
    const campaign = await createCampaign(ws.workspace.id, campaignInput("Exported"));
    await getDb().workspace.update({ where: { id: ws.workspace.id }, data: { plan: "free" } });
    session.userId = ws.user.id;
    const slug = ws.workspace.slug;
    const get = (path: string) => new Request(`http://localhost:3000/w/${slug}${path}`);
    const statuses = [
      (await campaignExport.GET(get(`/campaigns/${campaign.id}/export`), { params: Promise.resolve({ workspace: slug, campaignId: campaign.id }) })).status,
      (await timingExport.GET(get(`/campaigns/${campaign.id}/timing/export`), { params: Promise.resolve({ workspace: slug, campaignId: campaign.id }) })).status,
      (await creatorCampaignsExport.GET(get(`/creators/${ws.creatorId}/campaigns/export`), { params: Promise.resolve({ workspace: slug, creatorId: ws.creatorId }) })).status,
    ];
    expect(statuses).toEqual([402, 402, 402]);
    session.userId = null;
  });

  it("comparison exports: 402 on Free, CSV on Team; 404 for a non-member either way", async () => {
    const free = await workspaceOn("free");
    const team = await workspaceOn("team");
    const request = (slug: string) => new Request(`http://localhost:3000/w/${slug}/compare/export?campaign=all`);
    session.userId = free.user.id;
    const refused = await compareExport.GET(request(free.workspace.slug), { params: Promise.resolve({ workspace: free.workspace.slug }) });
    expect(refused.status).toBe(402);
    // every refusal in the API's error shape, from the one guard routes and the API share
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("plan_required");
    const stranger = await compareExport.GET(request(team.workspace.slug), { params: Promise.resolve({ workspace: team.workspace.slug }) });
    expect(stranger.status).toBe(404);
    expect(await stranger.json()).toEqual({ error: { code: "not_found", message: "Not found" } });
    expect(stranger.headers.get("cache-control")).toBe("no-store");
    // an unknown campaign of one's own workspace reads the same as another's
    session.userId = team.user.id;
    const unknown = await compareExport.GET(new Request(`http://localhost:3000/w/${team.workspace.slug}/compare/export?campaign=nope`), { params: Promise.resolve({ workspace: team.workspace.slug }) });
    expect([unknown.status, ((await unknown.json()) as { error: { code: string } }).error.code]).toEqual([404, "not_found"]);
    session.userId = free.user.id;
    session.userId = team.user.id;
    const ok = await compareExport.GET(request(team.workspace.slug), { params: Promise.resolve({ workspace: team.workspace.slug }) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/csv");
    session.userId = null;
  });
});

describe("limits", () => {
  beforeEach(() => {
    session.userId = null;
  });

  it("links per month: Free's 51st link this month is refused with limit_reached; last month's and archived ones are counted right", async () => {
    const free = await workspaceOn("free");
    await seedLinks(free.workspace.id, 10, new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 15))); // last month: not counted
    await seedLinks(free.workspace.id, 49);
    const last = await createLink({ workspaceId: free.workspace.id, hosts: testHosts }, { url: "https://shop.example.com/50" });
    await getDb().link.update({ where: { id: last.id }, data: { archivedAt: new Date() } }); // archiving does not give the slot back

    const error = await refusal(createLink({ workspaceId: free.workspace.id, hosts: testHosts }, { url: "https://shop.example.com/51" }));
    expect(error.code).toBe("limit_reached");
    expect(error.details).toEqual({ limit: "linksPerMonth", allowed: 50, used: 50, requested: 1, currentPlan: "free", requiredPlan: "single" });
    expect(error.message).toMatch(/Free plan limit reached: links created per month is 50 .*Single allows 2,000/);
    expect(await getDb().link.count({ where: { workspaceId: free.workspace.id } })).toBe(60);

    const usage = await getUsage(free.workspace.id, free.workspace);
    expect(usage.meters[0]).toMatchObject({ limit: "linksPerMonth", used: 50, allowed: 50, warning: true, over: true });
  });

  it("concurrent creations cannot overshoot the quota: with 2 slots left, 6 at once → exactly 2 created", async () => {
    const free = await workspaceOn("free");
    await seedLinks(free.workspace.id, 48);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => createLink({ workspaceId: free.workspace.id, hosts: testHosts }, { url: `https://shop.example.com/${i}` })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(await getDb().link.count({ where: { workspaceId: free.workspace.id } })).toBe(50);
  });

  it("bulk generation is all or nothing against the quota", async () => {
    const single = await workspaceOn("single");
    const second = await getDb().creator.create({ data: { workspaceId: single.workspace.id, name: "Second Creator" } });
    const campaign = await createCampaign(single.workspace.id, campaignInput("Drop"));
    await seedLinks(single.workspace.id, 1_999);
    const error = await refusal(generateCampaignLinks({ workspaceId: single.workspace.id, hosts: testHosts }, campaign.id, { creatorIds: [single.creatorId, second.id] }));
    expect(error.details).toMatchObject({ limit: "linksPerMonth", allowed: 2_000, used: 1_999, requested: 2, requiredPlan: "team" });
    expect(await getDb().link.count({ where: { workspaceId: single.workspace.id, campaignId: campaign.id } })).toBe(0);
  });

  it("a paid plan counts over its Stripe billing period, not the calendar month", async () => {
    const single = await workspaceOn("single");
    const periodStart = new Date(Date.now() - 3 * 86_400_000);
    await getDb().workspace.update({
      where: { id: single.workspace.id },
      data: { billingStatus: "active", currentPeriodStart: periodStart, currentPeriodEnd: new Date(Date.now() + 27 * 86_400_000) },
    });
    await seedLinks(single.workspace.id, 4, new Date(periodStart.getTime() - 60_000)); // before the period
    await seedLinks(single.workspace.id, 3);
    const state = await getDb().workspace.findUniqueOrThrow({ where: { id: single.workspace.id } });
    const usage = await getUsage(single.workspace.id, state);
    expect(usage.period.start).toEqual(periodStart);
    expect(usage.meters[0]).toMatchObject({ used: 3, allowed: 2_000, warning: false });
  });

  it("members: Free and Single seat one, Team ten", () => {
    const on = (plan: Plan) => ({ plan, billingStatus: null, pastDueSince: null });
    expect(() => assertWithinLimit(on("free"), "members", 1)).toThrow(/Team allows 10/);
    expect(() => assertWithinLimit(on("single"), "members", 1)).toThrow(expect.objectContaining({ code: "limit_reached" }));
    expect(() => assertWithinLimit(on("team"), "members", 9)).not.toThrow();
    expect(() => assertWithinLimit(on("team"), "members", 10)).toThrow(expect.objectContaining({ code: "limit_reached", details: expect.objectContaining({ allowed: 10 }) }));
  });

  it("analytics history: the API counts over the plan's window and says from when", async () => {
    const ws = await workspaceOn("team");
    const link = await createLink({ workspaceId: ws.workspace.id, hosts: testHosts }, { url: "https://shop.example.com/" });
    await getPool().query(
      `INSERT INTO "LinkHourlyStat" ("linkId", "workspaceId", "hour", "clicks", "filtered") VALUES
         ($1, $2, date_trunc('hour', now() - interval '400 days'), 100, 0),
         ($1, $2, date_trunc('hour', now() - interval '45 days'), 20, 0),
         ($1, $2, date_trunc('hour', now()), 3, 0)`,
      [link.id, ws.workspace.id],
    );
    const read = async () => (await analytics.GET(apiGet(`/api/v1/analytics?linkId=${link.id}`, ws.apiKey), noParams)).json();
    const team = await read();
    expect(team.clicks).toBe(123); // 3 years
    await getDb().workspace.update({ where: { id: ws.workspace.id }, data: { plan: "single" } });
    const single = await read();
    expect(single.clicks).toBe(23); // 1 year: the 400-day-old clicks are outside
    const days = (Date.now() - Date.parse(single.since)) / 86_400_000; // whole UTC days, today included
    expect(days).toBeGreaterThanOrEqual(364);
    expect(days).toBeLessThanOrEqual(365);
  });

  it("analytics history also bounds campaign dashboards, comparisons and timing", async () => {
    const ws = await workspaceOn("team");
    const campaign = await createCampaign(ws.workspace.id, campaignInput("Long running"));
    await upsertCampaignCreator(ws.workspace.id, campaign.id, { creatorId: ws.creatorId });
    const link = await createLink({ workspaceId: ws.workspace.id, hosts: testHosts }, { url: "https://shop.example.com/", creatorId: ws.creatorId });
    await updateLinkPost(ws.workspace.id, link.id, { campaignId: campaign.id, postedAt: new Date(Date.now() - 500 * 86_400_000).toISOString() });
    await getPool().query(
      `INSERT INTO "LinkHourlyStat" ("linkId", "workspaceId", "hour", "clicks", "filtered") VALUES
         ($1, $2, date_trunc('hour', now() - interval '400 days'), 100, 0), ($1, $2, date_trunc('hour', now()), 3, 0)`,
      [link.id, ws.workspace.id],
    );
    const totals = async () => {
      const detail = await getCampaign(ws.workspace.id, campaign.id);
      if (!detail) throw new Error("campaign missing");
      const performance = await getCampaignPerformance(detail);
      const timings = await getCreatorTimings(ws.workspace.id, performance.creators);
      return { clicks: performance.totals.clicks, timed: timings[0]?.timing.clicks };
    };
    expect(await totals()).toEqual({ clicks: 103, timed: 103 }); // Team: 3 years
    await getDb().workspace.update({ where: { id: ws.workspace.id }, data: { plan: "single" } });
    expect(await totals()).toEqual({ clicks: 3, timed: 3 }); // Single: 1 year
  });

  it("after the past-due grace period, Free limits apply to every gate; nothing is deleted", async () => {
    const ws = await workspaceOn("single");
    const campaign = await createCampaign(ws.workspace.id, campaignInput("Before the failure"));
    await getDb().workspace.update({ where: { id: ws.workspace.id }, data: { billingStatus: "past_due", pastDueSince: new Date(Date.now() - 2 * 86_400_000) } });
    await expect(updateCampaign(ws.workspace.id, campaign.id, campaignInput("Still in grace"))).resolves.toMatchObject({ name: "Still in grace" });
    await getDb().workspace.update({ where: { id: ws.workspace.id }, data: { pastDueSince: new Date(Date.now() - 8 * 86_400_000) } });
    expect((await refusal(updateCampaign(ws.workspace.id, campaign.id, campaignInput("After grace")))).code).toBe("plan_required");
    expect((await links.GET(apiGet("/api/v1/links", ws.apiKey), noParams)).status).toBe(402);
    expect(await getCampaign(ws.workspace.id, campaign.id)).toMatchObject({ name: "Still in grace" });
  });
});

describe("what plans never stop", () => {
  it("a Free workspace over every quota still redirects and logs every click", async () => {
    const free = await workspaceOn("free");
    await seedLinks(free.workspace.id, 50);
    const slug = `over-${randomUUID().slice(0, 8)}`;
    const link = await getDb().link.create({ data: { workspaceId: free.workspace.id, slug, url: "https://shop.example.com/" } });
    await getPool().query(`INSERT INTO "LinkHourlyStat" ("linkId", "workspaceId", "hour", "clicks", "filtered") VALUES ($1, $2, date_trunc('hour', now()), 6000, 0)`, [
      link.id,
      free.workspace.id,
    ]);
    const usage = await getUsage(free.workspace.id, free.workspace);
    expect(usage.meters[1]).toMatchObject({ limit: "clicksPerMonth", used: 6_000, allowed: 5_000, over: true });

    const outcome = await serveShortLink({ domain: "", slug, method: "GET", search: "", headers: new Headers({ "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Safari/604.1", "x-forwarded-for": "81.2.69.142" }) });
    expect(outcome).toMatchObject({ kind: "redirect", location: "https://shop.example.com/" });
    const { rows } = await getPool().query(`SELECT count(*)::int AS n FROM "Click" WHERE "linkId" = $1`, [link.id]);
    expect(rows[0].n).toBe(1);
  });
});
