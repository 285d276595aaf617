// /api/v1/links end to end through the real route modules; every answer is also checked against
// the OpenAPI document (lib/testing/api-client.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { api } from "@/lib/testing/api-client";

connectTestDatabase();
const { createApiKey } = await import("@/lib/api-keys/queries");
const { createApiRateLimiter, setApiRateLimiterForTests } = await import("@/lib/api/rate-limit");
const { getDb } = await import("@/lib/db");

const url = (path: string) => `https://shop.example.com/${path}`;

describe("links API", () => {
  let a: Awaited<ReturnType<typeof makeWorkspace>>;
  let b: Awaited<ReturnType<typeof makeWorkspace>>;
  let creatorA = "";
  let creatorB = "";
  let campaignA = "";
  beforeAll(async () => {
    await truncateAll();
    a = await makeWorkspace("A");
    b = await makeWorkspace("B");
    const db = getDb();
    creatorA = (await db.creator.create({ data: { workspaceId: a.workspace.id, name: "Maya" } })).id;
    creatorB = (await db.creator.create({ data: { workspaceId: b.workspace.id, name: "Other" } })).id;
    campaignA = (await db.campaign.create({ data: { workspaceId: a.workspace.id, name: "Spring", slug: "spring" } })).id;
  });

  it("creates a link with creator, campaign and tags; refuses each bad field by name, writing nothing", async () => {
    const created = await api("POST", "/api/v1/links", { key: a.apiKey, body: { url: url("spring"), slug: "maya-spring", creatorId: creatorA, campaignId: campaignA, tags: ["TikTok", "q3-push", "tiktok"] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug: "maya-spring", creatorId: creatorA, campaignId: campaignA, tags: ["tiktok", "q3-push"], clicks: 0, filteredClicks: 0 });
    expect(created.headers.get("RateLimit-Limit")).toBe("600"); // Team

    const before = await getDb().link.count();
    for (const [body, path] of [
      [{ url: "javascript:alert(1)" }, "url"],
      [{ url: url("x"), slug: "Bad Slug!" }, "slug"],
      [{ url: url("x"), tags: ["ok", "no spaces"] }, "tags.1"],
      [{ url: url("x"), tags: "tiktok" }, "tags"],
      [{ url: url("x"), creatorId: creatorB }, "creatorId"],
      [{ url: url("x"), campaignId: "nope" }, "campaignId"],
      [{ slug: "no-url" }, "url"],
    ] as const) {
      const refused = await api("POST", "/api/v1/links", { key: a.apiKey, body });
      expect(refused.status, JSON.stringify(body)).toBe(422);
      expect(refused.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
      expect(refused.headers.get("RateLimit-Remaining")).not.toBeNull();
    }
    expect(await getDb().link.count()).toBe(before);
    expect((await api("POST", "/api/v1/links", { key: a.apiKey, body: { url: url("again"), slug: "maya-spring" } })).status).toBe(409);
  });

  it("lists newest first with filters and a cursor, and only the caller's links", async () => {
    await api("POST", "/api/v1/links/bulk", {
      key: a.apiKey,
      body: { items: Array.from({ length: 7 }, (_, i) => ({ url: url(`p${i}`), slug: `page-${i}`, tags: i % 2 ? ["odd"] : [], ...(i < 3 ? { creatorId: creatorA } : {}) })) },
    });
    await api("POST", "/api/v1/links", { key: b.apiKey, body: { url: url("b"), slug: "b-only", tags: ["odd"] } });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { data: { slug: string }[]; nextCursor: string | null } } = await api("GET", `/api/v1/links?limit=3${cursor ? `&cursor=${cursor}` : ""}`, { key: a.apiKey });
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.body.data.map((l: { slug: string }) => l.slug));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(8); // 7 + maya-spring, none of B's
    expect(new Set(seen).size).toBe(8);
    expect(seen).not.toContain("b-only");

    const odd = await api("GET", "/api/v1/links?tag=odd", { key: a.apiKey });
    expect(odd.body.data.map((l: { slug: string }) => l.slug).sort()).toEqual(["page-1", "page-3", "page-5"]);
    const mayas = await api("GET", `/api/v1/links?creatorId=${creatorA}`, { key: a.apiKey });
    expect(mayas.body.data).toHaveLength(4);
    const spring = await api("GET", `/api/v1/links?campaignId=${campaignA}`, { key: a.apiKey });
    expect(spring.body.data.map((l: { slug: string }) => l.slug)).toEqual(["maya-spring"]);
    expect((await api("GET", `/api/v1/links?creatorId=${creatorB}`, { key: a.apiKey })).body.data).toEqual([]);

    const bad = await api("GET", "/api/v1/links?limit=0&cursor=zzz&tag=a%20b", { key: a.apiKey });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["cursor", "limit", "tag"]);
    const forged = Buffer.from("+020000-01-01T00:00:00.000Z|x").toString("base64url"); // a date PostgreSQL cannot hold
    expect((await api("GET", `/api/v1/links?cursor=${forged}`, { key: a.apiKey })).body.error.details[0].path).toBe("cursor");
    expect((await api("GET", "/api/v1/links?creatorId=a%00b", { key: a.apiKey })).body.error.details[0].path).toBe("creatorId");

    // archived is true or false, nothing else (archived=yes does not quietly list active links)
    for (const flag of ["yes", "1", "TRUE", ""]) {
      const refused = await api("GET", `/api/v1/links?archived=${flag}`, { key: a.apiKey });
      expect(refused.status, flag).toBe(422);
      expect(refused.body.error.details[0].path).toBe("archived");
    }
    expect((await api("GET", "/api/v1/links?archived=false", { key: a.apiKey })).body.data).toHaveLength(8);
    expect((await api("GET", "/api/v1/links?archived=true", { key: a.apiKey })).body.data).toHaveLength(0);
  });

  it("pages by default: without limit, 100 links and a cursor to the rest", async () => {
    const c = await makeWorkspace("C");
    const made = await api("POST", "/api/v1/links/bulk", { key: c.apiKey, body: { items: Array.from({ length: 130 }, (_, i) => ({ url: url(`many-${i}`) })) } });
    expect(made.body.created).toBe(130);
    const first = await api("GET", "/api/v1/links", { key: c.apiKey });
    expect(first.body.data).toHaveLength(100);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const rest = await api("GET", `/api/v1/links?cursor=${first.body.nextCursor}`, { key: c.apiKey });
    expect([rest.body.data.length, rest.body.nextCursor]).toEqual([30, null]);
  });

  it("refuses fields it does not know, naming each (a typo never falls back to a default), and a body that is not JSON", async () => {
    const before = await getDb().link.count();
    const typo = await api("POST", "/api/v1/links", { key: a.apiKey, body: { url: url("typo"), slugg: "my-slug", tags: ["ok"], extra: { deep: 1 } } });
    expect(typo.status).toBe(422);
    expect(typo.body.error.details).toEqual(expect.arrayContaining([
      { path: "slugg", message: 'Unknown field: did you mean "slug"?' },
      { path: "extra", message: "Unknown field" },
    ]));
    // nested objects too, with the schema's own findings in the same answer
    const nested = await api("POST", "/api/v1/campaigns", { key: a.apiKey, body: { name: "Typo test", objective: "traffic", kpis: [{ kpi: "clicks", primary: true, targett: 5 }], utmTemplate: { utm_source: "ig", utm_sauce: "x" } } });
    expect(nested.status).toBe(422);
    expect(nested.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["kpis.0.targett", "utmTemplate.utm_sauce"]);
    const patch = await api("GET", "/api/v1/links?limit=1", { key: a.apiKey });
    const changed = await api("PATCH", `/api/v1/links/${patch.body.data[0].id}`, { key: a.apiKey, body: { urll: url("x") } });
    expect([changed.status, changed.body.error.details[0].path]).toEqual([422, "urll"]);
    // in bulk, the item with an unknown field fails alone
    const bulk = await api("POST", "/api/v1/links/bulk", { key: a.apiKey, body: { items: [{ url: url("good-1") }, { url: url("bad"), slugg: "x" }] } });
    expect([bulk.body.created, bulk.body.failed]).toEqual([1, 1]);
    expect(bulk.body.results[1].error.details[0]).toEqual({ path: "slugg", message: 'Unknown field: did you mean "slug"?' });
    expect((await api("POST", "/api/v1/links/bulk", { key: a.apiKey, body: { items: [{ url: url("good-2") }], itemz: [] } })).body.error.details[0].path).toBe("itemz");
    expect(await getDb().link.count()).toBe(before + 1);

    // a body in another media type is a 415, whatever it holds
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const refused = await api("POST", "/api/v1/links", { key: a.apiKey, rawBody: JSON.stringify({ url: url("plain") }), headers: { "content-type": type } });
      expect(refused.status, type).toBe(415);
      expect(refused.body.error.code).toBe("unsupported_media_type");
    }
    expect((await api("POST", "/api/v1/links", { key: a.apiKey, rawBody: JSON.stringify({ url: url("typed") }), headers: { "content-type": "application/json; charset=utf-8" } })).status).toBe(201);
    expect(await getDb().link.count()).toBe(before + 2);
  });

  it("reads, changes and archives a link; another workspace's id is 404 everywhere", async () => {
    const link = (await api("POST", "/api/v1/links", { key: a.apiKey, body: { url: url("one"), slug: "one-link" } })).body;
    expect((await api("GET", `/api/v1/links/${link.id}`, { key: a.apiKey })).body.slug).toBe("one-link");

    const changed = await api("PATCH", `/api/v1/links/${link.id}`, { key: a.apiKey, body: { url: url("two"), tags: ["reel"], creatorId: creatorA, platform: "instagram", postedAt: "2026-11-20T18:00:00Z" } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ url: url("two"), tags: ["reel"], creatorId: creatorA });
    const stored = await getDb().link.findUniqueOrThrow({ where: { id: link.id } });
    expect([stored.platform, stored.postedAt?.toISOString()]).toEqual(["instagram", "2026-11-20T18:00:00.000Z"]);
    expect((await api("PATCH", `/api/v1/links/${link.id}`, { key: a.apiKey, body: {} })).status).toBe(422);
    const badPatch = await api("PATCH", `/api/v1/links/${link.id}`, { key: a.apiKey, body: { platform: "myspace", reach: -1, impressions: 3e9, postedAt: "+020000-01-01T00:00:00Z" } });
    expect(badPatch.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(["impressions", "platform", "postedAt", "reach"]);
    const nul = await api("PATCH", `/api/v1/links/${link.id}`, { key: a.apiKey, body: { tags: ["ok", "a\u0000b"] } });
    expect([nul.status, nul.body.error.details[0].path]).toEqual([422, "tags.1"]);

    for (const [method, body] of [["GET"], ["PATCH", { tags: ["x"] }], ["DELETE"]] as const) {
      const foreign = await api(method, `/api/v1/links/${link.id}`, { key: b.apiKey, body });
      expect(foreign.status, method).toBe(404);
    }
    expect((await getDb().link.findUniqueOrThrow({ where: { id: link.id } })).tags).toEqual(["reel"]);

    const archived = await api("DELETE", `/api/v1/links/${link.id}`, { key: a.apiKey });
    expect(archived.body.archived).toBe(true);
    const listed = await api("GET", "/api/v1/links?archived=true", { key: a.apiKey });
    expect(listed.body.data.map((l: { id: string }) => l.id)).toEqual([link.id]);
  });

  it("bulk: a result per item; bad items reported by their own field paths without blocking good ones", async () => {
    await api("POST", "/api/v1/links", { key: a.apiKey, body: { url: url("taken"), slug: "already-taken" } });
    const items = [
      { url: url("ok-1"), slug: "bulk-ok-1", creatorId: creatorA },
      { url: "ftp://nope" },
      { url: url("ok-2") }, // random slug
      { url: url("dup"), slug: "bulk-ok-1" }, // same slug as item 0
      { url: url("taken"), slug: "already-taken" },
      { url: url("foreign"), creatorId: creatorB },
      "not an object",
      { url: url("ok-3"), slug: "bulk-ok-3", tags: ["bulk"] },
      { url: `${url("nul")}\u0000x` }, // PostgreSQL cannot store it: refused as this item's input, not a failed batch
    ];
    const answer = await api("POST", "/api/v1/links/bulk", { key: a.apiKey, body: { items } });
    expect(answer.status).toBe(200);
    expect([answer.body.created, answer.body.failed]).toEqual([3, 6]);
    const byIndex = answer.body.results as { index: number; ok: boolean; link?: { slug: string; url: string }; error?: { code: string; details?: { path: string }[] } }[];
    expect(byIndex.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(byIndex.map((r) => r.ok)).toEqual([true, false, true, false, false, false, false, true, false]);
    expect(byIndex[8]!.error).toMatchObject({ code: "invalid_input", details: [{ path: "url" }] });
    expect(byIndex[1]!.error).toMatchObject({ code: "invalid_input", details: [{ path: "url" }] });
    expect(byIndex[3]!.error).toMatchObject({ code: "invalid_input", details: [{ path: "slug" }] });
    expect(byIndex[4]!.error).toMatchObject({ code: "conflict", details: [{ path: "slug" }] });
    expect(byIndex[5]!.error).toMatchObject({ code: "invalid_input", details: [{ path: "creatorId" }] });
    expect(byIndex[6]!.error?.code).toBe("invalid_input");
    expect(byIndex[2]!.link!.slug).toMatch(/^[a-z2-9]{7}$/);
    // exactly the good items exist, each whole
    const stored = await getDb().link.findMany({ where: { workspaceId: a.workspace.id, url: { in: items.flatMap((i) => (typeof i === "object" && !i.url.includes("\u0000") ? [i.url] : [])) } } });
    expect(stored.map((l) => l.url).sort()).toEqual([url("ok-1"), url("ok-2"), url("ok-3"), url("taken")].sort());
    // each result is the link made from its own item
    expect(byIndex.filter((r) => r.ok).map((r) => r.link!.url)).toEqual([url("ok-1"), url("ok-2"), url("ok-3")]);
    expect(stored.find((l) => l.slug === "bulk-ok-3")?.tags).toEqual(["bulk"]);
  });

  it("bulk: the envelope is checked as a whole (1 to 1,000 items), and the plan's monthly links are never exceeded", async () => {
    for (const body of [{}, { items: [] }, { items: Array.from({ length: 1001 }, () => ({ url: url("x") })) }]) {
      const refused = await api("POST", "/api/v1/links/bulk", { key: a.apiKey, body });
      expect(refused.status).toBe(422);
      expect(refused.body.error.details[0].path).toBe("items");
    }
    const single = await makeWorkspace("Single", "single"); // 2,000 links a month
    await getDb().link.createMany({ data: Array.from({ length: 1_998 }, (_, i) => ({ workspaceId: single.workspace.id, slug: `pre-${i}-${single.workspace.id}`, url: url("pre") })) });
    const answer = await api("POST", "/api/v1/links/bulk", { key: single.apiKey, body: { items: Array.from({ length: 5 }, (_, i) => ({ url: url(`q${i}`) })) } });
    expect([answer.body.created, answer.body.failed]).toEqual([2, 3]);
    expect(answer.body.results.slice(2).map((r: { error: { code: string } }) => r.error.code)).toEqual(["limit_reached", "limit_reached", "limit_reached"]);
    expect(await getDb().link.count({ where: { workspaceId: single.workspace.id } })).toBe(2_000);
    expect(answer.headers.get("RateLimit-Limit")).toBe("120"); // Single
  });

  it("scopes: a key does only what its scopes and its creator's current role allow", async () => {
    const readOnly = (await createApiKey(a.workspace.id, a.user.id, { name: "reader", scopes: ["links:read"] })).key;
    expect((await api("GET", "/api/v1/links", { key: readOnly })).status).toBe(200);
    const refused = await api("POST", "/api/v1/links", { key: readOnly, body: { url: url("x") } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toContain('lacks the "links:write" scope');
    expect((await api("GET", "/api/v1/conversions", { key: readOnly })).status).toBe(403);

    // a viewer can give a key read scopes only
    const db = getDb();
    const viewer = await db.user.create({ data: { email: `viewer-${Date.now()}@test.local` } });
    await db.membership.create({ data: { workspaceId: a.workspace.id, userId: viewer.id, role: "viewer" } });
    await expect(createApiKey(a.workspace.id, viewer.id, { name: "too much", scopes: ["links:read", "links:write"] })).rejects.toMatchObject({ code: "invalid_input", details: [{ path: "scopes" }] });
    await expect(createApiKey(a.workspace.id, viewer.id, { name: "nothing", scopes: [] })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(createApiKey(a.workspace.id, viewer.id, { name: "unknown", scopes: ["links:delete"] })).rejects.toMatchObject({ details: [{ path: "scopes.0" }] });

    // a member's write key stops writing the moment the member is demoted to viewer
    const member = await db.user.create({ data: { email: `member-${Date.now()}@test.local` } });
    await db.membership.create({ data: { workspaceId: a.workspace.id, userId: member.id, role: "member" } });
    const writer = (await createApiKey(a.workspace.id, member.id, { name: "writer", scopes: ["links:read", "links:write"] })).key;
    expect((await api("POST", "/api/v1/links", { key: writer, body: { url: url("m") } })).status).toBe(201);
    await db.membership.update({ where: { workspaceId_userId: { workspaceId: a.workspace.id, userId: member.id } }, data: { role: "viewer" } });
    const demoted = await api("POST", "/api/v1/links", { key: writer, body: { url: url("m2") } });
    expect(demoted.status).toBe(403);
    expect(demoted.body.error.message).toContain("which a viewer does not have");
    expect((await api("GET", "/api/v1/links", { key: writer })).status).toBe(200);
  });

  describe("rate limits", () => {
    afterAll(() => setApiRateLimiterForTests(undefined));

    it("429 with Retry-After once a key's budget is spent, per key, then recovery in the next window", async () => {
      setApiRateLimiterForTests(createApiRateLimiter({ windowSeconds: 3, points: 3, keyPrefix: `t${Date.now()}` }));
      const other = (await createApiKey(a.workspace.id, a.user.id, { name: "other", scopes: ["links:read"] })).key;
      const remaining: string[] = [];
      for (let i = 0; i < 3; i++) {
        const ok = await api("GET", "/api/v1/links?limit=1", { key: a.apiKey });
        expect(ok.status).toBe(200);
        remaining.push(ok.headers.get("RateLimit-Remaining")!);
      }
      expect(remaining).toEqual(["2", "1", "0"]);
      const limited = await api("GET", "/api/v1/links?limit=1", { key: a.apiKey });
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe("rate_limited");
      expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
      expect(limited.headers.get("RateLimit-Remaining")).toBe("0");
      expect((await api("GET", "/api/v1/links?limit=1", { key: other })).status).toBe(200); // another key has its own budget

      await new Promise((resolve) => setTimeout(resolve, Number(limited.headers.get("Retry-After")) * 1000 + 50));
      expect((await api("GET", "/api/v1/links?limit=1", { key: a.apiKey })).status).toBe(200);
    });
  });
});
