import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { makeCreatorWithFollowers, makeWorkspace, testHosts } from "@/lib/testing/fixtures";
import { AppError } from "@/lib/errors";

connectTestDatabase();
const { createCampaign, getCampaign, upsertCampaignCreator, updateCampaign } = await import("@/lib/campaigns/campaigns");
const { generateCampaignLinks } = await import("@/lib/campaigns/generate-links");
const { getCampaignPerformance } = await import("@/lib/campaigns/performance");
const { createLink } = await import("@/lib/links/create-link");
const { updateLinkPost } = await import("@/lib/links/update-link");
const { insertClicks } = await import("@/lib/clicks/writer");
const { getDb, getPool } = await import("@/lib/db");

async function click(workspaceId: string, linkId: string, count: number, visitors = count) {
  await insertClicks(
    getPool(),
    Array.from({ length: count }, (_, i) => ({
      id: randomBytes(12).toString("base64url"),
      workspaceId,
      linkId,
      createdAt: new Date("2026-03-02T12:00:00Z"),
      country: null,
      device: "mobile" as const,
      source: "link" as const,
      browser: null,
      os: null,
      referrer: null,
      isBot: false,
      visitorHash: `visitor-${i % visitors}`,
    })),
  );
}

const campaignInput = (overrides: Record<string, unknown> = {}) => ({
  name: "Spring Drop",
  objective: "traffic",
  startsOn: "2026-03-01",
  endsOn: "2026-03-31",
  budgetMinor: 500_000,
  destinationUrl: "https://shop.example.com/spring",
  kpis: [
    { kpi: "audience_ctr", primary: true, target: 0.01 },
    { kpi: "clicks", target: 1_000 },
    { kpi: "cpc", target: 50 },
  ],
  utmTemplate: { utm_source: "{platform}", utm_medium: "influencer", utm_campaign: "{campaign}", utm_content: "{creator}" },
  ...overrides,
});

describe("campaigns", () => {
  beforeAll(async () => {
    await truncateAll();
  });

  it("validates: one primary KPI, at most six supporting, end after start", async () => {
    const { workspace } = await makeWorkspace();
    const refusal = await createCampaign(workspace.id, campaignInput({ endsOn: "2026-02-01", kpis: [{ kpi: "clicks" }] })).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).details).toEqual([
      { path: "endsOn", message: "The end date is before the start date" },
      { path: "kpis", message: "Choose exactly one primary KPI" },
    ]);
    const tooMany = await createCampaign(
      workspace.id,
      campaignInput({ kpis: ["clicks", "unique_clicks", "audience_ctr", "conversions", "conversion_rate", "revenue", "aov", "cpc"].map((kpi, i) => ({ kpi, primary: i === 0 })) }),
    ).catch((e: unknown) => e);
    expect((tooMany as AppError).details).toEqual([{ path: "kpis", message: "Choose at most 6 supporting KPIs" }]);
    expect(await getDb().campaign.count({ where: { workspaceId: workspace.id } })).toBe(0);
  });

  it("generates one link per creator by the slug convention, with UTM tags, and nothing twice", async () => {
    const { workspace } = await makeWorkspace();
    const campaign = await createCampaign(workspace.id, campaignInput());
    expect(campaign.slug).toBe("spring-drop");
    const maya = await makeCreatorWithFollowers(workspace.id, `Maya Lopez`, [["2026-01-01", 80_000]]);
    const jordan = await makeCreatorWithFollowers(workspace.id, `Jordan Reed`, [["2026-01-01", 80_000]]);
    // Jordan already has a link from an earlier partnership: his gets campaign-creator-name.
    await createLink({ workspaceId: workspace.id, hosts: testHosts }, { url: "https://shop.example.com/", slug: `jordan-${workspace.slug}`, creatorId: jordan.id });
    // Someone else in another workspace already holds "maya-lopez"? Then the next candidate is used.
    const other = await makeWorkspace();
    await createLink({ workspaceId: other.workspace.id, hosts: testHosts }, { url: "https://other.example.com/", slug: "maya-lopez" });

    const first = await generateCampaignLinks({ workspaceId: workspace.id, hosts: testHosts }, campaign.id, { creatorIds: [maya.id, jordan.id] });
    expect(first.skipped).toEqual([]);
    expect(first.created.map((c) => [c.creatorName, c.slug])).toEqual([
      ["Maya Lopez", "spring-drop-maya-lopez"],
      ["Jordan Reed", "spring-drop-jordan-reed"],
    ]);
    expect(first.created[0]?.url).toBe(
      "https://shop.example.com/spring?utm_source=instagram&utm_medium=influencer&utm_campaign=spring-drop&utm_content=maya-lopez",
    );
    const again = await generateCampaignLinks({ workspaceId: workspace.id, hosts: testHosts }, campaign.id, { creatorIds: [maya.id, jordan.id, "nope"] });
    expect(again.created).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual([
      "No such creator in this workspace",
      "Already has a link in this campaign: /spring-drop-maya-lopez",
      "Already has a link in this campaign: /spring-drop-jordan-reed",
    ]);
    const detail = await getCampaign(workspace.id, campaign.id);
    expect(detail?.creators.map((c) => c.creator.name).sort()).toEqual(["Jordan Reed", "Maya Lopez"]);
  });

  it("the seed's case: same followers, 240 vs 2,100 unique clicks → 0.3 % vs 2.6 % audience CTR; follower count at the time of the post", async () => {
    const { workspace } = await makeWorkspace();
    const campaign = await createCampaign(workspace.id, campaignInput());
    // Maya had 80,000 followers when she posted on 1 March; she has 200,000 now. The CTR uses 80,000.
    const maya = await makeCreatorWithFollowers(workspace.id, "Maya Lopez", [
      ["2026-01-01", 60_000],
      ["2026-02-20", 80_000],
      ["2026-06-01", 200_000],
    ]);
    const jordan = await makeCreatorWithFollowers(workspace.id, "Jordan Reed", [["2026-02-01", 80_000]]);
    await upsertCampaignCreator(workspace.id, campaign.id, { creatorId: maya.id, flatFeeMinor: 100_000, giftedValueMinor: 5_000, commissionRate: 0.1 });
    await upsertCampaignCreator(workspace.id, campaign.id, { creatorId: jordan.id, flatFeeMinor: 100_000 });
    const generated = await generateCampaignLinks({ workspaceId: workspace.id, hosts: testHosts }, campaign.id, { creatorIds: [maya.id, jordan.id] });
    const linkOf = (creatorId: string) => generated.created.find((c) => c.creatorId === creatorId)?.linkId ?? "";
    await updateLinkPost(workspace.id, linkOf(maya.id), { postedAt: "2026-03-01T18:00:00Z", platform: "instagram" });
    await updateLinkPost(workspace.id, linkOf(jordan.id), { postedAt: "2026-03-01T18:00:00Z", platform: "instagram" });
    await click(workspace.id, linkOf(maya.id), 2_300, 2_100);
    await click(workspace.id, linkOf(jordan.id), 240);

    const detail = await getCampaign(workspace.id, campaign.id);
    if (!detail) throw new Error("campaign missing");
    const performance = await getCampaignPerformance(detail);
    const byName = Object.fromEntries(performance.creators.map((c) => [c.name, c.kpis]));
    expect(byName["Maya Lopez"]).toMatchObject({ clicks: 2_300, uniqueClicks: 2_100, followers: 80_000, costMinor: 105_000 });
    expect(byName["Jordan Reed"]).toMatchObject({ clicks: 240, uniqueClicks: 240, followers: 80_000, costMinor: 100_000 });
    expect(byName["Maya Lopez"]?.audienceCtr).toBeCloseTo(0.02625, 10);
    expect(byName["Jordan Reed"]?.audienceCtr).toBeCloseTo(0.003, 10);
    expect(byName["Maya Lopez"]?.cpcMinor).toBeCloseTo(105_000 / 2_300, 10);
    expect(performance.totals).toMatchObject({ clicks: 2_540, uniqueClicks: 2_340, followers: 160_000, costMinor: 205_000 });
  });

  it("says apart what visitors' browsers reported (cp.js) from what the brand's server did", async () => {
    const { workspace } = await makeWorkspace();
    const campaign = await createCampaign(workspace.id, campaignInput());
    const maya = await makeCreatorWithFollowers(workspace.id, "Maya Lopez", [["2026-01-01", 10_000]]);
    await upsertCampaignCreator(workspace.id, campaign.id, { creatorId: maya.id });
    const conversion = (externalId: string, source: string, valueMinor: number) => ({
      workspaceId: workspace.id, externalId, event: "purchase", valueMinor, currency: "USD", attribution: "promo_code" as const,
      attributionReason: "code", creatorId: maya.id, campaignId: campaign.id, source, occurredAt: new Date(),
    });
    await getDb().conversion.createMany({ data: [conversion("server-1", "api", 10_000), conversion("browser-1", "script", 3_000), conversion("browser-2", "script", 2_000)] });
    const detail = await getCampaign(workspace.id, campaign.id);
    if (!detail) throw new Error("campaign missing");
    const performance = await getCampaignPerformance(detail);
    expect(performance.totals).toMatchObject({ conversions: 3, revenueMinor: 15_000 });
    expect(performance.reportedByBrowser).toEqual({ conversions: 2, revenueMinor: 5_000 });
  });

  it("keeps tenants apart: another workspace cannot update, join or generate into a campaign", async () => {
    const a = await makeWorkspace();
    const b = await makeWorkspace();
    const campaign = await createCampaign(a.workspace.id, campaignInput());
    const bCreator = await makeCreatorWithFollowers(b.workspace.id, "Other Person", [["2026-01-01", 1_000]]);
    const codes = await Promise.all([
      updateCampaign(b.workspace.id, campaign.id, campaignInput({ name: "Hijacked" })).catch((e: AppError) => e.code),
      upsertCampaignCreator(b.workspace.id, campaign.id, { creatorId: bCreator.id }).catch((e: AppError) => e.code),
      generateCampaignLinks({ workspaceId: b.workspace.id, hosts: testHosts }, campaign.id, { creatorIds: [bCreator.id] }).catch((e: AppError) => e.code),
      upsertCampaignCreator(a.workspace.id, campaign.id, { creatorId: bCreator.id }).catch((e: AppError) => e.details),
    ]);
    expect(codes).toEqual(["not_found", "not_found", "not_found", [{ path: "creatorId", message: "No such creator in this workspace" }]]);
    expect((await getCampaign(a.workspace.id, campaign.id))?.name).toBe("Spring Drop");
    expect(await getDb().link.count({ where: { campaignId: campaign.id } })).toBe(0);
  });
});
