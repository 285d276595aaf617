import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { makeWorkspace, refusal, testHosts } from "@/lib/testing/fixtures";

connectTestDatabase();
const { NextRequest } = await import("next/server");
const { middleware } = await import("@/middleware");
const { serveShortLink, takeScanMarker } = await import("@/lib/redirect/serve-short-link");
const { createLink } = await import("@/lib/links/create-link");
const { updateLink, updateLinkOptions } = await import("@/lib/links/update-link");
const { clearLinkCache } = await import("@/lib/cache/link-cache");
const { clicksAt } = await import("@/lib/testing/fixtures");
const { getPool } = await import("@/lib/db");

const PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const BOT = "Googlebot/2.1 (+http://www.google.com/bot.html)";

function visit(slug: string, search = "", ua = PHONE) {
  return serveShortLink({ domain: "", slug, method: "GET", search, headers: new Headers({ "user-agent": ua, "x-forwarded-for": "81.2.69.142" }) });
}
const request = (path: string) =>
  middleware(new NextRequest(`http://localhost:3000${path}`, { headers: { host: "localhost:3000", "user-agent": PHONE, "x-forwarded-for": "81.2.69.142" } }));

async function counts(linkId: string) {
  const { rows } = await getPool().query<{ clicks: number; qr: number; paused: number; expired: number }>(
    `SELECT (SELECT count(*) FROM "Click" WHERE "linkId" = $1)::int AS "clicks",
            (SELECT count(*) FROM "Click" WHERE "linkId" = $1 AND "source" = 'qr')::int AS "qr",
            (SELECT count(*) FROM "UnservedHit" WHERE "linkId" = $1 AND "reason" = 'paused')::int AS "paused",
            (SELECT count(*) FROM "UnservedHit" WHERE "linkId" = $1 AND "reason" = 'expired')::int AS "expired"`,
    [linkId],
  );
  return rows[0]!;
}

let ws: Awaited<ReturnType<typeof makeWorkspace>>;
const ctx = () => ({ workspaceId: ws.workspace.id, hosts: testHosts });
beforeAll(async () => {
  await truncateAll();
  ws = await makeWorkspace("Options", "single");
  await getPool().query(`UPDATE "Workspace" SET "conversionTracking" = false WHERE "id" = $1`, [ws.workspace.id]);
});
beforeEach(() => clearLinkCache());

describe("QR scans", () => {
  it("removes the scan marker before the visitor's query goes on", () => {
    expect(takeScanMarker("?qr=1")).toEqual({ search: "", scanned: true });
    expect(takeScanMarker("?ref=story&qr=1")).toEqual({ search: "?ref=story", scanned: true });
    expect(takeScanMarker("?ref=story")).toEqual({ search: "?ref=story", scanned: false });
    expect(takeScanMarker("")).toEqual({ search: "", scanned: false });
  });

  it("counts a scan as a click whose source is qr, and sends the visitor on without the marker", async () => {
    const link = await createLink(ctx(), { url: "https://shop.example/spring?utm_source=print", slug: "qr-flyer" });
    const scan = await visit("qr-flyer", "?qr=1");
    expect(scan).toMatchObject({ kind: "redirect", location: "https://shop.example/spring?utm_source=print" });
    const click = await visit("qr-flyer", "?ref=bio");
    expect(click).toMatchObject({ kind: "redirect", location: "https://shop.example/spring?utm_source=print&ref=bio" });
    expect(await counts(link.id)).toMatchObject({ clicks: 2, qr: 1 });
  });
});

describe("pause", () => {
  it("keeps paused visits as paused hits (not clicks) and shows the paused page; resuming serves again", async () => {
    const link = await createLink(ctx(), { url: "https://shop.example/a", slug: "pausable" });
    await updateLinkOptions(ws.workspace.id, link.id, testHosts, { paused: true });
    expect(await visit("pausable")).toEqual({ kind: "paused" });
    const page = await request("/pausable");
    expect(page.status).toBe(404);
    expect(await page.text()).toContain("This link is paused");
    expect(await counts(link.id)).toMatchObject({ clicks: 0, paused: 2 });

    await updateLink(ws.workspace.id, link.id, testHosts, { paused: false });
    expect((await request("/pausable")).headers.get("location")).toBe("https://shop.example/a");
    expect(await counts(link.id)).toMatchObject({ clicks: 1, paused: 2 });
  });
});

describe("expiry", () => {
  it("expires at its time: visits after it go to the expired URL and are kept as expired hits", async () => {
    const link = await createLink(ctx(), { url: "https://shop.example/sale", slug: "flash-sale", expiresAt: new Date(Date.now() + 60_000).toISOString(), expiredUrl: "https://shop.example/sale-over" });
    expect((await visit("flash-sale")).kind).toBe("redirect");
    await getPool().query(`UPDATE "Link" SET "expiresAt" = now() - interval '1 second' WHERE "id" = $1`, [link.id]);
    clearLinkCache();
    expect(await visit("flash-sale")).toEqual({ kind: "expired", expiredUrl: "https://shop.example/sale-over" });
    const response = await request("/flash-sale");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("https://shop.example/sale-over");
    expect(await counts(link.id)).toMatchObject({ clicks: 1, expired: 2 });
  });

  it("without an expired URL shows the expired page (410); its options can still be saved with the past time", async () => {
    const link = await createLink(ctx(), { url: "https://shop.example/b", slug: "gone-soon", expiresAt: new Date(Date.now() + 60_000).toISOString() });
    const { rows } = await getPool().query<{ expiresAt: Date }>(`UPDATE "Link" SET "expiresAt" = now() - interval '1 second' WHERE "id" = $1 RETURNING "expiresAt"`, [link.id]);
    const response = await request("/gone-soon");
    expect(response.status).toBe(410);
    expect(await response.text()).toContain("This link has expired");
    // the options form sends the stored time back with a new note: no change of expiry, no refusal
    const saved = await updateLinkOptions(ws.workspace.id, link.id, testHosts, { expiresAt: rows[0]!.expiresAt.toISOString(), notes: "ended early" });
    expect(saved).toMatchObject({ notes: "ended early", expiresAt: rows[0]!.expiresAt });
  });

  it("after N human clicks, exactly, even when visitors arrive at once; bots take none", async () => {
    const link = await createLink(ctx(), { url: "https://shop.example/drop", slug: "first-ten", maxClicks: 10 });
    expect((await visit("first-ten", "", BOT)).kind).toBe("redirect");
    const outcomes = await Promise.all(Array.from({ length: 25 }, () => visit("first-ten")));
    expect(outcomes.filter((o) => o.kind === "redirect")).toHaveLength(10);
    expect(outcomes.filter((o) => o.kind === "expired")).toHaveLength(15);
    expect(await counts(link.id)).toMatchObject({ clicks: 11, expired: 15 }); // 10 people and the bot
    expect((await visit("first-ten", "", BOT)).kind).toBe("expired");

    // raising the limit serves again, counting from where it was
    await updateLinkOptions(ws.workspace.id, link.id, testHosts, { maxClicks: 11 });
    expect((await visit("first-ten")).kind).toBe("redirect");
    expect((await visit("first-ten")).kind).toBe("expired");
  });

  it("a limit set on a link with clicks counts the clicks it already has", async () => {
    const link = await createLink(ctx(), { url: "https://shop.example/c", slug: "had-clicks" });
    await clicksAt(ws.workspace.id, link.id, new Date(), 4);
    await clicksAt(ws.workspace.id, link.id, new Date(), 3, { isBot: true });
    const updated = await updateLinkOptions(ws.workspace.id, link.id, testHosts, { maxClicks: 5 });
    expect(updated.limitedClicks).toBe(4);
    expect((await visit("had-clicks")).kind).toBe("redirect");
    expect((await visit("had-clicks")).kind).toBe("expired");
  });

  it("refuses a past expiry, a zero limit, a looping expired URL and over-long notes, by field", async () => {
    const link = await createLink(ctx(), { url: "https://shop.example/d", slug: "bad-options" });
    const error = await refusal(updateLinkOptions(ws.workspace.id, link.id, testHosts, { maxClicks: 0, notes: "x".repeat(2_001) }));
    expect(error.code).toBe("invalid_input");
    expect((error.details as { path: string }[]).map((d) => d.path).sort()).toEqual(["maxClicks", "notes"]);
    const past = await refusal(updateLinkOptions(ws.workspace.id, link.id, testHosts, { expiresAt: "2020-01-01T00:00:00Z" }));
    expect(past.details).toEqual([{ path: "expiresAt", message: expect.stringMatching(/in the future/) }]);
    const loop = await refusal(updateLinkOptions(ws.workspace.id, link.id, testHosts, { expiredUrl: "http://localhost:3000/other" }));
    expect(loop.details).toEqual([{ path: "expiredUrl", message: expect.stringMatching(/loop/) }]);
    const created = await refusal(createLink(ctx(), { url: "https://shop.example/e", expiresAt: "yesterday" }));
    expect(created.details).toEqual([{ path: "expiresAt", message: expect.any(String) }]);
  });

  it("stores notes and clears options with null or an empty field", async () => {
    const link = await createLink(ctx(), { url: "https://shop.example/f", slug: "with-notes", notes: "  Agreed: 2 stories + 1 reel  ", maxClicks: "50" });
    expect(link).toMatchObject({ notes: "Agreed: 2 stories + 1 reel", maxClicks: 50 });
    const cleared = await updateLinkOptions(ws.workspace.id, link.id, testHosts, { notes: "", maxClicks: null });
    expect(cleared).toMatchObject({ notes: null, maxClicks: null });
  });
});
