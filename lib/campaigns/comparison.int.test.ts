import { beforeAll, describe, expect, it } from "vitest";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { clicksAt, makeCreatorWithFollowers, makeWorkspace, testHosts } from "@/lib/testing/fixtures";

connectTestDatabase();
const { getCreatorComparison } = await import("@/lib/campaigns/comparison");
const { combineTiming, getHourlyClicksSincePost } = await import("@/lib/analytics/timing");
const { createCampaign } = await import("@/lib/campaigns/campaigns");
const { generateCampaignLinks } = await import("@/lib/campaigns/generate-links");
const { updateLinkPost } = await import("@/lib/links/update-link");

const POSTED = Date.parse("2026-03-01T18:20:00Z");

/** `count` human clicks by distinct visitors, `hoursAfter` the post. */
const clicksAfterPost = (workspaceId: string, linkId: string, hoursAfter: number, count: number) =>
  clicksAt(workspaceId, linkId, new Date(POSTED + hoursAfter * 3_600_000), count);

describe("creator comparison and timing", () => {
  beforeAll(async () => {
    await truncateAll();
  });

  it("pools a creator's campaigns by audience and times clicks from the post", async () => {
    const { workspace } = await makeWorkspace();
    const ana = await makeCreatorWithFollowers(workspace.id, "Ana", [["2026-01-01", 10_000]]);
    const ben = await makeCreatorWithFollowers(workspace.id, "Ben", [["2026-01-01", 10_000]]);
    const base = { objective: "traffic", destinationUrl: "https://shop.example.com/", utmTemplate: null, kpis: [{ kpi: "audience_ctr", primary: true }] };
    const first = await createCampaign(workspace.id, { ...base, name: "First" });
    const second = await createCampaign(workspace.id, { ...base, name: "Second" });
    const links: Record<string, string> = {};
    for (const campaign of [first, second]) {
      const generated = await generateCampaignLinks({ workspaceId: workspace.id, hosts: testHosts }, campaign.id, { creatorIds: [ana.id, ben.id] });
      for (const made of generated.created) {
        links[`${campaign.name}/${made.creatorName}`] = made.linkId;
        await updateLinkPost(workspace.id, made.linkId, { postedAt: new Date(POSTED).toISOString() });
      }
    }
    // Ana: 300 unique in First (3 %), 100 in Second (1 %); Ben: 50 in each (0.5 %).
    await clicksAfterPost(workspace.id, links["First/Ana"]!, 0.2, 200); // the post's own hour
    await clicksAfterPost(workspace.id, links["First/Ana"]!, 2, 100);
    await clicksAfterPost(workspace.id, links["Second/Ana"]!, 30, 100);
    await clicksAfterPost(workspace.id, links["First/Ben"]!, 5, 50);
    await clicksAfterPost(workspace.id, links["Second/Ben"]!, 200, 50);

    const one = await getCreatorComparison(workspace.id, first.id);
    expect(one?.rows.map((r) => [r.name, r.kpis.uniqueClicks, r.kpis.audienceCtr])).toEqual([
      ["Ana", 300, 0.03],
      ["Ben", 50, 0.005],
    ]);
    const all = await getCreatorComparison(workspace.id, null);
    const ana2 = all?.rows.find((r) => r.name === "Ana");
    expect(all?.campaigns).toBe(2);
    expect(ana2?.kpis).toMatchObject({ uniqueClicks: 400, followers: 20_000, audienceCtr: 0.02 }); // (300 + 100) ÷ (10k + 10k)
    expect(await getCreatorComparison(workspace.id, "not-a-campaign")).toBeNull();

    const hourly = await getHourlyClicksSincePost(workspace.id, Object.values(links));
    const anaTiming = combineTiming(hourly, [links["First/Ana"]!, links["Second/Ana"]!]);
    expect(anaTiming.clicks).toBe(400);
    expect(anaTiming.buckets).toMatchObject({ "0-1h": 200, "1-3h": 100, "1-3d": 100 });
    expect(anaTiming.halfLifeHours).toBe(1); // 200 of 400 within the post's first hour
    expect(combineTiming(hourly, [links["Second/Ben"]!]).buckets.later).toBe(50);
  });

  it("keeps other workspaces' campaigns out", async () => {
    const a = await makeWorkspace();
    const b = await makeWorkspace();
    const campaign = await createCampaign(a.workspace.id, { name: "Private", objective: "traffic" });
    expect(await getCreatorComparison(b.workspace.id, campaign.id)).toBeNull();
    expect((await getCreatorComparison(b.workspace.id, null))?.rows).toEqual([]);
  });
});
