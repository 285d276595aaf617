// GET /api/v1/analytics by source (link clicks vs QR scans) and by the UTM tags of the links'
// destinations, checked against the OpenAPI document.
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { clicksAt, makeWorkspace } from "@/lib/testing/fixtures";
import { api } from "@/lib/testing/api-client";

connectTestDatabase();
const { getDb } = await import("@/lib/db");

type Row = { value: string | null; clicks: number; uniqueClicks: number; filteredClicks: number };

describe("analytics by source and UTM tag", () => {
  let ws: Awaited<ReturnType<typeof makeWorkspace>>;
  const q = async (query: string) => (await api<{ data: Row[] }>("GET", `/api/v1/analytics?${query}`, { key: ws.apiKey })).body.data;

  beforeAll(async () => {
    await truncateAll();
    ws = await makeWorkspace("Tags");
    const other = await makeWorkspace("Other");
    const link = async (slug: string, url: string, workspaceId = ws.workspace.id) => (await getDb().link.create({ data: { workspaceId, slug, url } })).id;
    const at = new Date(Date.now() - 2 * 3_600_000);
    // "spring drop" written two ways is one campaign tag
    const a = await link("a", "https://shop.example/?utm_source=instagram&utm_campaign=spring%20drop&utm_content=maya");
    const b = await link("b", "https://shop.example/x?utm_campaign=spring+drop&utm_source=tiktok#top");
    const c = await link("c", "https://shop.example/plain");
    const foreign = await link("d", "https://other.example/?utm_source=instagram", other.workspace.id);
    await clicksAt(ws.workspace.id, a, at, 3, { visitors: ["v1", "v2", "v3"] });
    await clicksAt(ws.workspace.id, a, at, 2, { source: "qr", visitors: ["v4", "v4"] });
    await clicksAt(ws.workspace.id, b, at, 4);
    await clicksAt(ws.workspace.id, b, at, 1, { isBot: true });
    await clicksAt(ws.workspace.id, c, at, 1);
    await clicksAt(other.workspace.id, foreign, at, 7);
  });

  it("tells QR scans from link clicks", async () => {
    expect(await q("groupBy=sources&interval=24h")).toEqual([
      { value: "link", clicks: 8, uniqueClicks: 8, filteredClicks: 1 },
      { value: "qr", clicks: 2, uniqueClicks: 1, filteredClicks: 0 },
    ]);
  });

  it("groups by a UTM tag of the destination, decoded, links without it as null", async () => {
    expect(await q("groupBy=utm_campaign&interval=24h")).toEqual([
      { value: "spring drop", clicks: 9, uniqueClicks: 8, filteredClicks: 1 },
      { value: null, clicks: 1, uniqueClicks: 1, filteredClicks: 0 },
    ]);
    // only this workspace's clicks: the other's instagram link adds nothing
    expect(await q("groupBy=utm_source&interval=24h")).toEqual([
      { value: "instagram", clicks: 5, uniqueClicks: 4, filteredClicks: 0 },
      { value: "tiktok", clicks: 4, uniqueClicks: 4, filteredClicks: 1 },
      { value: null, clicks: 1, uniqueClicks: 1, filteredClicks: 0 },
    ]);
    expect(await q("groupBy=utm_source&interval=24h&limit=1")).toEqual([{ value: "instagram", clicks: 5, uniqueClicks: 4, filteredClicks: 0 }]);
    expect(await q("groupBy=utm_term&interval=24h")).toEqual([{ value: null, clicks: 10, uniqueClicks: 9, filteredClicks: 1 }]);
  });

  it("answers UTM breakdowns as CSV too", async () => {
    const { status, text } = await api("GET", "/api/v1/analytics?groupBy=utm_content&interval=24h&format=csv", { key: ws.apiKey });
    expect(status).toBe(200);
    expect(text.split("\r\n")[0]).toMatch(/^utm_content,clicks,unique_clicks,filtered_clicks/);
    expect(text).toContain("maya,5,4,0");
  });
});
