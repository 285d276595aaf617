// A campaign's clicks by source and by UTM tag (the campaign page's "Where the clicks came from"),
// over whole UTC days: clicks and unique clicks from the rollups, equal to counting raw clicks.
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { clicksAt, makeWorkspace } from "@/lib/testing/fixtures";

connectTestDatabase();
const { getDb } = await import("@/lib/db");
const { getDimension, getTrafficTags, utcDaysRange } = await import("@/lib/analytics/query");
const { lastDays } = await import("@/lib/date-range");

const DAY = 86_400_000;

describe("traffic by source and UTM tag", () => {
  let workspaceId: string;
  let campaignId: string;
  const today = lastDays(1);
  const yesterdayNoon = new Date(today.start.getTime() - DAY / 2);
  const todayEarly = new Date(today.start.getTime() + 60_000);

  beforeAll(async () => {
    await truncateAll();
    const { workspace } = await makeWorkspace("Traffic");
    workspaceId = workspace.id;
    const other = await makeWorkspace("Elsewhere");
    const campaign = await getDb().campaign.create({ data: { workspaceId, name: "Spring", slug: "spring" } });
    campaignId = campaign.id;
    const link = async (slug: string, url: string, inCampaign = true, ws = workspaceId) =>
      (await getDb().link.create({ data: { workspaceId: ws, slug, url, campaignId: inCampaign ? campaignId : null } })).id;
    const maya = await link("maya", "https://shop.example/?utm_source=instagram&utm_medium=influencer&utm_content=maya");
    const jordan = await link("jordan", "https://shop.example/?utm_medium=influencer&utm_content=jordan&utm_source=Instagram");
    const sam = await link("sam", "https://shop.example/?utm_source=tiktok&utm_medium=influencer&utm_content=sam%20k");
    const untagged = await link("plain", "https://shop.example/plain");
    const outside = await link("newsletter", "https://shop.example/?utm_source=instagram&utm_content=maya", false);
    const foreign = await link("their-maya", "https://other.example/?utm_source=instagram", false, other.workspace.id);

    // v1 comes back the next day: two unique clicks (visitors per link per UTC day)
    await clicksAt(workspaceId, maya, yesterdayNoon, 2, { visitors: ["v1", "v2"] });
    await clicksAt(workspaceId, maya, todayEarly, 2, { visitors: ["v1", "v1"], source: "qr" });
    await clicksAt(workspaceId, maya, todayEarly, 1, { isBot: true });
    await clicksAt(workspaceId, jordan, todayEarly, 3, { visitors: ["j1", "j2", "j3"] });
    await clicksAt(workspaceId, sam, yesterdayNoon, 1, { visitors: ["s1"] });
    await clicksAt(workspaceId, untagged, todayEarly, 1, { visitors: ["u1"] });
    await clicksAt(workspaceId, outside, todayEarly, 9);
    await clicksAt(other.workspace.id, foreign, todayEarly, 7);
  });

  it("counts only the campaign's links, grouped by each tag, untagged links apart", async () => {
    const range = utcDaysRange(lastDays(30));
    const traffic = await getTrafficTags(workspaceId, range, { campaignId }, 10);
    expect(traffic.sources).toEqual([
      { value: "link", clicks: 7 },
      { value: "qr", clicks: 2 },
    ]);
    // tag values are case-sensitive, as analytics tools read them
    expect(traffic.tags.utm_source).toEqual([
      { value: "instagram", clicks: 4, uniqueClicks: 3, filteredClicks: 1 },
      { value: "Instagram", clicks: 3, uniqueClicks: 3, filteredClicks: 0 },
      { value: "tiktok", clicks: 1, uniqueClicks: 1, filteredClicks: 0 },
      { value: null, clicks: 1, uniqueClicks: 1, filteredClicks: 0 },
    ]);
    expect(traffic.tags.utm_medium).toEqual([
      { value: "influencer", clicks: 8, uniqueClicks: 7, filteredClicks: 1 },
      { value: null, clicks: 1, uniqueClicks: 1, filteredClicks: 0 },
    ]);
    expect(traffic.tags.utm_content.map((row) => row.value)).toEqual(["maya", "jordan", "sam k", null]);
    expect(traffic.tags.utm_term).toEqual([{ value: null, clicks: 9, uniqueClicks: 8, filteredClicks: 1 }]);
    expect((await getTrafficTags(workspaceId, range, { campaignId }, 2)).tags.utm_source.map((row) => row.value)).toEqual(["instagram", "Instagram"]);
  });

  it("answers from the rollups what the raw clicks say, for whole days and for any instant range", async () => {
    const days = utcDaysRange(lastDays(30));
    const instants = { ...days, start: new Date(yesterdayNoon.getTime() - 1234), end: new Date(todayEarly.getTime() + 1) };
    const byDays = await getDimension(workspaceId, days, {}, "utm_content", 10);
    expect(await getDimension(workspaceId, instants, {}, "utm_content", 10)).toEqual(byDays);
    expect(byDays).toEqual([
      { value: "maya", clicks: 13, uniqueClicks: 12, filteredClicks: 1 },
      { value: "jordan", clicks: 3, uniqueClicks: 3, filteredClicks: 0 },
      { value: "sam k", clicks: 1, uniqueClicks: 1, filteredClicks: 0 },
      { value: null, clicks: 1, uniqueClicks: 1, filteredClicks: 0 },
    ]);
    // sources: QR scans from the hourly rollup equal the raw clicks' count
    expect((await getTrafficTags(workspaceId, instants, { campaignId }, 10)).sources).toEqual((await getTrafficTags(workspaceId, days, { campaignId }, 10)).sources);
    // only yesterday: the day's clicks, nothing from today
    const yesterday = utcDaysRange({ start: new Date(today.start.getTime() - DAY), end: today.start });
    expect(await getDimension(workspaceId, yesterday, { campaignId }, "utm_source", 10)).toEqual([
      { value: "instagram", clicks: 2, uniqueClicks: 2, filteredClicks: 0 },
      { value: "tiktok", clicks: 1, uniqueClicks: 1, filteredClicks: 0 },
    ]);
  });
});
