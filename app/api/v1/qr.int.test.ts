// A link's QR code through the real route modules — GET /api/v1/links/{linkId}/qr and the link
// page's session route — read back with a real QR decoder: it must encode the short URL with the
// scan marker (on the link's branded domain when it has one), in the workspace's brand colour,
// and refuse bad options (422 with field paths) and other workspaces' links (404).
import { beforeAll, describe, expect, it, vi } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { api, assertConformsToOpenApi } from "@/lib/testing/api-client";
import { readQrPng, readQrSvg } from "@/lib/testing/qr-reader";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, expires: "2099-01-01T00:00:00Z" } : null),
}));

connectTestDatabase();
const { getDb } = await import("@/lib/db");
const apiRoute = await import("@/app/api/v1/links/[linkId]/qr/route");
const pageRoute = await import("@/app/(app)/w/[workspace]/links/[linkId]/qr/route");

const ORIGIN = "http://localhost:3000";

/** The API's answer as bytes (a PNG does not survive as text), checked against the OpenAPI document like api() does. */
async function apiImage(linkId: string, query: string, key: string) {
  const request = new Request(`${ORIGIN}/api/v1/links/${linkId}/qr?${query}`, { headers: { authorization: `Bearer ${key}` } });
  const response = await apiRoute.GET(request, { params: Promise.resolve({ linkId }) });
  const bytes = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get("content-type");
  assertConformsToOpenApi("get", "/links/{linkId}/qr", response.status, contentType, contentType?.includes("json") ? JSON.parse(bytes.toString()) : bytes);
  return { status: response.status, headers: response.headers, bytes };
}

/** The link page's route, as the signed-in user `userId` (null: signed out). */
async function pageImage(workspaceSlug: string, linkId: string, query: string, userId: string | null) {
  session.userId = userId;
  const request = new Request(`${ORIGIN}/w/${workspaceSlug}/links/${linkId}/qr?${query}`);
  const response = await pageRoute.GET(request, { params: Promise.resolve({ workspace: workspaceSlug, linkId }) });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

const errorOf = (bytes: Buffer) => JSON.parse(bytes.toString()) as { error: { code: string; message: string; details?: { path: string; message: string }[] } };

describe("QR codes of links", () => {
  let a: Awaited<ReturnType<typeof makeWorkspace>>;
  let b: Awaited<ReturnType<typeof makeWorkspace>>;
  let maya = "";
  let branded = "";
  let bLink = "";
  let viewerId = "";
  beforeAll(async () => {
    await truncateAll();
    a = await makeWorkspace("A");
    b = await makeWorkspace("B");
    const db = getDb();
    await db.workspace.update({ where: { id: a.workspace.id }, data: { brandColor: "#7c3aed" } });
    maya = (await db.link.create({ data: { workspaceId: a.workspace.id, slug: "maya", url: "https://shop.example.com/" } })).id;
    // a link on a branded domain: its short URL is https://<domain>/<slug>
    branded = (await db.link.create({ data: { workspaceId: a.workspace.id, domain: "go.brand.test", slug: "maya", url: "https://shop.example.com/b" } })).id;
    bLink = (await db.link.create({ data: { workspaceId: b.workspace.id, slug: "other", url: "https://shop.example.com/o" } })).id;
    const viewer = await db.user.create({ data: { email: "viewer@qr.test" } });
    await db.membership.create({ data: { workspaceId: a.workspace.id, userId: viewer.id, role: "viewer" } });
    viewerId = viewer.id;
  });

  it("API: a PNG that decodes to the short URL with the scan marker, at the size asked for", async () => {
    const answer = await apiImage(maya, "format=png&size=256", a.apiKey);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe("image/png");
    expect(answer.headers.get("cache-control")).toBe("private, max-age=300");
    expect(answer.headers.get("content-disposition")).toBeNull();
    expect(answer.headers.get("ratelimit-remaining")).not.toBeNull();
    expect(await readQrPng(answer.bytes)).toEqual([{ text: `${ORIGIN}/maya?qr=1`, ecLevel: "M" }]);
    expect(answer.bytes.readUInt32BE(16)).toBe(256); // IHDR width
  });

  it("API: on a branded domain, the code encodes https://<domain>/<slug>?qr=1", async () => {
    const answer = await apiImage(branded, "format=png", a.apiKey);
    expect(answer.status).toBe(200);
    expect(await readQrPng(answer.bytes)).toEqual([{ text: "https://go.brand.test/maya?qr=1", ecLevel: "M" }]);
  });

  it("API: an SVG (the default) in the workspace's brand colour, or the colour asked for, as a named download on request", async () => {
    const brand = await api("GET", `/api/v1/links/${branded}/qr`, { key: a.apiKey });
    expect(brand.status).toBe(200);
    expect(brand.headers.get("content-type")).toBe("image/svg+xml");
    expect(brand.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(brand.text).toContain('stroke="#7c3aed"');
    expect(brand.text).toContain('width="512"');
    expect(await readQrSvg(brand.text)).toEqual([{ text: "https://go.brand.test/maya?qr=1", ecLevel: "M" }]);

    const chosen = await api("GET", `/api/v1/links/${maya}/qr?color=%230F766E&background=%23FFFBEB&margin=4&size=300&download=1`, { key: a.apiKey });
    expect(chosen.status).toBe(200);
    expect(chosen.text).toContain('stroke="#0f766e"');
    expect(chosen.text).toContain('fill="#fffbeb"');
    expect(chosen.headers.get("content-disposition")).toBe('attachment; filename="maya-qr.svg"');
    expect(await readQrSvg(chosen.text)).toEqual([{ text: `${ORIGIN}/maya?qr=1`, ecLevel: "M" }]);
  });

  it("API: 422 naming each bad option", async () => {
    for (const [query, paths] of [
      ["format=gif", ["format"]],
      ["size=64", ["size"]],
      ["size=9000&margin=99", ["size", "margin"]],
      ["color=red", ["color"]],
      ["color=%23fde047", ["color"]], // yellow on white: too little contrast to scan
      ["color=%23ffffff&background=%23000000", ["color"]], // light on dark
      ["download=yes", ["download"]],
    ] as const) {
      const refused = await api("GET", `/api/v1/links/${maya}/qr?${query}`, { key: a.apiKey });
      expect(refused.status, query).toBe(422);
      expect(refused.body.error.code).toBe("invalid_input");
      expect(refused.body.error.details.map((d: { path: string }) => d.path).sort(), query).toEqual([...paths].sort());
    }
    const lowContrast = await api("GET", `/api/v1/links/${maya}/qr?color=%23fde047`, { key: a.apiKey });
    expect(lowContrast.body.error.details[0].message).toContain("at least 3:1");
  });

  it("API: a brand colour too light to scan is refused by name until a colour is given", async () => {
    await getDb().workspace.update({ where: { id: b.workspace.id }, data: { brandColor: "#fef08a" } });
    const refused = await api("GET", `/api/v1/links/${bLink}/qr`, { key: b.apiKey });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details).toEqual([{ path: "color", message: expect.stringContaining("brand colour") }]);
    expect((await api("GET", `/api/v1/links/${bLink}/qr?color=%23111827`, { key: b.apiKey })).status).toBe(200);
    await getDb().workspace.update({ where: { id: b.workspace.id }, data: { brandColor: null } });
  });

  it("API: 404 for another workspace's link and for an unknown one", async () => {
    const other = await api("GET", `/api/v1/links/${bLink}/qr`, { key: a.apiKey });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe("not_found");
    expect((await apiImage(maya, "format=png", b.apiKey)).status).toBe(404);
    expect((await api("GET", "/api/v1/links/nope/qr", { key: a.apiKey })).status).toBe(404);
  });

  it("page route: any member, viewers included, gets the code; downloads are named <slug>-qr.<ext>", async () => {
    const preview = await pageImage(a.workspace.slug, branded, "", viewerId);
    expect(preview.status).toBe(200);
    expect(preview.headers.get("content-type")).toBe("image/svg+xml");
    expect(await readQrSvg(preview.bytes.toString())).toEqual([{ text: "https://go.brand.test/maya?qr=1", ecLevel: "M" }]);

    const download = await pageImage(a.workspace.slug, maya, "format=png&size=1024&download=1", a.user.id);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("image/png");
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="maya-qr.png"');
    expect(download.headers.get("cache-control")).toBe("private, max-age=300");
    expect(await readQrPng(download.bytes)).toEqual([{ text: `${ORIGIN}/maya?qr=1`, ecLevel: "M" }]);
  });

  it("page route: 422 JSON with field paths for bad options, all of them at once", async () => {
    const refused = await pageImage(a.workspace.slug, maya, "size=100&color=%23fde047", a.user.id);
    expect(refused.status).toBe(422);
    expect(errorOf(refused.bytes).error.details?.map((d) => d.path).sort()).toEqual(["color", "size"]);
    const lowContrast = await pageImage(a.workspace.slug, maya, "color=%23fde047", a.user.id);
    expect(lowContrast.status).toBe(422);
    expect(errorOf(lowContrast.bytes).error).toMatchObject({ code: "invalid_input", details: [{ path: "color", message: expect.stringContaining("3:1") }] });
  });

  it("page route: 404 for a non-member, a signed-out visitor, and another workspace's link", async () => {
    expect((await pageImage(b.workspace.slug, bLink, "", a.user.id)).status).toBe(404); // A's owner is not in B
    expect((await pageImage(a.workspace.slug, maya, "", null)).status).toBe(404);
    expect((await pageImage(a.workspace.slug, maya, "", b.user.id)).status).toBe(404);
    const foreign = await pageImage(a.workspace.slug, bLink, "", a.user.id); // B's link through A's workspace
    expect(foreign.status).toBe(404);
    expect(errorOf(foreign.bytes).error.code).toBe("not_found");
  });
});
