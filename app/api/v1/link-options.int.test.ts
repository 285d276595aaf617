// Links on a branded domain and with options, through the API (answers checked against the
// OpenAPI document).
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { api } from "@/lib/testing/api-client";

connectTestDatabase();
const { getDb } = await import("@/lib/db");

type Link = { id: string; domain: string | null; shortUrl: string; paused: boolean; expiresAt: string | null; maxClicks: number | null; clicksLeft: number | null; expiredUrl: string | null; notes: string | null };
type Refusal = { error: { code: string; details: { path: string; message: string }[] } };

describe("links API: domains and options", () => {
  let ws: Awaited<ReturnType<typeof makeWorkspace>>;
  beforeAll(async () => {
    await truncateAll();
    ws = await makeWorkspace();
    await getDb().domain.create({ data: { workspaceId: ws.workspace.id, hostname: "go.brand.com", verificationToken: "t", status: "verified", verifiedAt: new Date() } });
    await getDb().domain.create({ data: { workspaceId: ws.workspace.id, hostname: "go.pending.com", verificationToken: "t" } });
  });

  it("creates a link on a verified domain with options, and reads them back", async () => {
    const expiresAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const created = await api<Link>("POST", "/api/v1/links", {
      key: ws.apiKey,
      body: { url: "https://shop.example/", slug: "docs", domain: "go.brand.com", notes: "launch", expiresAt, maxClicks: 100, expiredUrl: "https://shop.example/over" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ domain: "go.brand.com", shortUrl: "https://go.brand.com/docs", notes: "launch", expiresAt, maxClicks: 100, clicksLeft: 100, expiredUrl: "https://shop.example/over", paused: false });

    const paused = await api<Link>("PATCH", `/api/v1/links/${created.body.id}`, { key: ws.apiKey, body: { paused: true, maxClicks: null } });
    expect(paused.body).toMatchObject({ paused: true, maxClicks: null, clicksLeft: null, notes: "launch" });
  });

  it("refuses a pending domain, a reserved slug on the default domain and bad options, by field", async () => {
    const pending = await api<Refusal>("POST", "/api/v1/links", { key: ws.apiKey, body: { url: "https://shop.example/", domain: "go.pending.com" } });
    expect(pending.status).toBe(422);
    expect(pending.body.error.details).toEqual([{ path: "domain", message: expect.stringMatching(/not a verified domain/) }]);
    const reserved = await api<Refusal>("POST", "/api/v1/links", { key: ws.apiKey, body: { url: "https://shop.example/", slug: "docs" } });
    expect(reserved.body.error.details).toEqual([{ path: "slug", message: expect.stringMatching(/reserved/) }]);
    const bad = await api<Refusal>("POST", "/api/v1/links", { key: ws.apiKey, body: { url: "https://shop.example/", maxClicks: -1, expiresAt: "2001-01-01T00:00:00Z", paused: "yes", expiredUrl: "ftp://x" } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d) => d.path).sort()).toEqual(["expiredUrl", "expiresAt", "maxClicks", "paused"]);
  });

  it("generates a campaign's per-creator links on a branded domain, and refuses one not verified", async () => {
    const db = getDb();
    const campaign = await db.campaign.create({ data: { workspaceId: ws.workspace.id, name: "Drop", slug: "drop", destinationUrl: "https://shop.example/drop" } });
    const maya = await db.creator.create({ data: { workspaceId: ws.workspace.id, name: "Maya Lopez" } });
    const refused = await api<Refusal>("POST", `/api/v1/campaigns/${campaign.id}/links`, { key: ws.apiKey, body: { creatorIds: [maya.id], domain: "go.pending.com" } });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual([{ path: "domain", message: expect.stringMatching(/not a verified domain/) }]);
    const generated = await api<{ created: { domain: string | null; slug: string; shortUrl: string }[] }>("POST", `/api/v1/campaigns/${campaign.id}/links`, {
      key: ws.apiKey,
      body: { creatorIds: [maya.id], domain: "GO.BRAND.COM", utmTemplate: null },
    });
    expect(generated.status).toBe(201);
    expect(generated.body.created).toEqual([expect.objectContaining({ domain: "go.brand.com", slug: "maya-lopez", shortUrl: "https://go.brand.com/maya-lopez" })]);
  });
});
