// /api/v1/creators through the real route modules; every answer is checked against the OpenAPI
// document (lib/testing/api-client.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { api } from "@/lib/testing/api-client";

connectTestDatabase();
const { getDb } = await import("@/lib/db");

const maya = { name: "Maya Eats", email: "Maya@Example.com", niche: "food", platforms: [{ platform: "instagram", handle: "@maya.eats", followers: 12_400 }] };

describe("creators API", () => {
  let a: Awaited<ReturnType<typeof makeWorkspace>>;
  let b: Awaited<ReturnType<typeof makeWorkspace>>;
  beforeAll(async () => {
    await truncateAll();
    a = await makeWorkspace("A");
    b = await makeWorkspace("B");
  });

  it("creates, reads, changes and archives a creator; follower changes join the history", async () => {
    const created = await api("POST", "/api/v1/creators", { key: a.apiKey, body: maya });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: "Maya Eats",
      email: "maya@example.com",
      niche: "food",
      notes: null,
      platforms: [{ platform: "instagram", handle: "maya.eats", followers: 12_400 }],
      totalFollowers: 12_400,
      archived: false,
    });
    const id: string = created.body.id;
    // a handle names one person: a second creator cannot take it
    const twin = await api("POST", "/api/v1/creators", { key: a.apiKey, body: { name: "Twin", platforms: [{ platform: "instagram", handle: "Maya.Eats", followers: 1 }] } });
    expect(twin.status).toBe(409);
    expect(twin.body.error.details).toEqual([{ path: "platforms.0.handle", message: expect.stringContaining("belongs to another creator (Maya Eats") }]);

    // an e-mail names one person too, adding and changing
    const sameMail = await api("POST", "/api/v1/creators", { key: a.apiKey, body: { name: "Twin", email: "MAYA@example.com", platforms: [{ platform: "youtube", handle: "twin", followers: 5 }] } });
    expect(sameMail.status).toBe(409);
    expect(sameMail.body.error.details).toEqual([{ path: "email", message: expect.stringContaining("another creator in this workspace (Maya Eats") }]);
    const other = await api("POST", "/api/v1/creators", { key: a.apiKey, body: { name: "Sam", email: "sam@example.com", platforms: [{ platform: "youtube", handle: "sam", followers: 5 }] } });
    expect(other.status).toBe(201);
    const moved = await api("PATCH", `/api/v1/creators/${other.body.id}`, { key: a.apiKey, body: { email: "maya@example.com" } });
    expect(moved.status).toBe(409);
    expect(moved.body.error.details[0].path).toBe("email");

    expect((await api("GET", `/api/v1/creators/${id}`, { key: a.apiKey })).body.name).toBe("Maya Eats");

    const changed = await api("PATCH", `/api/v1/creators/${id}`, {
      key: a.apiKey,
      body: { niche: null, notes: "Prefers reels", platforms: [{ platform: "instagram", handle: "maya.eats", followers: 13_000 }, { platform: "TikTok", handle: "mayaeats", followers: 50_000 }] },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: "Maya Eats", email: "maya@example.com", niche: null, notes: "Prefers reels", totalFollowers: 63_000 });
    expect(changed.body.platforms.map((p: { platform: string }) => p.platform)).toEqual(["tiktok", "instagram"]); // largest audience first
    const history = await getDb().followerCount.findMany({ where: { creatorPlatform: { creatorId: id, platform: "instagram" } }, orderBy: { recordedAt: "asc" } });
    expect(history.map((h) => h.followers)).toEqual([12_400, 13_000]);

    // A PATCH with only a name leaves the rest alone.
    const renamed = await api("PATCH", `/api/v1/creators/${id}`, { key: a.apiKey, body: { name: "Maya R." } });
    expect(renamed.body).toMatchObject({ name: "Maya R.", email: "maya@example.com", notes: "Prefers reels", totalFollowers: 63_000 });

    const archived = await api("DELETE", `/api/v1/creators/${id}`, { key: a.apiKey });
    expect(archived.body.archived).toBe(true);
    expect((await api("GET", "/api/v1/creators", { key: a.apiKey })).body.data.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await api("GET", "/api/v1/creators?archived=true", { key: a.apiKey })).body.data.map((c: { id: string }) => c.id)).toContain(id);
  });

  it("refuses each bad field by name and writes nothing", async () => {
    const before = await getDb().creator.count();
    const platform = maya.platforms[0]!;
    for (const [body, path] of [
      [{ ...maya, name: "" }, "name"],
      [{ ...maya, name: "x".repeat(121) }, "name"],
      [{ ...maya, email: "not-an-email" }, "email"],
      [{ ...maya, niche: 5 }, "niche"],
      [{ ...maya, notes: "x".repeat(2_001) }, "notes"],
      [{ ...maya, platforms: [] }, "platforms"],
      [{ ...maya, platforms: "instagram" }, "platforms"],
      [{ ...maya, platforms: [{ ...platform, platform: "myspace" }] }, "platforms.0.platform"],
      [{ ...maya, platforms: [{ ...platform, handle: "https://instagram.com/maya" }] }, "platforms.0.handle"],
      [{ ...maya, platforms: [{ ...platform, followers: -3 }] }, "platforms.0.followers"],
      [{ ...maya, platforms: [{ ...platform, followers: 3_000_000_000 }] }, "platforms.0.followers"],
      [{ ...maya, platforms: [platform, { ...platform, handle: "other" }] }, "platforms.1.platform"],
      [{ ...maya, name: "Ma\u0000ya" }, "name"],
    ] as const) {
      const refused = await api("POST", "/api/v1/creators", { key: a.apiKey, body });
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.body.error.details.map((d: { path: string }) => d.path), JSON.stringify(body)).toContain(path);
    }
    const someone = await api("POST", "/api/v1/creators", { key: a.apiKey, body: { name: "Someone", platforms: [{ platform: "x", handle: "someone", followers: 10 }] } });
    const after = await getDb().creator.count();
    expect(after).toBe(before + 1);
    for (const [body, path] of [
      [{ name: " " }, "name"],
      [{ email: "nope" }, "email"],
      [{ platforms: [{ platform: "x", handle: "", followers: 1 }] }, "platforms.0.handle"],
    ] as const) {
      const refused = await api("PATCH", `/api/v1/creators/${someone.body.id}`, { key: a.apiKey, body });
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    for (const query of ["limit=0", "limit=abc", "archived=maybe", "cursor=bm9wZQ"]) {
      const refused = await api("GET", `/api/v1/creators?${query}`, { key: a.apiKey });
      expect(refused.status, query).toBe(422);
    }
    expect((await api("GET", `/api/v1/creators/${someone.body.id}`, { key: a.apiKey })).body.name).toBe("Someone");
  });

  it("upserts by e-mail or handle, item by item, and reports each", async () => {
    const first = await api("POST", "/api/v1/creators/bulk", {
      key: a.apiKey,
      body: {
        items: [
          { name: "Leo", email: "leo@example.com", platforms: [{ platform: "tiktok", handle: "leo.moves", followers: 1_000 }] },
          { name: "Ana", platforms: [{ platform: "youtube", handle: "AnaCooks", followers: 5_000 }] },
          { name: "", platforms: [] },
          // the same person again later in the batch: updates what item 0 created
          { name: "Leo M.", email: "LEO@example.com", platforms: [{ platform: "instagram", handle: "leo.m", followers: 300 }] },
        ],
      },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ created: 2, updated: 1, failed: 1 });
    expect(first.body.results[2]).toMatchObject({ index: 2, ok: false, error: { code: "invalid_input" } });
    expect(first.body.results[2].error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(["name", "platforms"]));
    const leo = first.body.results[3].creator;
    expect(first.body.results[3].status).toBe("updated");
    expect(leo.id).toBe(first.body.results[0].creator.id);
    expect(leo).toMatchObject({ name: "Leo M.", totalFollowers: 1_300 });

    const second = await api("POST", "/api/v1/creators/bulk", {
      key: a.apiKey,
      body: {
        items: [
          // found by handle (any case, with @), no e-mail given: the e-mail is added
          { name: "Ana Cooks", email: "ana@example.com", platforms: [{ platform: "youtube", handle: "@anacooks", followers: 6_000 }] },
          // handles of two different people in one item
          { name: "Mix", platforms: [{ platform: "tiktok", handle: "leo.moves", followers: 1 }, { platform: "youtube", handle: "anacooks", followers: 1 }] },
          // Leo by e-mail, claiming Ana's channel
          { name: "Leo", email: "leo@example.com", platforms: [{ platform: "youtube", handle: "AnaCooks", followers: 1 }] },
          { name: "Ana Cooks", platforms: [{ platform: "youtube", handle: "anacooks", followers: 6_000 }], notes: "Bu\u0000g" },
        ],
      },
    });
    expect(second.body).toMatchObject({ created: 0, updated: 1, failed: 3 });
    expect(second.body.results[0].creator).toMatchObject({ name: "Ana Cooks", email: "ana@example.com", totalFollowers: 6_000 });
    expect(second.body.results[1].error).toMatchObject({ code: "conflict", details: [{ path: "platforms" }] });
    expect(second.body.results[2].error).toMatchObject({ code: "conflict", details: [{ path: "platforms.0.handle" }] });
    expect(second.body.results[3].error).toMatchObject({ code: "invalid_input", details: [{ path: "notes" }] });
    const names = (await getDb().creator.findMany({ where: { workspaceId: a.workspace.id, name: { in: ["Leo M.", "Ana Cooks"] } } })).map((c) => c.name);
    expect(names.sort()).toEqual(["Ana Cooks", "Leo M."]); // refused items changed nothing

    // B's roster is B's: the same e-mail there is a new creator, and A's creators are not found.
    const other = await api("POST", "/api/v1/creators/bulk", { key: b.apiKey, body: { items: [{ name: "Leo", email: "leo@example.com", platforms: [{ platform: "tiktok", handle: "leo.moves", followers: 9 }] }] } });
    expect(other.body).toMatchObject({ created: 1, updated: 0 });
    for (const method of ["GET", "PATCH", "DELETE"] as const) {
      const answer = await api(method, `/api/v1/creators/${leo.id}`, { key: b.apiKey, ...(method === "PATCH" ? { body: { name: "Stolen" } } : {}) });
      expect(answer.status, method).toBe(404);
    }
    expect((await getDb().creator.findUniqueOrThrow({ where: { id: leo.id } })).name).toBe("Leo M.");

    for (const [body, path] of [
      [{}, "items"],
      [{ items: [] }, "items"],
      [{ items: Array.from({ length: 1_001 }, () => ({})) }, "items"],
    ] as const) {
      const refused = await api("POST", "/api/v1/creators/bulk", { key: a.apiKey, body });
      expect(refused.status).toBe(422);
      expect(refused.body.error.details[0].path).toBe(path);
    }
  });

  it("pages with a cursor and searches by name, handle and e-mail", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { data: { id: string }[]; nextCursor: string | null } } = await api("GET", `/api/v1/creators?limit=1${cursor ? `&cursor=${cursor}` : ""}`, { key: a.apiKey });
      seen.push(...page.body.data.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    const active = await getDb().creator.count({ where: { workspaceId: a.workspace.id, archivedAt: null } });
    expect(seen).toHaveLength(active);
    expect(new Set(seen).size).toBe(active);
    expect((await api("GET", "/api/v1/creators?q=%40leo.mov", { key: a.apiKey })).body.data.map((c: { name: string }) => c.name)).toEqual(["Leo M."]);
    // a search keeps its filter on every page
    const searched: string[] = [];
    cursor = null;
    do {
      const page: { body: { data: { name: string }[]; nextCursor: string | null } } = await api("GET", `/api/v1/creators?q=e&limit=1${cursor ? `&cursor=${cursor}` : ""}`, { key: a.apiKey });
      searched.push(...page.body.data.map((c) => c.name));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(searched.sort()).toEqual(["Leo M.", "Someone"]); // not Ana Cooks
    expect((await api("GET", "/api/v1/creators?email=ANA%40example.com", { key: a.apiKey })).body.data.map((c: { name: string }) => c.name)).toEqual(["Ana Cooks"]);
  });
});
