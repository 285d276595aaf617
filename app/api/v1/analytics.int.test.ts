// GET /api/v1/analytics through the real route module; every answer is checked against the
// OpenAPI document (lib/testing/api-client.ts). Clicks are placed at known instants ten days back,
// so the expected numbers are worked out by hand below.
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { clicksAt, makeWorkspace } from "@/lib/testing/fixtures";
import { api } from "@/lib/testing/api-client";
import { parseCsv } from "@/lib/csv";

connectTestDatabase();
const { getDb } = await import("@/lib/db");

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const today = new Date(new Date().toISOString().slice(0, 10));
const base = new Date(today.getTime() - 10 * DAY); // midnight UTC, ten days ago
const at = (ms: number) => new Date(base.getTime() + ms);
const day = (offset: number) => at(offset * DAY).toISOString().slice(0, 10);

type Totals = { clicks: number; uniqueClicks: number; filteredClicks: number };
const totals = (row: Totals) => [row.clicks, row.uniqueClicks, row.filteredClicks];

describe("analytics API", () => {
  let a: Awaited<ReturnType<typeof makeWorkspace>>;
  let b: Awaited<ReturnType<typeof makeWorkspace>>;
  const ids = { maya: "", leo: "", spring: "", summer: "", mayaSpring: "", leoSpring: "", mayaSummer: "", plain: "", foreignLink: "", foreignCreator: "" };
  const q = (query: string, headers?: Record<string, string>) => api("GET", `/api/v1/analytics?${query}`, { key: a.apiKey, headers });
  const threeDays = () => `start=${day(0)}&end=${day(2)}`;

  beforeAll(async () => {
    await truncateAll();
    a = await makeWorkspace("A");
    b = await makeWorkspace("B");
    const db = getDb();
    const ws = a.workspace.id;
    ids.maya = (await db.creator.create({ data: { workspaceId: ws, name: "=Maya" } })).id; // a formula-looking name, for the CSV
    ids.leo = (await db.creator.create({ data: { workspaceId: ws, name: "Leo" } })).id;
    ids.spring = (await db.campaign.create({ data: { workspaceId: ws, name: "Spring", slug: "spring" } })).id;
    ids.summer = (await db.campaign.create({ data: { workspaceId: ws, name: "Summer", slug: "summer" } })).id;
    const link = async (slug: string, creatorId: string | null, campaignId: string | null, workspaceId = ws) =>
      (await db.link.create({ data: { workspaceId, slug, url: "https://shop.example.com/", creatorId, campaignId } })).id;
    ids.mayaSpring = await link("maya-spring", ids.maya, ids.spring);
    ids.leoSpring = await link("leo-spring", ids.leo, ids.spring);
    ids.mayaSummer = await link("maya-summer", ids.maya, ids.summer);
    ids.plain = await link("plain", null, null);
    ids.foreignLink = await link("b-link", null, null, b.workspace.id);
    ids.foreignCreator = (await db.creator.create({ data: { workspaceId: b.workspace.id, name: "B's" } })).id;

    const us = { country: "US", device: "mobile" as const, browser: "Chrome", os: "iOS", referrer: "instagram.com" };
    await clicksAt(ws, ids.mayaSpring, at(1 * HOUR), 3, { ...us, visitors: ["v1", "v1", "v2"] }); // 3 clicks, 2 visitors
    await clicksAt(ws, ids.mayaSpring, at(1.5 * HOUR), 1, { ...us, isBot: true });
    await clicksAt(ws, ids.leoSpring, at(23.5 * HOUR), 2, { country: "DE", device: "desktop", browser: "Firefox", os: "Windows", visitors: ["v3", "v4"] });
    await clicksAt(ws, ids.mayaSummer, at(DAY + 5 * HOUR), 1, { country: "FR", visitors: ["v1"] });
    await clicksAt(ws, ids.plain, at(2 * DAY + 0.5 * HOUR), 1, { visitors: ["v5"] });
    await clicksAt(b.workspace.id, ids.foreignLink, at(1 * HOUR), 5);
  });

  it("counts totals over a range, from rollups or raw clicks alike, and only the caller's", async () => {
    const aligned = await q(threeDays());
    expect(aligned.status).toBe(200);
    expect(aligned.body).toMatchObject({ groupBy: "count", start: at(0).toISOString(), end: at(3 * DAY).toISOString(), timezone: "UTC", linkId: null });
    expect(totals(aligned.body)).toEqual([7, 6, 1]);
    // half an hour earlier: not whole hours, so raw clicks answer; nothing happened in that half hour
    const unaligned = await q(`start=${encodeURIComponent(at(-0.5 * HOUR).toISOString())}&end=${encodeURIComponent(at(3 * DAY).toISOString())}`);
    expect(totals(unaligned.body)).toEqual([7, 6, 1]);
    // B sees its own five only
    const other = await api("GET", `/api/v1/analytics?${threeDays()}`, { key: b.apiKey });
    expect(totals(other.body)).toEqual([5, 5, 0]);
    // the first API's call: one link over the plan's whole history
    const legacy = await q(`linkId=${ids.mayaSpring}`);
    expect(legacy.body).toMatchObject({ linkId: ids.mayaSpring, clicks: 3, uniqueClicks: 2, filteredClicks: 1 });
    expect(legacy.body.start).toBe(legacy.body.since);
  });

  it("filters by creator, campaign and link (together they narrow); other workspaces' ids are not found", async () => {
    expect(totals((await q(`${threeDays()}&creatorId=${ids.maya}`)).body)).toEqual([4, 3, 1]);
    expect(totals((await q(`${threeDays()}&campaignId=${ids.spring}`)).body)).toEqual([5, 4, 1]);
    expect(totals((await q(`${threeDays()}&campaignId=${ids.spring}&creatorId=${ids.maya}`)).body)).toEqual([3, 2, 1]);
    expect(totals((await q(`${threeDays()}&linkId=${ids.leoSpring}&creatorId=${ids.maya}`)).body)).toEqual([0, 0, 0]);
    for (const filter of [`linkId=${ids.foreignLink}`, `creatorId=${ids.foreignCreator}`, "campaignId=nope"]) {
      const refused = await q(`${threeDays()}&${filter}`);
      expect(refused.status, filter).toBe(404);
    }
  });

  it("answers a daily series in any zone, whole-hour or not, and an hourly one", async () => {
    const utc = await q(`${threeDays()}&groupBy=timeseries`);
    expect(utc.body.granularity).toBe("day");
    expect(utc.body.data.map((p: Totals & { label: string }) => [p.label, ...totals(p)])).toEqual([
      [day(0), 5, 4, 1],
      [day(1), 1, 1, 0],
      [day(2), 1, 1, 0],
    ]);
    // Tokyo (+9, whole hours: clicks from the hourly rollup) and Kolkata (+5:30: raw clicks) put
    // Leo's 23:30 UTC clicks on the next local day.
    for (const zone of ["Asia/Tokyo", "Asia/Kolkata"]) {
      const local = await q(`${threeDays()}&groupBy=timeseries&timezone=${zone}`);
      expect(local.status, zone).toBe(200);
      expect(local.body.data.map((p: Totals & { label: string }) => [p.label, ...totals(p)]), zone).toEqual([
        [day(0), 3, 2, 1],
        [day(1), 3, 3, 0],
        [day(2), 1, 1, 0],
      ]);
      expect(local.body.data[0].start, zone).not.toBe(at(0).toISOString()); // local midnight, not UTC's
    }
    // 18:45 UTC is 00:15 the next day in Kolkata: its hourly-rollup hour (18:00 UTC, 23:30 local)
    // would put it a day early, so raw clicks must answer there
    const late = await getDb().link.create({ data: { workspaceId: a.workspace.id, slug: "late", url: "https://shop.example.com/" } });
    await clicksAt(a.workspace.id, late.id, at(5 * DAY + 18.75 * HOUR), 1);
    // (whole UTC hours as bounds, so only the zone's half-hour offset rules the rollup out)
    const bounds = `start=${encodeURIComponent(at(5 * DAY).toISOString())}&end=${encodeURIComponent(at(7 * DAY).toISOString())}`;
    const kolkata = await q(`${bounds}&groupBy=timeseries&granularity=day&timezone=Asia/Kolkata&linkId=${late.id}`);
    expect(kolkata.body.data.map((p: Totals & { label: string }) => [p.label, p.clicks])).toEqual([
      [day(5), 0],
      [day(6), 1],
      [day(7), 0],
    ]);

    const hourly = await q(`start=${day(0)}&end=${day(0)}&groupBy=timeseries`);
    expect(hourly.body.granularity).toBe("hour");
    expect(hourly.body.data).toHaveLength(24);
    expect(hourly.body.data[1]).toMatchObject({ start: at(HOUR).toISOString(), clicks: 3, uniqueClicks: 2, filteredClicks: 1 });
    expect(hourly.body.data[23]).toMatchObject({ clicks: 2, uniqueClicks: 2 });
    expect(hourly.body.data.reduce((sum: number, p: Totals) => sum + p.clicks, 0)).toBe(5);
  });

  it("breaks down by country, device, link, creator and campaign, largest first", async () => {
    const countries = await q(`${threeDays()}&groupBy=countries`);
    expect(countries.body.data.map((r: Totals & { value: string | null }) => [r.value, ...totals(r)])).toEqual([
      ["US", 3, 2, 1],
      ["DE", 2, 2, 0],
      ["FR", 1, 1, 0],
      [null, 1, 1, 0],
    ]);
    const devices = await q(`${threeDays()}&groupBy=devices&creatorId=${ids.maya}`);
    expect(devices.body.data.map((r: Totals & { value: string }) => [r.value, r.clicks])).toEqual([["mobile", 4]]);
    // null: direct (no referrer); limit keeps the largest
    expect((await q(`${threeDays()}&groupBy=referrers&limit=1`)).body.data).toEqual([expect.objectContaining({ value: null, clicks: 4 })]);
    expect((await q(`${threeDays()}&groupBy=browsers`)).body.data.map((r: { value: string | null }) => r.value)).toEqual(["Chrome", "Firefox", null]);

    const links = await q(`${threeDays()}&groupBy=links`);
    expect(links.body.data.slice(0, 2).map((r: { slug: string; clicks: number }) => [r.slug, r.clicks])).toEqual([
      ["maya-spring", 3],
      ["leo-spring", 2],
    ]);
    expect(links.body.data.slice(2).map((r: { slug: string }) => r.slug).sort()).toEqual(["maya-summer", "plain"]);
    expect(links.body.data[0]).toMatchObject({ creatorId: ids.maya, campaignId: ids.spring, shortUrl: expect.stringMatching(/\/maya-spring$/) });

    const creators = await q(`${threeDays()}&groupBy=creators`);
    expect(creators.body.data.map((r: Totals & { name: string | null }) => [r.name, ...totals(r)])).toEqual([
      ["=Maya", 4, 3, 1],
      ["Leo", 2, 2, 0],
      [null, 1, 1, 0],
    ]);
    const campaigns = await q(`${threeDays()}&groupBy=campaigns`);
    expect(campaigns.body.data.map((r: Totals & { campaignId: string | null }) => [r.campaignId, r.clicks])).toEqual([
      [ids.spring, 5],
      [ids.summer, 1],
      [null, 1],
    ]);
  });

  it("pages every breakdown with a cursor, in rank order, and refuses a cursor where nothing pages", async () => {
    for (const group of ["countries", "links", "creators", "campaigns"]) {
      const whole = (await q(`${threeDays()}&groupBy=${group}`)).body;
      expect(whole.nextCursor, group).toBeNull();
      const seen: unknown[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { data: unknown[]; nextCursor: string | null } } = await q(`${threeDays()}&groupBy=${group}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
        expect(page.body.data.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.data);
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen, group).toEqual(whole.data);
    }
    const refused = await q(`${threeDays()}&groupBy=timeseries&cursor=${Buffer.from("r2").toString("base64url")}`);
    expect([refused.status, refused.body.error.details[0].path]).toEqual([422, "cursor"]);
    expect((await q(`${threeDays()}&groupBy=countries&cursor=forged`)).status).toBe(422);
  });

  it("answers CSV when the Accept header prefers it; format in the query decides over Accept", async () => {
    const byAccept = await q(`${threeDays()}&groupBy=creators`, { accept: "text/csv" });
    expect(byAccept.headers.get("content-type")).toContain("text/csv");
    expect(byAccept.headers.get("vary")).toContain("Accept");
    expect(parseCsv(byAccept.text).rows).toHaveLength(3);
    // a CSV page names the next one in a Link header; the last page names none
    const paged = await q(`${threeDays()}&groupBy=creators&limit=2`, { accept: "text/csv" });
    const next = /^<([^>]+)>; rel="next"$/.exec(paged.headers.get("link") ?? "")?.[1];
    expect(next).toMatch(/^\/api\/v1\/analytics\?.*cursor=/);
    const rest = await api("GET", next!, { key: a.apiKey, headers: { accept: "text/csv" } });
    expect(parseCsv(rest.text).rows).toHaveLength(1);
    expect(rest.headers.get("link")).toBeNull();
    expect((await q(`${threeDays()}&groupBy=creators`, { accept: "application/json, text/csv;q=0.5" })).headers.get("content-type")).toContain("application/json");
    expect((await q(`${threeDays()}&groupBy=creators&format=json`, { accept: "text/csv" })).headers.get("content-type")).toContain("application/json");
  });

  it("answers the same rows as CSV, formulas neutralised", async () => {
    const csv = await q(`${threeDays()}&groupBy=creators&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const { headers, rows } = parseCsv(csv.text);
    expect(headers).toEqual(["creator_id", "creator", "clicks", "unique_clicks", "filtered_clicks"]);
    expect(rows.map((r) => [r.creator, r.clicks, r.unique_clicks])).toEqual([
      ["'=Maya", "4", "3"],
      ["Leo", "2", "2"],
      ["(no creator)", "1", "1"],
    ]);
    const series = parseCsv((await q(`${threeDays()}&groupBy=timeseries&format=csv`)).text);
    expect(series.headers).toEqual(["day", "start", "clicks", "unique_clicks", "filtered_clicks"]);
    expect(series.rows.map((r) => r.clicks)).toEqual(["5", "1", "1"]);
  });

  it("counts the named intervals up to the end of this hour", async () => {
    const fresh = await getDb().link.create({ data: { workspaceId: a.workspace.id, slug: "fresh", url: "https://shop.example.com/" } });
    await clicksAt(a.workspace.id, fresh.id, new Date(Date.now() - HOUR), 2);
    await clicksAt(a.workspace.id, fresh.id, new Date(Date.now() - 2 * DAY), 1);
    const last24 = await q(`interval=24h&linkId=${fresh.id}`);
    expect(last24.body.clicks).toBe(2);
    expect(new Date(last24.body.end).getTime() - new Date(last24.body.start).getTime()).toBe(DAY);
    expect(new Date(last24.body.end).getTime() % HOUR).toBe(0);
    expect((await q(`interval=7d&linkId=${fresh.id}`)).body.clicks).toBe(3);
    expect((await q(`interval=24h&linkId=${fresh.id}&groupBy=timeseries`)).body.data).toHaveLength(24);
  });

  it("refuses bad input by field", async () => {
    for (const [query, path] of [
      ["groupBy=likes", "groupBy"],
      ["interval=1y", "interval"],
      [`interval=7d&start=${day(0)}`, "interval"],
      [`end=${day(0)}`, "start"],
      ["start=2026-02-30", "start"],
      ["start=yesterday", "start"],
      ["start=1900-01-01", "start"],
      [`start=${day(2)}&end=${day(0)}`, "end"],
      [`${threeDays()}&timezone=Mars%2FOlympus`, "timezone"],
      [`${threeDays()}&timezone=%3Bdrop`, "timezone"],
      [`${threeDays()}&timezone=ABC5`, "timezone"],
      ["interval=90d&groupBy=timeseries&granularity=hour", "granularity"],
      ["granularity=day", "granularity"],
      ["groupBy=links&limit=0", "limit"],
      ["format=xml", "format"],
      ["linkId=", "linkId"],
    ] as const) {
      const refused = await q(query);
      expect(refused.status, query).toBe(422);
      expect(refused.body.error.details.map((d: { path: string }) => d.path), query).toContain(path);
    }
  });

  it("never reaches before the plan's history, nor past tomorrow", async () => {
    const since = await q("start=2001-01-01");
    expect(since.status).toBe(200);
    expect(since.body.start).toBe(since.body.since);
    const far = await q(`start=${day(0)}&end=2999-12-31&groupBy=timeseries`);
    expect(far.status).toBe(200);
    expect(far.body.end).toBe(new Date(today.getTime() + DAY).toISOString());
    expect(far.body.data).toHaveLength(11);
    expect((await q("start=2998-01-01&end=2999-12-31")).body.error.details[0].path).toBe("start");
  });
});
