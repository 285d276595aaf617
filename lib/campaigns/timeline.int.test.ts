// The campaign page's clicks over time: each creator's clicks per UTC day of the campaign's
// window (from the rollups), the day their post went live, and nothing of other campaigns,
// creators outside it or other workspaces.
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { clicksAt, makeWorkspace } from "@/lib/testing/fixtures";

connectTestDatabase();
const { getDb } = await import("@/lib/db");
const { getCampaignTimeline, timelineWindow } = await import("@/lib/campaigns/timeline");
const { getCampaignPerformance } = await import("@/lib/campaigns/performance");
const { getCampaign } = await import("@/lib/campaigns/campaigns");

const DAY = 86_400_000;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("timelineWindow", () => {
  const now = new Date("2026-06-10T15:00:00Z");
  const history = day("2026-01-01");
  it("runs from the start to a week after the end", () => {
    expect(timelineWindow({ startsOn: day("2026-05-01"), endsOn: day("2026-05-10") }, null, history, now)).toEqual({ start: day("2026-05-01"), end: day("2026-05-18") });
  });
  it("stops at today for a running or open campaign", () => {
    expect(timelineWindow({ startsOn: day("2026-06-01"), endsOn: day("2026-06-30") }, null, history, now)).toEqual({ start: day("2026-06-01"), end: day("2026-06-11") });
    expect(timelineWindow({ startsOn: null, endsOn: null }, new Date("2026-06-08T09:30:00Z"), history, now)).toEqual({ start: day("2026-06-08"), end: day("2026-06-11") });
  });
  it("never reaches before the plan's history, and has nothing to show without a start", () => {
    expect(timelineWindow({ startsOn: day("2025-06-01"), endsOn: null }, null, history, now)?.start).toEqual(history);
    expect(timelineWindow({ startsOn: null, endsOn: null }, null, history, now)).toBeNull();
    expect(timelineWindow({ startsOn: day("2026-07-01"), endsOn: null }, null, history, now)).toBeNull();
  });
});

describe("a campaign's clicks per creator per day", () => {
  let workspaceId: string;
  let campaignId: string;
  const today = new Date(Math.floor(Date.now() / DAY) * DAY);
  const daysAgo = (n: number, hour = 12) => new Date(today.getTime() - n * DAY + hour * 3_600_000);
  const iso = (at: Date) => at.toISOString().slice(0, 10);

  beforeAll(async () => {
    await truncateAll();
    const { workspace } = await makeWorkspace("Timeline");
    workspaceId = workspace.id;
    const other = await makeWorkspace("Elsewhere");
    const db = getDb();
    const campaign = await db.campaign.create({ data: { workspaceId, name: "Spring", slug: "spring", startsOn: daysAgo(3, 0) } });
    campaignId = campaign.id;
    const maya = await db.creator.create({ data: { workspaceId, name: "Maya" } });
    const jordan = await db.creator.create({ data: { workspaceId, name: "Jordan" } });
    for (const creator of [maya, jordan]) await db.campaignCreator.create({ data: { workspaceId, campaignId, creatorId: creator.id } });
    const link = async (slug: string, creatorId: string | null, postedAt: Date | null, inCampaign = true) =>
      (await db.link.create({ data: { workspaceId, slug, url: "https://shop.example/", creatorId, campaignId: inCampaign ? campaignId : null, postedAt } })).id;
    const mayaLink = await link("maya", maya.id, daysAgo(2, 9));
    const mayaStory = await link("maya-story", maya.id, daysAgo(1, 20));
    const jordanLink = await link("jordan", jordan.id, null);
    const mayaElsewhere = await link("maya-newsletter", maya.id, null, false);
    const foreign = (await db.link.create({ data: { workspaceId: other.workspace.id, slug: "their-maya", url: "https://other.example/" } })).id;

    await clicksAt(workspaceId, mayaLink, daysAgo(2), 5);
    await clicksAt(workspaceId, mayaLink, daysAgo(1), 2);
    await clicksAt(workspaceId, mayaStory, daysAgo(1, 22), 3);
    await clicksAt(workspaceId, mayaLink, daysAgo(1), 4, { isBot: true }); // filtered: not a click
    await clicksAt(workspaceId, jordanLink, daysAgo(0, 1), 1);
    await clicksAt(workspaceId, mayaElsewhere, daysAgo(1), 9);
    await clicksAt(other.workspace.id, foreign, daysAgo(1), 7);
  });

  it("has a count per day from the campaign's start to today, and each creator's first post day", async () => {
    const campaign = (await getCampaign(workspaceId, campaignId))!;
    const performance = await getCampaignPerformance(campaign);
    const timeline = await getCampaignTimeline(workspaceId, campaign, performance, new Date(today.getTime() - 30 * DAY));
    expect(timeline?.days).toEqual([3, 2, 1, 0].map((n) => iso(daysAgo(n))));
    const byName = Object.fromEntries(timeline!.series.map((s) => [s.name, s]));
    expect(byName.Maya).toEqual({ name: "Maya", clicks: [0, 5, 5, 0], postedOn: iso(daysAgo(2)) });
    expect(byName.Jordan).toEqual({ name: "Jordan", clicks: [0, 0, 0, 1], postedOn: null });
  });

  it("has nothing to draw for a campaign without links", async () => {
    const db = getDb();
    const empty = await db.campaign.create({ data: { workspaceId, name: "Empty", slug: "empty", startsOn: daysAgo(3, 0) } });
    const campaign = (await getCampaign(workspaceId, empty.id))!;
    expect(await getCampaignTimeline(workspaceId, campaign, await getCampaignPerformance(campaign), new Date(today.getTime() - 30 * DAY))).toBeNull();
  });
});
