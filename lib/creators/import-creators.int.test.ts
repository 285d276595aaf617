import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { makeWorkspace } from "@/lib/testing/fixtures";

connectTestDatabase();
const { importCreatorsCsv } = await import("@/lib/creators/import-creators");
const { createCreator } = await import("@/lib/creators/create-creator");
const { getDb } = await import("@/lib/db");

async function snapshot(workspaceId: string) {
  const creators = await getDb().creator.findMany({
    where: { workspaceId },
    orderBy: { name: "asc" },
    select: {
      name: true,
      email: true,
      platforms: { orderBy: { platform: "asc" }, select: { platform: true, handle: true, followers: true, history: { orderBy: { recordedAt: "asc" }, select: { followers: true } } } },
    },
  });
  return creators.map((c) => ({ ...c, platforms: c.platforms.map((p) => ({ ...p, history: p.history.map((h) => h.followers) })) }));
}

describe("creator CSV import", () => {
  let a: Awaited<ReturnType<typeof makeWorkspace>>;
  let b: Awaited<ReturnType<typeof makeWorkspace>>;
  beforeAll(async () => {
    await truncateAll();
  });
  beforeEach(async () => {
    a = await makeWorkspace("A");
    b = await makeWorkspace("B");
  });

  it("imports the good rows, reports the bad ones, and writes nothing of a refused creator", async () => {
    const csv = [
      "Name,Email,Platform,Handle,Followers",
      "Maya Lopez,maya@example.com,Instagram,@maya.eats,\"80,000\"",
      "Maya Lopez,maya@example.com,TikTok,maya,12.4k",
      "Sam Reed,,YouTube,samreed,1.2m",
      "Bo Bad,bo@example.com,Instagram,bo,100",
      "Bo Bad,bo@example.com,Fax,bo,100",
      "No Handle,,Twitch,,5",
    ].join("\n");
    const report = await importCreatorsCsv(a.workspace.id, csv);
    expect(report).toMatchObject({ created: 2, updated: 0, rowsImported: 3 });
    expect(report.refused.map((r) => [r.row, r.issues.map((i) => i.path)])).toEqual([
      [5, ["(row)"]],
      [6, ["platform"]],
      [7, ["handle"]],
    ]);
    expect(await snapshot(a.workspace.id)).toEqual([
      {
        name: "Maya Lopez",
        email: "maya@example.com",
        platforms: [
          { platform: "instagram", handle: "maya.eats", followers: 80000, history: [80000] },
          { platform: "tiktok", handle: "maya", followers: 12400, history: [12400] },
        ],
      },
      { name: "Sam Reed", email: null, platforms: [{ platform: "youtube", handle: "samreed", followers: 1_200_000, history: [1_200_000] }] },
    ]);
    expect(await getDb().creator.count({ where: { name: "Bo Bad" } })).toBe(0);
    expect(await getDb().creator.count({ where: { workspaceId: b.workspace.id } })).toBe(0);
  });

  it("re-importing updates creators (history on changed counts) instead of duplicating them", async () => {
    const first = ["name,email,platform,handle,followers", "Maya Lopez,maya@example.com,Instagram,maya.eats,80000", "Sam Reed,,YouTube,samreed,1000"].join("\n");
    expect(await importCreatorsCsv(a.workspace.id, first)).toMatchObject({ created: 2, updated: 0 });
    const second = [
      "name,email,platform,handle,followers",
      "Maya Lopez,MAYA@example.com,Instagram,maya.eats,80000", // unchanged count: no new history row
      "Maya Lopez,maya@example.com,TikTok,maya,5k", // new platform
      "sam reed,sam@example.com,YouTube,samreed,1500", // found by name (no e-mail yet); e-mail added
    ].join("\n");
    const report = await importCreatorsCsv(a.workspace.id, second);
    expect(report).toMatchObject({ created: 0, updated: 2, refused: [] });
    expect(await snapshot(a.workspace.id)).toEqual([
      {
        name: "Maya Lopez",
        email: "maya@example.com",
        platforms: [
          { platform: "instagram", handle: "maya.eats", followers: 80000, history: [80000] },
          { platform: "tiktok", handle: "maya", followers: 5000, history: [5000] },
        ],
      },
      { name: "sam reed", email: "sam@example.com", platforms: [{ platform: "youtube", handle: "samreed", followers: 1500, history: [1000, 1500] }] },
    ]);
    // the same file a third time changes nothing
    await importCreatorsCsv(a.workspace.id, second);
    expect(await getDb().followerCount.count({ where: { workspaceId: a.workspace.id } })).toBe(4);
    expect(await getDb().creator.count({ where: { workspaceId: a.workspace.id } })).toBe(2);
  });

  it("matches only creators of its own workspace, and refuses an ambiguous name", async () => {
    await createCreator(b.workspace.id, { name: "Maya Lopez", email: "maya@example.com", platforms: [{ platform: "instagram", handle: "maya", followers: 1 }] });
    await createCreator(a.workspace.id, { name: "Alex Kim", platforms: [{ platform: "instagram", handle: "alex1", followers: 1 }] });
    await createCreator(a.workspace.id, { name: "Alex Kim", platforms: [{ platform: "instagram", handle: "alex2", followers: 2 }] });
    const report = await importCreatorsCsv(a.workspace.id, ["name,email,platform,handle,followers", "Maya Lopez,maya@example.com,TikTok,maya,10", "Alex Kim,,TikTok,alex,3"].join("\n"));
    expect(report).toMatchObject({ created: 1, updated: 0 });
    expect(report.refused).toEqual([{ row: 3, issues: [{ path: "name", message: expect.stringContaining('Several creators in this workspace are called "Alex Kim"') }] }]);
    expect((await snapshot(b.workspace.id))[0]?.platforms.map((p) => p.platform)).toEqual(["instagram"]);
    expect(await getDb().creatorPlatform.count({ where: { workspaceId: a.workspace.id, platform: "tiktok" } })).toBe(1);
  });

  it("two imports of the same file at once create each creator once", async () => {
    const csv = ["name,email,platform,handle,followers", "Maya Lopez,maya@example.com,Instagram,maya.eats,80000", "Sam Reed,,YouTube,samreed,1200", "Ravi Das,ravi@example.com,TikTok,ravi,500"].join("\n");
    const reports = await Promise.all([1, 2, 3].map(() => importCreatorsCsv(a.workspace.id, csv)));
    expect(reports.map((r) => r.created).reduce((x, y) => x + y, 0)).toBe(3);
    expect(reports.map((r) => r.created + r.updated)).toEqual([3, 3, 3]);
    expect((await snapshot(a.workspace.id)).map((c) => [c.name, c.email, c.platforms.map((p) => p.history)])).toEqual([
      ["Maya Lopez", "maya@example.com", [[80000]]],
      ["Ravi Das", "ravi@example.com", [[500]]],
      ["Sam Reed", null, [[1200]]],
    ]);
  });
});
