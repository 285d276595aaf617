// The first API slice, called through its real route handlers with real API keys.
import { beforeAll, describe, expect, it } from "vitest";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { makeWorkspace } from "@/lib/testing/fixtures";

connectTestDatabase();
const links = await import("@/app/api/v1/links/route");
const oneLink = await import("@/app/api/v1/links/[linkId]/route");
const analytics = await import("@/app/api/v1/analytics/route");
const health = await import("@/app/api/health/route");
const { middleware } = await import("@/middleware");
const { NextRequest } = await import("next/server");
const { revokeApiKey } = await import("@/lib/api-keys/queries");
const { getDb } = await import("@/lib/db");

const ORIGIN = "http://localhost:3000";
const noParams = { params: Promise.resolve({}) };

function call(path: string, key: string | null, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (key) headers.set("authorization", `Bearer ${key}`);
  // a client sending JSON says so (a body in another media type is a 415, tested below)
  if (init.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
  return new Request(`${ORIGIN}${path}`, { ...init, headers });
}

async function body(response: Response) {
  return (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string; details?: unknown } };
}

describe("REST API v1", () => {
  let a: Awaited<ReturnType<typeof makeWorkspace>>;
  let b: Awaited<ReturnType<typeof makeWorkspace>>;
  beforeAll(async () => {
    await truncateAll();
    a = await makeWorkspace("A");
    b = await makeWorkspace("B");
  });

  it("POST /api/v1/links creates a link: 201 with id, slug, shortUrl, url", async () => {
    const response = await links.POST(call("/api/v1/links", a.apiKey, { method: "POST", body: JSON.stringify({ url: "https://shop.example.com/", slug: "api-made" }) }), noParams);
    expect(response.status).toBe(201);
    expect(await body(response)).toMatchObject({ id: expect.any(String), slug: "api-made", shortUrl: `${ORIGIN}/api-made`, url: "https://shop.example.com/" });
  });

  it("answers bad input with 422 naming the fields, and writes nothing", async () => {
    const before = await getDb().link.count();
    const malformed = await links.POST(call("/api/v1/links", a.apiKey, { method: "POST", body: "{not json" }), noParams);
    expect(malformed.status).toBe(422);
    expect((await body(malformed)).error).toMatchObject({ code: "invalid_input", details: [{ path: "(body)" }] });

    const badFields = await links.POST(call("/api/v1/links", a.apiKey, { method: "POST", body: JSON.stringify({ url: "ftp://x", slug: "API" }) }), noParams);
    expect(badFields.status).toBe(422);
    const paths = ((await body(badFields)).error?.details as { path: string }[]).map((d) => d.path);
    expect(paths.sort()).toEqual(["slug", "url"]);

    const missing = await links.POST(call("/api/v1/links", a.apiKey, { method: "POST", body: JSON.stringify({}) }), noParams);
    expect((await body(missing)).error?.details).toEqual([{ path: "url", message: expect.any(String) }]);
    expect(await getDb().link.count()).toBe(before);
  });

  it("413 for a body over 1 MB, 404 JSON for an unknown endpoint", async () => {
    const huge = JSON.stringify({ url: `https://example.com/?q=${"a".repeat(1_100_000)}` });
    const response = await links.POST(call("/api/v1/links", a.apiKey, { method: "POST", body: huge }), noParams);
    expect(response.status).toBe(413);
    expect((await body(response)).error?.code).toBe("payload_too_large");
    const missing = await middleware(new NextRequest(call("/api/v1/nope", a.apiKey)));
    expect(missing.status).toBe(404);
    expect(await body(missing)).toEqual({ error: { code: "not_found", message: "No API endpoint GET /api/v1/nope" } });
  });

  it("409 for a slug already taken", async () => {
    const response = await links.POST(call("/api/v1/links", b.apiKey, { method: "POST", body: JSON.stringify({ url: "https://b.example.com/", slug: "api-made" }) }), noParams);
    expect(response.status).toBe(409);
    expect((await body(response)).error?.code).toBe("conflict");
  });

  it("lists only the caller's links and 404s another workspace's ids everywhere", async () => {
    const created = await body(await links.POST(call("/api/v1/links", a.apiKey, { method: "POST", body: JSON.stringify({ url: "https://a.example.com/" }) }), noParams));
    const id = String(created.id);

    const listA = await body(await links.GET(call("/api/v1/links", a.apiKey), noParams));
    const listB = await body(await links.GET(call("/api/v1/links", b.apiKey), noParams));
    expect((listA.data as { id: string }[]).map((l) => l.id)).toContain(id);
    expect((listB.data as { id: string }[]).map((l) => l.id)).not.toContain(id);

    const params = { params: Promise.resolve({ linkId: id }) };
    expect((await oneLink.GET(call(`/api/v1/links/${id}`, b.apiKey), params)).status).toBe(404);
    expect((await oneLink.PATCH(call(`/api/v1/links/${id}`, b.apiKey, { method: "PATCH", body: JSON.stringify({ url: "https://evil.example.com/" }) }), params)).status).toBe(404);
    expect((await oneLink.DELETE(call(`/api/v1/links/${id}`, b.apiKey, { method: "DELETE" }), params)).status).toBe(404);
    const foreignAnalytics = await analytics.GET(call(`/api/v1/analytics?linkId=${id}`, b.apiKey), noParams);
    expect(foreignAnalytics.status).toBe(404);
    expect((await body(foreignAnalytics)).error).toEqual({ code: "not_found", message: "Link not found" });
    expect((await oneLink.GET(call(`/api/v1/links/${id}`, a.apiKey), params)).status).toBe(200);
  });

  it("GET /api/v1/analytics?linkId= still answers the link's totals in the first API's fields; without linkId, the workspace's", async () => {
    const created = await body(await links.POST(call("/api/v1/links", a.apiKey, { method: "POST", body: JSON.stringify({ url: "https://a.example.com/" }) }), noParams));
    const ok = await analytics.GET(call(`/api/v1/analytics?linkId=${String(created.id)}`, a.apiKey), noParams);
    // counted over the plan's analytics history (Team: 3 years), which the answer states; new fields are added, none renamed
    expect(await body(ok)).toMatchObject({ linkId: created.id, since: expect.stringMatching(/^\d{4}-\d\d-\d\dT00:00:00\.000Z$/), clicks: 0, uniqueClicks: 0, filteredClicks: 0 });
    const workspaceWide = await analytics.GET(call(`/api/v1/analytics`, a.apiKey), noParams);
    expect(workspaceWide.status).toBe(200);
    expect(await body(workspaceWide)).toMatchObject({ groupBy: "count", linkId: null, clicks: 0 });
  });

  it("401 for a wrong, malformed or revoked key", async () => {
    expect((await links.GET(call("/api/v1/links", "cp_wrong"), noParams)).status).toBe(401);
    const malformed = await links.GET(new Request(`${ORIGIN}/api/v1/links`, { headers: { authorization: "Token abc" } }), noParams);
    expect(malformed.status).toBe(401);
    const ws = await makeWorkspace("C");
    const key = await getDb().apiKey.findFirstOrThrow({ where: { workspaceId: ws.workspace.id } });
    await revokeApiKey(ws.workspace.id, key.id);
    const revoked = await links.GET(call("/api/v1/links", ws.apiKey), noParams);
    expect(revoked.status).toBe(401);
    expect((await body(revoked)).error).toEqual({ code: "unauthorized", message: "Invalid or revoked API key" });
  });

  it("GET /api/health is 200 while the database answers", async () => {
    const response = await health.GET();
    expect(response.status).toBe(200);
    expect(await body(response)).toMatchObject({ status: "ok", database: { ok: true } });
  });
});
