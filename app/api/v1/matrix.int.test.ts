// Every operation of the REST API, from the route tree and the operation list, under the same
// refusals: no key (401), a key without a scope it needs (403), a viewer's key on a write (403),
// another workspace's key on this workspace's ids (404, and nothing changes), and a spent rate
// limit (429 with Retry-After). Answers are checked against the OpenAPI document as well.
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { api } from "@/lib/testing/api-client";
import { callOf, SAMPLES, type Ids } from "@/lib/testing/api-samples";
import { API_ROUTES } from "@/lib/api/route-methods";

vi.mock("@/lib/auth/auth", () => ({ auth: async () => null })); // a caller without a session either

connectTestDatabase();
const { getDb } = await import("@/lib/db");
const { createApiKey } = await import("@/lib/api-keys/queries");
const { SCOPE_NAMES } = await import("@/lib/api-keys/scopes");
const { scopesOf } = await import("@/lib/api/define");
const { OPERATIONS } = await import("@/lib/api/v1");
const { createApiRateLimiter, setApiRateLimiterForTests } = await import("@/lib/api/rate-limit");

const WRITE_SCOPES = new Set(SCOPE_NAMES.filter((scope) => scope.endsWith(":write")));

/** The route files under app/api/v1 and the methods each exports. */
function routeTree(dir = path.resolve(import.meta.dirname)): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeTree(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

describe("every API operation", () => {
  let a: Awaited<ReturnType<typeof makeWorkspace>>;
  let b: Awaited<ReturnType<typeof makeWorkspace>>;
  let ids: Ids;
  beforeAll(async () => {
    await truncateAll();
    a = await makeWorkspace("A");
    b = await makeWorkspace("B");
    const db = getDb();
    const ws = a.workspace.id;
    const creator = await db.creator.create({ data: { workspaceId: ws, name: "Maya", platforms: { create: { workspaceId: ws, platform: "tiktok", handle: "maya", followers: 10 } } } });
    const campaign = await db.campaign.create({ data: { workspaceId: ws, name: "Spring", slug: "spring", destinationUrl: "https://shop.example.com/spring" } });
    await db.campaignCreator.create({ data: { workspaceId: ws, campaignId: campaign.id, creatorId: creator.id } });
    const link = await db.link.create({ data: { workspaceId: ws, slug: "maya", url: "https://shop.example.com/", creatorId: creator.id } });
    ids = { linkId: link.id, creatorId: creator.id, campaignId: campaign.id };
  });

  it("has a sample call for each operation, and each route file exports only documented operations", async () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(OPERATIONS.map((o) => o.operationId).sort());
    const root = path.resolve(import.meta.dirname);
    for (const file of routeTree()) {
      const folder = path.relative(root, path.dirname(file)).split(path.sep).join("/");
      if (folder === "openapi.json") continue; // the document itself
      const template = `/${folder}`.replace(/\[(\w+)\]/g, "{$1}");
      const routeModule = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      for (const method of Object.keys(routeModule).filter((name) => /^(GET|POST|PUT|PATCH|DELETE)$/.test(name))) {
        expect(OPERATIONS.some((o) => o.path === template && o.method === method.toLowerCase()), `${method} ${template} is served but not documented`).toBe(true);
      }
    }
  });

  it("middleware's table of API routes (lib/api/route-methods.ts) has every operation", () => {
    for (const operation of OPERATIONS) {
      const route = `/api/v1${operation.path.replace(/\{(\w+)\}/g, "[$1]")}`;
      expect(API_ROUTES[route], `${operation.method} ${route}`).toContain(operation.method.toUpperCase());
    }
  });

  it("401 without a key", async () => {
    for (const operation of OPERATIONS) {
      const call = callOf(operation, ids);
      const answer = await api(call.method, call.url, { body: call.body });
      expect(answer.status, operation.operationId).toBe(401);
    }
  });

  it("403 for a key lacking any scope the operation needs, and for a viewer's key on a write", async () => {
    const db = getDb();
    const viewer = await db.user.create({ data: { email: "viewer@matrix.test" } });
    await db.membership.create({ data: { workspaceId: a.workspace.id, userId: viewer.id, role: "member" } });
    const viewerKey = (await createApiKey(a.workspace.id, viewer.id, { name: "viewer", scopes: [...SCOPE_NAMES] })).key;
    await db.membership.update({ where: { workspaceId_userId: { workspaceId: a.workspace.id, userId: viewer.id } }, data: { role: "viewer" } });
    for (const operation of OPERATIONS) {
      for (const scope of scopesOf(operation)) {
        const { key } = await createApiKey(a.workspace.id, a.user.id, { name: `without ${scope}`, scopes: SCOPE_NAMES.filter((s) => s !== scope) });
        const call = callOf(operation, ids);
        const answer = await api(call.method, call.url, { key, body: call.body });
        expect(answer.status, `${operation.operationId} without ${scope}`).toBe(403);
        expect(answer.body.error.message).toContain(scope);
      }
      if (scopesOf(operation).some((scope) => WRITE_SCOPES.has(scope))) {
        const call = callOf(operation, ids);
        const answer = await api(call.method, call.url, { key: viewerKey, body: call.body });
        expect(answer.status, `${operation.operationId} as a viewer`).toBe(403);
      }
    }
  });

  it("404 for another workspace's ids, and nothing of theirs changes", async () => {
    const snapshot = async () => {
      const db = getDb();
      const where = { workspaceId: a.workspace.id };
      return JSON.stringify(
        await Promise.all([
          db.link.findMany({ where, orderBy: { id: "asc" } }),
          db.creator.findMany({ where, orderBy: { id: "asc" }, include: { platforms: true } }),
          db.campaign.findMany({ where, orderBy: { id: "asc" } }),
          db.campaignCreator.findMany({ where, orderBy: { id: "asc" } }),
        ]),
      );
    };
    const before = await snapshot();
    const withIds = OPERATIONS.filter((o) => o.pathParams || o.operationId === "linkAnalytics");
    expect(withIds.length).toBeGreaterThan(10);
    for (const operation of withIds) {
      const call = callOf(operation, ids);
      const answer = await api(call.method, call.url, { key: b.apiKey, body: call.body });
      expect(answer.status, operation.operationId).toBe(404);
    }
    // an id with a NUL character is no id at all
    for (const operation of OPERATIONS.filter((o) => o.pathParams)) {
      const call = callOf(operation, { linkId: "%00x", creatorId: "%00x", campaignId: "%00x" });
      const answer = await api(call.method, call.url, { key: a.apiKey, body: call.body });
      expect(answer.status, `${operation.operationId} with a NUL id`).toBe(404);
    }
    expect(await snapshot()).toBe(before);
  });

  describe("rate limits", () => {
    afterAll(() => setApiRateLimiterForTests(undefined));

    it("429 with Retry-After once the budget is spent, on every operation", async () => {
      for (const operation of OPERATIONS) {
        setApiRateLimiterForTests(createApiRateLimiter({ windowSeconds: 60, points: 1, keyPrefix: `matrix-${operation.operationId}-${Date.now()}` }));
        const call = callOf(operation, ids);
        const first = await api(call.method, call.url, { key: a.apiKey, body: call.body });
        expect(first.status, operation.operationId).not.toBe(429);
        expect(first.headers.get("RateLimit-Remaining"), operation.operationId).toBe("0");
        const second = await api(call.method, call.url, { key: a.apiKey, body: call.body });
        expect(second.status, operation.operationId).toBe(429);
        expect(Number(second.headers.get("Retry-After")), operation.operationId).toBeGreaterThan(0);
      }
    });
  });
});
