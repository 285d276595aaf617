import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { clicksAt, makeCreatorWithFollowers, makeWorkspace, testHosts } from "@/lib/testing/fixtures";

connectTestDatabase();
const { getCreatorCampaignHistory } = await import("@/lib/campaigns/creator-history");
const { createCampaign } = await import("@/lib/campaigns/campaigns");
const { generateCampaignLinks } = await import("@/lib/campaigns/generate-links");
const { createLink } = await import("@/lib/links/create-link");
const { updateLinkPost } = await import("@/lib/links/update-link");
const { getDb } = await import("@/lib/db");

const HOUR = 3_600_000;


async function campaign(workspaceId: string, name: string, startsOn: string, endsOn: string) {
  return createCampaign(workspaceId, {
    name,
    objective: "traffic",
    startsOn,
    endsOn,
    destinationUrl: "https://shop.example.com/",
    kpis: [{ kpi: "audience_ctr", primary: true, target: null }],
  });
}

/** Gives the creator a link in the campaign, posted on Instagram at `postedAt`; returns its id. */
async function postIn(workspaceId: string, campaignId: string, creatorId: string, postedAt: string): Promise<string> {
  const { created } = await generateCampaignLinks({ workspaceId, hosts: testHosts }, campaignId, { creatorIds: [creatorId], utmTemplate: null });
  const linkId = created[0]?.linkId;
  if (!linkId) throw new Error("no link generated");
  await updateLinkPost(workspaceId, linkId, { postedAt, platform: "instagram" });
  return linkId;
}

describe("creator campaign history", () => {
  beforeAll(async () => {
    await truncateAll();
  });

  it("lists every campaign newest first with the creator's KPIs, and judges consistency of audience CTR", async () => {
    const { workspace } = await makeWorkspace();
    const ws = workspace.id;
    // Created out of order: the history sorts by start date, not by creation.
    const february = await campaign(ws, "February", "2026-02-10", "2026-02-28");
    const march = await campaign(ws, "March", "2026-03-10", "2026-03-31");
    const january = await campaign(ws, "January", "2026-01-10", "2026-01-31");

    // Sofia grows between campaigns; each CTR uses the followers she had when that post went live:
    //   January 300 / 10,000 = 3.0 %, February 363 / 11,000 = 3.3 %, March 324 / 12,000 = 2.7 %
    //   mean 3.0 %, population sd = √((0² + 0.3² + 0.3²) / 3) % = √0.06 % ≈ 0.245 %, CV ≈ 0.082 → consistent
    const sofia = await makeCreatorWithFollowers(ws, "Sofia Test", [
      ["2026-01-01", 10_000],
      ["2026-02-01", 11_000],
      ["2026-03-01", 12_000],
    ]);
    // Lucas: 100, 500 and 50 of 10,000 → 1.0 %, 5.0 %, 0.5 %: mean 2.1667 %, sd ≈ 2.014 %, CV ≈ 0.929 → variable
    const lucas = await makeCreatorWithFollowers(ws, "Lucas Test", [["2026-01-01", 10_000]]);
    const plan: [typeof january, string, number, number][] = [
      [january, "2026-01-15T18:00:00Z", 300, 100],
      [february, "2026-02-15T18:00:00Z", 363, 500],
      [march, "2026-03-15T18:00:00Z", 324, 50],
    ];
    for (const [c, postedAt, sofiaClicks, lucasClicks] of plan) {
      const sofiaLink = await postIn(ws, c.id, sofia.id, postedAt);
      const lucasLink = await postIn(ws, c.id, lucas.id, postedAt);
      const at = new Date(new Date(postedAt).getTime() + 2 * HOUR);
      await clicksAt(ws, sofiaLink, at, sofiaClicks);
      await clicksAt(ws, lucasLink, at, lucasClicks);
    }

    const history = await getCreatorCampaignHistory(ws, sofia.id);
    if (!history) throw new Error("history missing");
    expect(history.campaigns.map((c) => c.campaign.name)).toEqual(["March", "February", "January"]);
    expect(history.campaigns.map((c) => [c.kpis.followers, c.kpis.uniqueClicks])).toEqual([
      [12_000, 324],
      [11_000, 363],
      [10_000, 300],
    ]);
    expect(history.campaigns.map((c) => c.kpis.audienceCtr)).toEqual([expect.closeTo(0.027, 12), expect.closeTo(0.033, 12), expect.closeTo(0.03, 12)]);
    const sofiaCtr = history.consistency.audienceCtr;
    expect(sofiaCtr.verdict).toBe("consistent");
    expect(sofiaCtr.campaigns).toBe(3);
    expect(sofiaCtr.mean).toBeCloseTo(0.03, 12);
    expect(sofiaCtr.cv).toBeCloseTo(Math.sqrt(0.06) / 3, 10);
    expect(sofiaCtr.cv).toBeCloseTo(0.082, 3);
    // Conversions arrive with their own issue: zero per campaign until then, so a 0 % mean.
    expect(history.consistency.conversionRate.mean).toBe(0);

    const lucasHistory = await getCreatorCampaignHistory(ws, lucas.id);
    const lucasCtr = lucasHistory?.consistency.audienceCtr;
    expect(lucasCtr?.verdict).toBe("variable");
    expect(lucasCtr?.mean).toBeCloseTo(0.065 / 3, 12);
    const mean = 0.065 / 3;
    const sd = Math.sqrt(((0.01 - mean) ** 2 + (0.05 - mean) ** 2 + (0.005 - mean) ** 2) / 3);
    expect(lucasCtr?.cv).toBeCloseTo(sd / mean, 10);
    expect(lucasCtr?.cv).toBeCloseTo(0.929, 3);
  });

  it("one campaign: no verdict yet; timing by time since each post went live, per campaign and overall", async () => {
    const { workspace } = await makeWorkspace();
    const ws = workspace.id;
    const only = await campaign(ws, "Only One", "2026-03-01", "2026-03-31");
    const tim = await makeCreatorWithFollowers(ws, "Tim Timing", [["2026-01-01", 5_000]]);
    const postedAt = "2026-03-01T18:00:00Z";
    const post = new Date(postedAt).getTime();
    const inCampaign = await postIn(ws, only.id, tim.id, postedAt);
    // Clicks at known offsets after the post:
    //   20 min ×4 (first hour), 2 h ×3 (1–3 h), 5 h ×2 (3–6 h), 30 h ×1 (1–3 d), 200 h ×1 (later)
    //   11 clicks: half (5.5) reached in hour 2 (4 + 3 = 7) → half-life 3 h.
    for (const [offsetHours, count] of [
      [1 / 3, 4],
      [2, 3],
      [5, 2],
      [30, 1],
      [200, 1],
    ] as const) {
      await clicksAt(ws, inCampaign, new Date(post + offsetHours * HOUR), count);
    }
    await clicksAt(ws, inCampaign, new Date(post + 1 * HOUR), 5, { isBot: true }); // filtered: no timing

    // A link of his outside any campaign, posted a day later: 4 clicks in its own first hour.
    // Overall: 15 clicks, 8 in the first hour ≥ 7.5 → half-life 1 h.
    const own = await createLink({ workspaceId: ws, hosts: testHosts }, { url: "https://tim.example.com/", slug: `tim-${workspace.slug}`, creatorId: tim.id });
    await updateLinkPost(ws, own.id, { postedAt: "2026-03-02T09:00:00Z", platform: "instagram" });
    await clicksAt(ws, own.id, new Date("2026-03-02T09:40:00Z"), 4);
    // And one without a post time: its clicks count as clicks, but cannot be placed on the curve.
    const unposted = await createLink({ workspaceId: ws, hosts: testHosts }, { url: "https://tim.example.com/x", slug: `tim-x-${workspace.slug}`, creatorId: tim.id });
    await clicksAt(ws, unposted.id, new Date("2026-03-03T12:00:00Z"), 9);

    const history = await getCreatorCampaignHistory(ws, tim.id);
    if (!history) throw new Error("history missing");
    expect(history.consistency.audienceCtr).toEqual({ verdict: "one campaign so far", campaigns: 1, mean: 11 / 5_000, cv: null });
    expect(history.campaigns).toHaveLength(1);
    const [row] = history.campaigns;
    expect(row?.postedLinks).toBe(1);
    expect(row?.kpis).toMatchObject({ clicks: 11, uniqueClicks: 11, filteredClicks: 5, followers: 5_000 });
    expect(row?.timing).toEqual({
      buckets: { "0-1h": 4, "1-3h": 3, "3-6h": 2, "6-12h": 0, "12-24h": 0, "1-3d": 1, "3-7d": 0, later: 1 },
      halfLifeHours: 3,
      clicks: 11,
    });
    expect(history.postedLinks).toBe(2);
    expect(history.timing).toEqual({
      buckets: { "0-1h": 8, "1-3h": 3, "3-6h": 2, "6-12h": 0, "12-24h": 0, "1-3d": 1, "3-7d": 0, later: 1 },
      halfLifeHours: 1,
      clicks: 15,
    });
  });

  it("a creator without campaigns or post times has an empty history, not an error", async () => {
    const { workspace } = await makeWorkspace();
    const nobody = await makeCreatorWithFollowers(workspace.id, "New Person", [["2026-01-01", 1_000]]);
    const history = await getCreatorCampaignHistory(workspace.id, nobody.id);
    expect(history?.campaigns).toEqual([]);
    expect(history?.consistency.audienceCtr.verdict).toBe("no data");
    expect(history?.postedLinks).toBe(0);
    expect(history?.timing.clicks).toBe(0);
    expect(history?.timing.halfLifeHours).toBeNull();
  });

  it("keeps tenants apart: another workspace's creator is null, and a forged membership row elsewhere does not leak in", async () => {
    const a = await makeWorkspace();
    const b = await makeWorkspace();
    const creator = await makeCreatorWithFollowers(a.workspace.id, "Home Creator", [["2026-01-01", 1_000]]);
    const home = await campaign(a.workspace.id, "Home", "2026-03-01", "2026-03-31");
    await postIn(a.workspace.id, home.id, creator.id, "2026-03-01T18:00:00Z");
    expect(await getCreatorCampaignHistory(b.workspace.id, creator.id)).toBeNull();
    expect(await getCreatorCampaignHistory(a.workspace.id, "no-such-creator")).toBeNull();

    // A row that could only exist through a bug elsewhere: B's campaign naming A's creator.
    const foreign = await campaign(b.workspace.id, "Foreign", "2026-04-01", "2026-04-30");
    await getDb().campaignCreator.create({ data: { workspaceId: b.workspace.id, campaignId: foreign.id, creatorId: creator.id } });
    const history = await getCreatorCampaignHistory(a.workspace.id, creator.id);
    expect(history?.campaigns.map((c) => c.campaign.name)).toEqual(["Home"]);
  });
});
