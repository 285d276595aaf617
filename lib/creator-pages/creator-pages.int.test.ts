// Creator performance pages on the real database: the plan gate, secret links (hashed, rotated,
// revoked), sign-in access by verified e-mail only, and a report that carries the creator's own
// figures and the campaign median — never another creator's name, link or number.
import { beforeEach, describe, expect, it } from "vitest";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { clicksAt, makeCreatorWithFollowers, makeWorkspace, refusal, testHosts } from "@/lib/testing/fixtures";

connectTestDatabase();
const pages = await import("@/lib/creator-pages/pages");
const { getCreatorPageReport } = await import("@/lib/creator-pages/report");
const { createCampaign } = await import("@/lib/campaigns/campaigns");
const { generateCampaignLinks } = await import("@/lib/campaigns/generate-links");
const { createPromoCode } = await import("@/lib/conversions/promo-codes");
const { recordConversion } = await import("@/lib/conversions/record");
const { hashSecretToken } = await import("@/lib/secret-token");
const { getDb } = await import("@/lib/db");


/** A campaign with `names.length` creators (1,000 followers each), creator i getting clicks[i] clicks. */
async function campaignWith(workspaceId: string, name: string, names: string[], clickCounts: number[]) {
  const creators = [];
  for (const creatorName of names) creators.push(await makeCreatorWithFollowers(workspaceId, creatorName, [["2026-01-01", 1_000]]));
  const campaign = await createCampaign(workspaceId, { name, objective: "conversions", currency: "USD", destinationUrl: "https://shop.example.com/", kpis: [{ kpi: "clicks", primary: true }] });
  const generated = await generateCampaignLinks({ workspaceId, hosts: testHosts }, campaign.id, { creatorIds: creators.map((c) => c.id) });
  for (const [i, creator] of creators.entries()) {
    const link = generated.created.find((made) => made.creatorName === creator.name)!;
    await clicksAt(workspaceId, link.linkId, new Date(Date.now() - 3_600_000), clickCounts[i]!);
  }
  return { campaign, creators, links: generated.created };
}

describe("creator pages", () => {
  let ws: Awaited<ReturnType<typeof makeWorkspace>>;

  beforeEach(async () => {
    await truncateAll();
    ws = await makeWorkspace("Glow Skincare", "team");
  });

  it("is a plan feature: Free refuses to turn one on", async () => {
    const free = await makeWorkspace("Free brand", "free");
    const creator = await getDb().creator.create({ data: { workspaceId: free.workspace.id, name: "Ana" } });
    expect((await refusal(pages.enableCreatorPage(free.workspace.id, creator.id))).code).toBe("plan_required");
    expect(await getDb().creatorPage.count()).toBe(0);
  });

  it("opens by its secret link (stored hashed); rotating and revoking close the old link; another workspace's creator is not found", async () => {
    const creator = await getDb().creator.create({ data: { workspaceId: ws.workspace.id, name: "Ana", email: "ana@creators.test" } });
    const { token } = await pages.enableCreatorPage(ws.workspace.id, creator.id);
    const stored = await getDb().creatorPage.findFirstOrThrow({ omit: { tokenHash: false } });
    expect(stored.tokenHash).toBe(hashSecretToken(token));
    expect(await pages.unsafeFindCreatorPageByToken(token)).toMatchObject({ creatorName: "Ana", brandName: "Glow Skincare", available: true });
    expect((await refusal(pages.enableCreatorPage(ws.workspace.id, creator.id))).code).toBe("conflict");

    const { token: rotated } = await pages.rotateCreatorPageLink(ws.workspace.id, creator.id);
    expect(await pages.unsafeFindCreatorPageByToken(token)).toBeNull();
    expect(await pages.unsafeFindCreatorPageByToken(rotated)).not.toBeNull();
    await pages.revokeCreatorPageLink(ws.workspace.id, creator.id);
    expect(await pages.unsafeFindCreatorPageByToken(rotated)).toBeNull();
    expect((await pages.getCreatorPageSettings(ws.workspace.id, creator.id))?.hasLink).toBe(false);
    expect(await pages.unsafeFindCreatorPageByToken("cpp_garbage")).toBeNull();
    expect(await pages.unsafeFindCreatorPageByToken("x".repeat(1000))).toBeNull();

    const other = await makeWorkspace("Other brand");
    expect((await refusal(pages.enableCreatorPage(other.workspace.id, creator.id))).code).toBe("not_found");
    expect((await refusal(pages.rotateCreatorPageLink(other.workspace.id, creator.id))).code).toBe("not_found");
    expect((await refusal(pages.disableCreatorPage(other.workspace.id, creator.id))).code).toBe("not_found");
    expect(await getDb().creatorPage.count()).toBe(1);
  });

  it("a signed-in creator sees only the pages given to their verified e-mail, across brands", async () => {
    const ana = await getDb().creator.create({ data: { workspaceId: ws.workspace.id, name: "Ana", email: "ana@creators.test" } });
    const ben = await getDb().creator.create({ data: { workspaceId: ws.workspace.id, name: "Ben", email: "ben@creators.test" } });
    const other = await makeWorkspace("Sunrise Coffee");
    const anaThere = await getDb().creator.create({ data: { workspaceId: other.workspace.id, name: "Ana L.", email: "ana@creators.test" } });
    const noPage = await makeWorkspace("No page brand");
    await getDb().creator.create({ data: { workspaceId: noPage.workspace.id, name: "Ana", email: "ana@creators.test" } });
    for (const [workspaceId, creatorId] of [[ws.workspace.id, ana.id], [ws.workspace.id, ben.id], [other.workspace.id, anaThere.id]] as const) {
      await pages.enableCreatorPage(workspaceId, creatorId);
    }

    const verified = { email: "Ana@Creators.test", emailVerified: new Date() };
    const listed = await pages.unsafeListPagesForEmail(verified);
    expect(listed.map((p) => `${p.brandName}/${p.creatorName}`).sort()).toEqual(["Glow Skincare/Ana", "Sunrise Coffee/Ana L."]);
    // Typed into a sign-up form but never confirmed: nothing.
    expect(await pages.unsafeListPagesForEmail({ email: "ana@creators.test", emailVerified: null })).toEqual([]);
    const benPage = await getDb().creatorPage.findFirstOrThrow({ where: { creatorId: ben.id } });
    expect(await pages.unsafeFindPageForEmail(benPage.id, verified)).toBeNull();
    expect(await pages.unsafeFindPageForEmail(listed[0]!.pageId, verified)).not.toBeNull();

    await pages.disableCreatorPage(ws.workspace.id, ana.id);
    expect((await pages.unsafeListPagesForEmail(verified)).map((p) => p.brandName)).toEqual(["Sunrise Coffee"]);
  });

  it("the report holds the creator's own figures and the campaign median, and nothing naming anyone else", async () => {
    const { creators, links } = await campaignWith(ws.workspace.id, "Spring Glow", ["Ana Lopez", "Ben Okafor", "Cleo Marsh", "Dev Patel"], [40, 10, 30, 20]);
    const ana = creators[0]!;
    await getDb().creator.update({ where: { id: ana.id }, data: { email: "ana@creators.test" } });
    await createPromoCode(ws.workspace.id, { code: "ANA10", creatorId: ana.id, campaignId: (await getDb().campaign.findFirstOrThrow()).id });
    await recordConversion(ws.workspace.id, { event: "purchase", externalId: "o-1", promoCode: "ANA10", value: 5000, currency: "USD" }, "api");
    await pages.enableCreatorPage(ws.workspace.id, ana.id);
    const access = (await pages.unsafeListPagesForEmail({ email: "ana@creators.test", emailVerified: new Date() }))[0]!;

    const report = await getCreatorPageReport(access, testHosts);
    expect(report.campaigns).toHaveLength(1);
    const campaign = report.campaigns[0]!;
    expect(campaign.own).toMatchObject({ clicks: 40, uniqueClicks: 40, audienceCtr: 0.04, conversions: 1, revenueMinor: 5000 });
    expect(campaign.median).toEqual({ creators: 4, median: expect.objectContaining({ clicks: 25, uniqueClicks: 25, conversions: 0, revenueMinor: 0 }) });
    expect(campaign.links.map((l) => l.clicks)).toEqual([40]);

    const serialized = JSON.stringify(report);
    for (const other of creators.slice(1)) {
      expect(serialized).not.toContain(other.name);
      expect(serialized).not.toContain(other.id);
    }
    for (const link of links.filter((l) => l.creatorName !== "Ana Lopez")) {
      expect(serialized).not.toContain(link.slug);
      expect(serialized).not.toContain(link.linkId);
    }

    // The brand hides conversions: gone from her figures and from the median.
    await pages.updateCreatorPage(ws.workspace.id, ana.id, { showConversions: false });
    const hidden = await getCreatorPageReport((await pages.unsafeListPagesForEmail({ email: "ana@creators.test", emailVerified: new Date() }))[0]!, testHosts);
    expect(hidden.campaigns[0]!.own).toMatchObject({ clicks: 40, conversions: null, revenueMinor: null });
    expect(hidden.campaigns[0]!.median?.median).toMatchObject({ clicks: 25, conversions: null, revenueMinor: null });
    expect((await refusal(pages.updateCreatorPage(ws.workspace.id, ana.id, { showConversions: "yes" }))).details).toEqual([{ path: "showConversions", message: "Choose whether conversions are shown" }]);
  });

  it("withholds the median when fewer than three creators take part", async () => {
    const { creators } = await campaignWith(ws.workspace.id, "Duo", ["Ana Lopez", "Ben Okafor"], [40, 10]);
    const { token } = await pages.enableCreatorPage(ws.workspace.id, creators[0]!.id);
    const report = await getCreatorPageReport((await pages.unsafeFindCreatorPageByToken(token))!, testHosts);
    expect(report.campaigns[0]!.median).toBeNull();
    expect(JSON.stringify(report)).not.toContain("Ben Okafor");
    // A creator added but never given a link does not count towards the three.
    const cleo = await makeCreatorWithFollowers(ws.workspace.id, "Cleo Marsh", [["2026-01-01", 500]]);
    await getDb().campaignCreator.create({ data: { workspaceId: ws.workspace.id, campaignId: (await getDb().campaign.findFirstOrThrow()).id, creatorId: cleo.id } });
    expect((await getCreatorPageReport((await pages.unsafeFindCreatorPageByToken(token))!, testHosts)).campaigns[0]!.median).toBeNull();
  });

  it("after a downgrade the page says it is paused; an archived creator's link is not found", async () => {
    const creator = await getDb().creator.create({ data: { workspaceId: ws.workspace.id, name: "Ana" } });
    const { token } = await pages.enableCreatorPage(ws.workspace.id, creator.id);
    await getDb().workspace.update({ where: { id: ws.workspace.id }, data: { plan: "free" } });
    expect((await pages.unsafeFindCreatorPageByToken(token))?.available).toBe(false);
    expect((await refusal(pages.rotateCreatorPageLink(ws.workspace.id, creator.id))).code).toBe("plan_required");
    await getDb().creator.update({ where: { id: creator.id }, data: { archivedAt: new Date() } });
    expect(await pages.unsafeFindCreatorPageByToken(token)).toBeNull();
  });
});
