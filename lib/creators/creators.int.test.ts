import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { makeWorkspace, refusal } from "@/lib/testing/fixtures";

connectTestDatabase();
const { createCreator } = await import("@/lib/creators/create-creator");
const { addCreatorPlatform, removeCreatorPlatform, updateCreatorPlatform } = await import("@/lib/creators/creator-platforms");
const { setCreatorArchived, updateCreatorDetails } = await import("@/lib/creators/update-creator");
const { getCreator, listCreators, listCreatorLinks } = await import("@/lib/creators/queries");
const { exportCreatorsCsv } = await import("@/lib/creators/export-creators");
const { getDb } = await import("@/lib/db");

const maya = {
  name: "Maya Lopez",
  email: "Maya@Example.com",
  niche: "Food",
  platforms: [
    { platform: "instagram", handle: "@maya.eats", followers: "80,000" },
    { platform: "", handle: "", followers: "" },
    { platform: "tiktok", handle: "maya", followers: "12.4k" },
  ],
};

describe("creators", () => {
  let a: Awaited<ReturnType<typeof makeWorkspace>>;
  let b: Awaited<ReturnType<typeof makeWorkspace>>;
  beforeAll(async () => {
    await truncateAll();
  });
  beforeEach(async () => {
    a = await makeWorkspace("A");
    b = await makeWorkspace("B");
  });

  it("creates a creator with platforms and a first history row per platform", async () => {
    const creator = await createCreator(a.workspace.id, maya);
    const found = await getCreator(a.workspace.id, creator.id);
    expect(found).toMatchObject({ name: "Maya Lopez", email: "maya@example.com", niche: "Food", workspaceId: a.workspace.id });
    expect(found?.platforms.map((p) => [p.platform, p.handle, p.followers, p.history.map((h) => h.followers)])).toEqual([
      ["instagram", "maya.eats", 80000, [80000]],
      ["tiktok", "maya", 12400, [12400]],
    ]);
    expect(await getDb().followerCount.count({ where: { workspaceId: a.workspace.id } })).toBe(2);
  });

  it("refuses a handle another creator holds (409 on the form's row), never a second creator", async () => {
    await createCreator(a.workspace.id, maya);
    const copycat = await refusal(
      createCreator(a.workspace.id, { name: "Not Maya", platforms: [{ platform: "", handle: "", followers: "" }, { platform: "tiktok", handle: "fresh", followers: "5" }, { platform: "instagram", handle: "MAYA.eats", followers: "9" }] }),
    );
    expect(copycat.code).toBe("conflict");
    expect(copycat.details).toEqual([{ path: "platforms.2.handle", message: expect.stringContaining("belongs to another creator (Maya Lopez") }]);
    expect(await getDb().creator.count({ where: { workspaceId: a.workspace.id } })).toBe(1);
    // the same handle in another workspace is another person
    await createCreator(b.workspace.id, maya);
  });

  it("refuses an e-mail another creator of the workspace has, on the form's field, adding and editing", async () => {
    const first = await createCreator(a.workspace.id, maya);
    const twin = await refusal(createCreator(a.workspace.id, { name: "Maya Two", email: "MAYA@example.com", platforms: [{ platform: "youtube", handle: "mayatwo", followers: "10" }] }));
    expect(twin.code).toBe("conflict");
    expect(twin.details).toEqual([{ path: "email", message: expect.stringContaining("maya@example.com is the e-mail of another creator in this workspace (Maya Lopez") }]);
    const sam = await createCreator(a.workspace.id, { name: "Sam Reed", email: "sam@example.com", platforms: [{ platform: "youtube", handle: "samreed", followers: "10" }] });
    const taken = await refusal(updateCreatorDetails(a.workspace.id, sam.id, { name: "Sam Reed", email: "maya@example.com" }));
    expect(taken.details).toEqual([{ path: "email", message: expect.stringContaining("(Maya Lopez") }]);
    expect((await getCreator(a.workspace.id, sam.id))?.email).toBe("sam@example.com");
    // keeping one's own e-mail is no conflict; another workspace's Maya is another person
    await updateCreatorDetails(a.workspace.id, first.id, { name: "Maya López", email: "maya@example.com" });
    await createCreator(b.workspace.id, maya);
  });

  it("refuses bad input and writes nothing", async () => {
    const error = await refusal(createCreator(a.workspace.id, { ...maya, email: "nope", platforms: [{ platform: "instagram", handle: "ok", followers: "lots" }] }));
    expect(error.code).toBe("invalid_input");
    expect(error.details).toEqual([
      { path: "email", message: expect.any(String) },
      { path: "platforms.0.followers", message: expect.any(String) },
    ]);
    expect(await getDb().creator.count({ where: { workspaceId: a.workspace.id } })).toBe(0);
  });

  it("appends history only when the follower count changes; adds and removes platforms", async () => {
    const creator = await createCreator(a.workspace.id, maya);
    const instagram = (await getCreator(a.workspace.id, creator.id))?.platforms.find((p) => p.platform === "instagram");
    if (!instagram) throw new Error("no instagram");
    expect(await updateCreatorPlatform(a.workspace.id, creator.id, instagram.id, { handle: "maya.eats", followers: "80,000" })).toMatchObject({ followersChanged: false });
    expect(await updateCreatorPlatform(a.workspace.id, creator.id, instagram.id, { handle: "@maya.cooks", followers: "81.5k" })).toMatchObject({ followersChanged: true });
    const after = await getCreator(a.workspace.id, creator.id);
    const updated = after?.platforms.find((p) => p.id === instagram.id);
    expect(updated).toMatchObject({ handle: "maya.cooks", followers: 81500 });
    expect(updated?.history.map((h) => h.followers)).toEqual([80000, 81500]);

    await addCreatorPlatform(a.workspace.id, creator.id, { platform: "YouTube", handle: "mayacooks", followers: "1.2m" });
    const conflict = await refusal(addCreatorPlatform(a.workspace.id, creator.id, { platform: "youtube", handle: "other", followers: "1" }));
    expect(conflict.code).toBe("conflict");
    expect(conflict.details).toEqual([{ path: "platform", message: expect.stringContaining("already has a YouTube account") }]);
    const youtube = (await getCreator(a.workspace.id, creator.id))?.platforms.find((p) => p.platform === "youtube");
    expect(youtube?.history.map((h) => h.followers)).toEqual([1_200_000]);

    await removeCreatorPlatform(a.workspace.id, creator.id, instagram.id);
    expect((await getCreator(a.workspace.id, creator.id))?.platforms.map((p) => p.platform)).toEqual(["tiktok", "youtube"]);
    expect(await getDb().followerCount.count({ where: { creatorPlatformId: instagram.id } })).toBe(0);
  });

  it("scopes everything to the workspace: another workspace's creator is not found and nothing changes", async () => {
    const creator = await createCreator(a.workspace.id, maya);
    const platform = (await getCreator(a.workspace.id, creator.id))?.platforms[0];
    if (!platform) throw new Error("no platform");
    const other = b.workspace.id;
    expect(await getCreator(other, creator.id)).toBeNull();
    expect((await refusal(updateCreatorDetails(other, creator.id, { name: "Stolen" }))).code).toBe("not_found");
    expect((await refusal(setCreatorArchived(other, creator.id, true))).code).toBe("not_found");
    expect((await refusal(addCreatorPlatform(other, creator.id, { platform: "twitch", handle: "x", followers: "1" }))).code).toBe("not_found");
    expect((await refusal(updateCreatorPlatform(other, creator.id, platform.id, { handle: "x", followers: "1" }))).code).toBe("not_found");
    expect((await refusal(removeCreatorPlatform(other, creator.id, platform.id))).code).toBe("not_found");
    // a platform id of this workspace under another creator id is not found either
    const sam = await createCreator(a.workspace.id, { name: "Sam", platforms: [{ platform: "x", handle: "sam", followers: "5" }] });
    expect((await refusal(updateCreatorPlatform(a.workspace.id, sam.id, platform.id, { handle: "x", followers: "1" }))).code).toBe("not_found");

    const after = await getCreator(a.workspace.id, creator.id);
    expect(after).toMatchObject({ name: "Maya Lopez", archivedAt: null });
    expect(after?.platforms.map((p) => [p.platform, p.handle, p.followers, p.history.length])).toEqual([
      ["instagram", "maya.eats", 80000, 1],
      ["tiktok", "maya", 12400, 1],
    ]);
    expect(await listCreators(other, { q: "", sort: "name", archived: false })).toEqual([]);
  });

  it("lists, searches, sorts and archives; exports the same rows", async () => {
    await createCreator(a.workspace.id, maya);
    const sam = await createCreator(a.workspace.id, { name: "Sam Reed", platforms: [{ platform: "youtube", handle: "samreed", followers: "1.2m" }] });
    await createCreator(a.workspace.id, { name: "=HYPERLINK(\"evil\")", platforms: [{ platform: "blog", handle: "evil", followers: "1" }] });
    const names = async (options: Partial<Parameters<typeof listCreators>[1]>) =>
      (await listCreators(a.workspace.id, { q: "", sort: "name", archived: false, ...options })).map((c) => c.name);
    expect(await names({})).toEqual(['=HYPERLINK("evil")', "Maya Lopez", "Sam Reed"]);
    expect(await names({ sort: "-followers" })).toEqual(["Sam Reed", "Maya Lopez", '=HYPERLINK("evil")']);
    expect(await names({ q: "maya.EATS" })).toEqual(["Maya Lopez"]);
    expect(await names({ q: "reed" })).toEqual(["Sam Reed"]);
    const [first] = await listCreators(a.workspace.id, { q: "maya", sort: "name", archived: false });
    expect(first).toMatchObject({ totalFollowers: 92400, linkCount: 0 });

    await setCreatorArchived(a.workspace.id, sam.id, true);
    expect(await names({})).not.toContain("Sam Reed");
    expect(await names({ archived: true })).toEqual(["Sam Reed"]);

    const csv = await exportCreatorsCsv(a.workspace.id, { q: "", sort: "name", archived: false });
    expect(csv.split("\r\n")).toEqual([
      "name,email,niche,platform,handle,followers,created",
      expect.stringMatching(/^"'=HYPERLINK\(""evil""\)",,,Blog \/ newsletter,evil,1,\d{4}-\d\d-\d\d$/),
      expect.stringMatching(/^Maya Lopez,maya@example.com,Food,Instagram,maya.eats,80000,/),
      expect.stringMatching(/^Maya Lopez,maya@example.com,Food,TikTok,maya,12400,/),
    ]);
  });

  it("lists the creator's links with click counts from the rollups", async () => {
    const creator = await createCreator(a.workspace.id, maya);
    const db = getDb();
    const link = await db.link.create({ data: { workspaceId: a.workspace.id, slug: `maya-${a.workspace.slug}`, url: "https://example.com/", creatorId: creator.id } });
    await db.link.create({ data: { workspaceId: a.workspace.id, slug: `other-${a.workspace.slug}`, url: "https://example.com/" } });
    await db.linkHourlyStat.createMany({
      data: [
        { linkId: link.id, workspaceId: a.workspace.id, hour: new Date("2026-01-01T10:00:00Z"), clicks: 5, filtered: 1 },
        { linkId: link.id, workspaceId: a.workspace.id, hour: new Date("2026-01-01T11:00:00Z"), clicks: 7, filtered: 0 },
      ],
    });
    expect((await listCreatorLinks(a.workspace.id, creator.id)).map((l) => [l.slug, l.clicks, l.filtered])).toEqual([[link.slug, 12, 1]]);
    expect(await listCreatorLinks(b.workspace.id, creator.id)).toEqual([]);
    expect((await listCreators(a.workspace.id, { q: "", sort: "name", archived: false }))[0]?.linkCount).toBe(1);
  });
});
