import { beforeAll, describe, expect, it } from "vitest";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { makeWorkspace, testHosts } from "@/lib/testing/fixtures";

connectTestDatabase();
const { serveShortLink } = await import("@/lib/redirect/serve-short-link");
const { createLink } = await import("@/lib/links/create-link");
const { setLinkArchived, updateLinkDestination } = await import("@/lib/links/update-link");
const { getLinkTotals, getLinkBreakdown, getLinkDailySeries } = await import("@/lib/analytics/link-analytics");
const { lastDays } = await import("@/lib/date-range");
const { getPool } = await import("@/lib/db");

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const WINDOWS_CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

function visit(slug: string, options: { ua?: string; ip?: string; method?: string; search?: string; headers?: Record<string, string> } = {}) {
  return serveShortLink({
    domain: "",
    slug,
    method: options.method ?? "GET",
    search: options.search ?? "",
    headers: new Headers({
      "user-agent": options.ua ?? IPHONE,
      "x-forwarded-for": options.ip ?? "81.2.69.142",
      ...options.headers,
    }),
  });
}

describe("serveShortLink", () => {
  let ws: Awaited<ReturnType<typeof makeWorkspace>>;
  beforeAll(async () => {
    await truncateAll();
    ws = await makeWorkspace();
  });

  it("redirects with the visitor's query merged and has stored the click before answering", async () => {
    const link = await createLink({ workspaceId: ws.workspace.id, hosts: testHosts }, { url: "https://shop.example.com/?utm_source=ig", slug: "first-visit" });
    const outcome = await visit("first-visit", { search: "?ref=story", headers: { referer: "https://l.instagram.com/?u=x" } });
    if (outcome.kind !== "redirect") throw new Error(`expected a redirect, got ${outcome.kind}`);
    // conversion tracking is on by default (Team plan): the click id travels to the destination
    expect(outcome.location).toBe(`https://shop.example.com/?utm_source=ig&ref=story&cp_click=${outcome.clickId}`);
    expect(outcome.clickId).toMatch(/^[A-Za-z0-9_-]{22}$/); // 128 random bits
    const { rows } = await getPool().query(`SELECT * FROM "Click" WHERE "id" = $1`, [outcome.clickId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      linkId: link.id,
      workspaceId: ws.workspace.id,
      country: "GB",
      device: "mobile",
      browser: "Safari",
      os: "iOS",
      referrer: "l.instagram.com",
      isBot: false,
    });
    expect(rows[0].visitorHash).toMatch(/^[0-9a-f]{64}$/);
    // No raw IP anywhere in the row.
    expect(JSON.stringify(rows[0])).not.toContain("81.2.69.142");
  });

  it("appends no click id when the workspace turned tracking off or its plan lacks conversions, and uses its parameter name", async () => {
    const free = await makeWorkspace("Free brand", "free");
    await createLink({ workspaceId: free.workspace.id, hosts: testHosts }, { url: "https://free.example.com/", slug: "free-plan-link" });
    expect(await visit("free-plan-link")).toMatchObject({ location: "https://free.example.com/" });

    const off = await makeWorkspace("Tracking off");
    await getPool().query(`UPDATE "Workspace" SET "conversionTracking" = false WHERE "id" = $1`, [off.workspace.id]);
    await createLink({ workspaceId: off.workspace.id, hosts: testHosts }, { url: "https://off.example.com/?a=1", slug: "tracking-off" });
    expect(await visit("tracking-off")).toMatchObject({ location: "https://off.example.com/?a=1" });

    const custom = await makeWorkspace("Own parameter");
    await getPool().query(`UPDATE "Workspace" SET "clickIdParam" = 'ref_click' WHERE "id" = $1`, [custom.workspace.id]);
    await createLink({ workspaceId: custom.workspace.id, hosts: testHosts }, { url: "https://own.example.com/#buy", slug: "own-param" });
    const outcome = await visit("own-param");
    if (outcome.kind !== "redirect") throw new Error(`expected a redirect, got ${outcome.kind}`);
    expect(outcome.location).toBe(`https://own.example.com/?ref_click=${outcome.clickId}#buy`);
  });

  it("prefers a CDN country header over the GeoIP database", async () => {
    await createLink({ workspaceId: ws.workspace.id, hosts: testHosts }, { url: "https://shop.example.com/", slug: "cdn-country" });
    const outcome = await visit("cdn-country", { headers: { "cf-ipcountry": "de" } });
    if (outcome.kind !== "redirect") throw new Error(`expected a redirect, got ${outcome.kind}`);
    const { rows } = await getPool().query(`SELECT "country" FROM "Click" WHERE "id" = $1`, [outcome.clickId]);
    expect(rows[0].country).toBe("DE");
  });

  it("answers not_found for unknown and archived slugs, and serves an edited destination at once", async () => {
    expect(await visit("no-such-slug")).toEqual({ kind: "not_found" });
    const link = await createLink({ workspaceId: ws.workspace.id, hosts: testHosts }, { url: "https://before.example.com/", slug: "editable" });
    expect(await visit("editable")).toMatchObject({ location: expect.stringMatching(/^https:\/\/before\.example\.com\/\?cp_click=/) });
    await updateLinkDestination(ws.workspace.id, link.id, testHosts, { url: "https://after.example.com/" });
    expect(await visit("editable")).toMatchObject({ location: expect.stringMatching(/^https:\/\/after\.example\.com\/\?cp_click=/) });
    await setLinkArchived(ws.workspace.id, link.id, true);
    expect(await visit("editable")).toEqual({ kind: "not_found" });
  });

  it("counts humans exactly and bots apart under concurrent load, with unique visitors per day", async () => {
    const link = await createLink({ workspaceId: ws.workspace.id, hosts: testHosts }, { url: "https://shop.example.com/", slug: "busy" });
    const humans = Array.from({ length: 300 }, (_, i) => visit("busy", { ip: `81.2.69.${i % 20}`, ua: Math.floor(i / 20) % 2 ? IPHONE : WINDOWS_CHROME }));
    const bots = [
      ...Array.from({ length: 20 }, () => visit("busy", { ua: "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)" })),
      ...Array.from({ length: 20 }, () => visit("busy", { ua: "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)" })),
      ...Array.from({ length: 10 }, () => visit("busy", { method: "HEAD", ua: IPHONE })),
      ...Array.from({ length: 10 }, () => visit("busy", { ua: "" })),
    ];
    const outcomes = await Promise.all([...humans, ...bots]);
    expect(outcomes.every((o) => o.kind === "redirect")).toBe(true);
    const totals = await getLinkTotals(ws.workspace.id, link.id);
    // 20 addresses × 2 user agents = 40 distinct visitors today
    expect(totals).toEqual({ clicks: 300, uniqueClicks: 40, filteredClicks: 60 });

    const series = await getLinkDailySeries(ws.workspace.id, link.id, lastDays(7));
    expect(series).toHaveLength(7);
    expect(series.at(-1)).toMatchObject({ clicks: 300, uniqueClicks: 40, filteredClicks: 60 });
    expect(series.slice(0, -1).every((p) => p.clicks === 0)).toBe(true);

    const devices = await getLinkBreakdown(ws.workspace.id, link.id, "device", lastDays(7));
    expect(devices).toEqual([
      { name: "desktop", clicks: 160 }, // 8 of the 15 blocks of 20 used the Windows UA
      { name: "mobile", clicks: 140 },
    ]);
  });
});
