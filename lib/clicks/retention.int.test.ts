// Raw clicks and unserved hits older than the plan's history (plus the grace days) become daily
// totals per dimension value and are deleted; breakdowns answer the same before and after.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { clicksAt, makeWorkspace } from "@/lib/testing/fixtures";

connectTestDatabase();
const { getDb, getPool } = await import("@/lib/db");
const { unsafeApplyRetention, retentionCutoff, GRACE_DAYS } = await import("@/lib/clicks/retention");
const { getDimension, utcDaysRange } = await import("@/lib/analytics/query");
const { DIMENSION_GROUPS } = await import("@/lib/analytics/query-schema");
const { effectivePlan } = await import("@/lib/billing/plans");

const DAY = 86_400_000;
const now = new Date("2026-11-21T10:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);
const cutoff = new Date("2026-10-15T00:00:00Z"); // free: 30 days + GRACE_DAYS before today, at midnight UTC
const everything = utcDaysRange({ start: new Date("2026-09-01T00:00:00Z"), end: new Date("2026-11-22T00:00:00Z") });

async function hitsAt(workspaceId: string, linkId: string, at: Date, reason: "paused" | "expired", count: number, isBot = false) {
  for (let i = 0; i < count; i++) {
    await getPool().query(`INSERT INTO "UnservedHit" ("id", "workspaceId", "linkId", "createdAt", "reason", "isBot") VALUES ($1, $2, $3, $4, $5, $6)`, [
      randomBytes(12).toString("base64url"),
      workspaceId,
      linkId,
      at,
      reason,
      isBot,
    ]);
  }
}

/** The archive as readable lines: link slug, day, dimension, value (quoted), clicks/uniques/filtered. */
async function archive(): Promise<string[]> {
  const { rows } = await getPool().query<{ line: string }>(
    `SELECT concat_ws(' ', l."slug", d."day"::text, d."dimension", '"' || d."value" || '"', d."clicks" || '/' || d."uniqueClicks" || '/' || d."filtered") AS line
       FROM "LinkDailyDimension" d JOIN "Link" l ON l."id" = d."linkId"`,
  );
  return rows.map((r) => r.line).sort();
}

async function snapshot(sql: string, values: unknown[] = []) {
  return (await getPool().query(sql, values)).rows;
}

describe("retention by plan", () => {
  let free: string;
  let team: string;
  let alpha: string;
  let beta: string;
  let campaignId: string;
  let teamLink: string;
  const filterSets = () => [{}, { linkId: beta }, { campaignId }];
  // every breakdown, for each filter, of both workspaces
  const breakdowns = async () => {
    const answers: unknown[] = [];
    for (const workspaceId of [free, team]) {
      for (const filters of workspaceId === free ? filterSets() : [{}]) {
        for (const dimension of DIMENSION_GROUPS) answers.push({ workspaceId, filters, dimension, rows: await getDimension(workspaceId, everything, filters, dimension, 50) });
      }
    }
    return answers;
  };
  const rollups = () =>
    Promise.all([
      snapshot(`SELECT "linkId", "hour", "clicks", "filtered", "scans" FROM "LinkHourlyStat" ORDER BY 1, 2`),
      snapshot(`SELECT "linkId", "day", "uniqueClicks" FROM "LinkDailyStat" ORDER BY 1, 2`),
    ]);
  let before: unknown[];
  let rollupsBefore: unknown[];

  beforeAll(async () => {
    await truncateAll();
    const db = getDb();
    free = (await makeWorkspace("Free brand", "free")).workspace.id;
    // on Free for long (the fixture's downgrade from Team is not a recent one here)
    await db.workspace.update({ where: { id: free }, data: { retainedPlan: null, retainedPlanUntil: null } });
    team = (await makeWorkspace("Team brand", "team")).workspace.id;
    // a Team workspace whose payment lapsed long ago: Free limits apply, but nothing is deleted for it
    await db.workspace.update({ where: { id: team }, data: { billingStatus: "past_due", pastDueSince: daysAgo(60) } });
    campaignId = (await db.campaign.create({ data: { workspaceId: free, name: "Autumn", slug: "autumn" } })).id;
    alpha = (await db.link.create({ data: { workspaceId: free, slug: "alpha", url: "https://shop.example/a", campaignId } })).id;
    beta = (await db.link.create({ data: { workspaceId: free, slug: "beta", url: "https://shop.example/b" } })).id;
    teamLink = (await db.link.create({ data: { workspaceId: team, slug: "teamlink", url: "https://shop.example/t" } })).id;

    const insta = { country: "FR", device: "mobile", browser: "Chrome", os: "Android", referrer: "instagram.com" } as const;
    await clicksAt(free, alpha, daysAgo(41), 1, { ...insta, visitors: ["v1"] });
    await clicksAt(free, alpha, daysAgo(40), 3, { ...insta, visitors: ["v1", "v1", "v2"] });
    await clicksAt(free, alpha, daysAgo(40), 1, { device: "desktop", source: "qr", visitors: ["v3"] });
    await clicksAt(free, alpha, daysAgo(40), 2, { country: "US", device: "other", isBot: true });
    await clicksAt(free, alpha, new Date(cutoff.getTime() - 1), 1, { country: "DE", device: "tablet", visitors: ["v4"] });
    await clicksAt(free, alpha, cutoff, 1, { country: "DE", device: "tablet", visitors: ["v4"] });
    await clicksAt(free, alpha, daysAgo(36), 2, { ...insta, visitors: ["v5", "v6"] });
    await clicksAt(free, alpha, daysAgo(10), 1);
    await clicksAt(free, alpha, daysAgo(10), 1, { isBot: true });
    // v1 again, on another link: a unique click of that link
    await clicksAt(free, beta, daysAgo(40), 2, { country: "FR", device: "desktop", browser: "Safari", os: "iOS", source: "qr", visitors: ["v1", "v1"] });
    await clicksAt(team, teamLink, daysAgo(40), 2, { country: "FR" });

    await hitsAt(free, alpha, daysAgo(45), "expired", 1);
    await hitsAt(free, alpha, daysAgo(40), "paused", 2);
    await hitsAt(free, alpha, daysAgo(40), "paused", 1, true);
    await hitsAt(free, alpha, daysAgo(10), "paused", 1);
    await hitsAt(team, teamLink, daysAgo(40), "paused", 1);

    before = await breakdowns();
    rollupsBefore = await rollups();
  });

  it("cuts at midnight UTC, the plan's history plus the grace days ago", () => {
    expect(GRACE_DAYS).toBe(7);
    expect(retentionCutoff("free", now)).toEqual(cutoff);
    expect(retentionCutoff("single", now)).toEqual(new Date(Date.UTC(2026, 10, 21 - 365 - 7)));
    expect(retentionCutoff("team", now)).toEqual(new Date(Date.UTC(2026, 10, 21 - 1095 - 7)));
  });

  it("archives the free workspace's old clicks and hits, whole days at a time, once, even with two runs at once", async () => {
    expect(effectivePlan({ plan: "team", billingStatus: "past_due", pastDueSince: daysAgo(60) }, now)).toBe("free");
    // tiny batches, so a link's days are taken over several statements (a 6-click day stays whole)
    const runs = await Promise.all([unsafeApplyRetention(getPool(), now, { rowsPerBatch: 2 }), unsafeApplyRetention(getPool(), now, { rowsPerBatch: 2 })]);
    expect({
      clicksArchived: runs[0].clicksArchived + runs[1].clicksArchived,
      hitsArchived: runs[0].hitsArchived + runs[1].hitsArchived,
      workspaces: runs[0].workspaces + runs[1].workspaces,
    }).toEqual({ clicksArchived: 10, hitsArchived: 4, workspaces: 1 });

    const left = await snapshot(`SELECT l."slug", count(*)::int AS n, min(c."createdAt") AS first FROM "Click" c JOIN "Link" l ON l."id" = c."linkId" GROUP BY 1 ORDER BY 1`);
    expect(left).toEqual([
      { slug: "alpha", n: 5, first: cutoff }, // the click at the cutoff, 36 and 10 days ago
      { slug: "teamlink", n: 2, first: daysAgo(40) },
    ]);
    expect(await snapshot(`SELECT l."slug", h."reason"::text, count(*)::int AS n FROM "UnservedHit" h JOIN "Link" l ON l."id" = h."linkId" GROUP BY 1, 2 ORDER BY 1`)).toEqual([
      { slug: "alpha", reason: "paused", n: 1 },
      { slug: "teamlink", reason: "paused", n: 1 },
    ]);
  });

  it("keeps exact daily totals per dimension value: human clicks, distinct visitors, filtered; unknown as \"\"", async () => {
    expect(await archive()).toEqual(
      [
        `alpha 2026-10-07 unserved "expired" 1/0/0`,
        ...[`countries "FR"`, `devices "mobile"`, `browsers "Chrome"`, `os "Android"`, `referrers "instagram.com"`, `sources "link"`].map((v) => `alpha 2026-10-11 ${v} 1/1/0`),
        `alpha 2026-10-12 countries "FR" 3/2/0`,
        `alpha 2026-10-12 countries "" 1/1/0`,
        `alpha 2026-10-12 countries "US" 0/0/2`,
        `alpha 2026-10-12 devices "mobile" 3/2/0`,
        `alpha 2026-10-12 devices "desktop" 1/1/0`,
        `alpha 2026-10-12 devices "other" 0/0/2`,
        ...["browsers", "os", "referrers"].flatMap((d) => [`alpha 2026-10-12 ${d} "${d === "browsers" ? "Chrome" : d === "os" ? "Android" : "instagram.com"}" 3/2/0`, `alpha 2026-10-12 ${d} "" 1/1/2`]),
        `alpha 2026-10-12 sources "link" 3/2/2`,
        `alpha 2026-10-12 sources "qr" 1/1/0`,
        `alpha 2026-10-12 unserved "paused" 2/0/1`,
        ...[`countries "DE"`, `devices "tablet"`, `browsers ""`, `os ""`, `referrers ""`, `sources "link"`].map((v) => `alpha 2026-10-14 ${v} 1/1/0`),
        ...[`countries "FR"`, `devices "desktop"`, `browsers "Safari"`, `os "iOS"`, `referrers ""`, `sources "qr"`].map((v) => `beta 2026-10-12 ${v} 2/1/0`),
      ].sort(),
    );
  });

  it("answers every breakdown as before, for every filter; leaves the rollups and the other workspace alone", async () => {
    expect(await breakdowns()).toEqual(before);
    expect(await getDimension(free, everything, {}, "countries", 50)).toEqual([
      { value: "FR", clicks: 8, uniqueClicks: 6, filteredClicks: 0 },
      { value: null, clicks: 2, uniqueClicks: 2, filteredClicks: 1 },
      { value: "DE", clicks: 2, uniqueClicks: 2, filteredClicks: 0 },
      { value: "US", clicks: 0, uniqueClicks: 0, filteredClicks: 2 },
    ]);
    expect(await getDimension(free, everything, {}, "countries", 1)).toEqual([{ value: "FR", clicks: 8, uniqueClicks: 6, filteredClicks: 0 }]);
    expect(await rollups()).toEqual(rollupsBefore);
    expect(await archive()).not.toContainEqual(expect.stringContaining("teamlink"));
  });

  it("counts an archived day in a range that holds its midday (12:00 UTC)", async () => {
    const range = (start: string, end: string) => ({ ...everything, start: new Date(start), end: new Date(end) });
    expect(await getDimension(free, range("2026-10-12T11:00:00Z", "2026-10-13T11:00:00Z"), { linkId: alpha }, "countries", 10)).toEqual([
      { value: "FR", clicks: 3, uniqueClicks: 2, filteredClicks: 0 },
      { value: null, clicks: 1, uniqueClicks: 1, filteredClicks: 0 },
      { value: "US", clicks: 0, uniqueClicks: 0, filteredClicks: 2 },
    ]);
    expect(await getDimension(free, range("2026-10-12T12:00:00.001Z", "2026-10-13T11:00:00Z"), { linkId: alpha }, "countries", 10)).toEqual([]);
    expect(await getDimension(free, range("2026-10-11T11:00:00Z", "2026-10-12T12:00:00Z"), { linkId: alpha }, "countries", 10)).toEqual([
      { value: "FR", clicks: 1, uniqueClicks: 1, filteredClicks: 0 },
    ]);
  });

  it("changes nothing when run again", async () => {
    const archived = await archive();
    expect(await unsafeApplyRetention(getPool(), now)).toEqual({ clicksArchived: 0, hitsArchived: 0, workspaces: 0 });
    expect(await archive()).toEqual(archived);
    expect(await breakdowns()).toEqual(before);
  });

  it("adds a click that arrives late for an archived day to that day's totals", async () => {
    await clicksAt(free, beta, daysAgo(40), 1, { country: "FR", device: "desktop", browser: "Safari", os: "iOS", source: "qr", visitors: ["v9"] });
    expect(await unsafeApplyRetention(getPool(), now)).toEqual({ clicksArchived: 1, hitsArchived: 0, workspaces: 1 });
    expect((await archive()).filter((line) => line.startsWith("beta"))).toEqual(
      [`countries "FR"`, `devices "desktop"`, `browsers "Safari"`, `os "iOS"`, `referrers ""`, `sources "qr"`].map((v) => `beta 2026-10-12 ${v} 3/2/0`).sort(),
    );
  });
});

describe("retention after a downgrade", () => {
  // The trigger stamps the database's own clock, so these cases run on real time.
  const realNow = new Date();
  const ago = (days: number) => new Date(realNow.getTime() - days * DAY);
  const later = (days: number) => new Date(realNow.getTime() + days * DAY);
  const rawClicks = async (workspaceId: string) => Number((await getPool().query(`SELECT count(*) FROM "Click" WHERE "workspaceId" = $1`, [workspaceId])).rows[0].count);

  async function teamWithOldClicks(slug: string) {
    const { workspace } = await makeWorkspace(`Downgrader ${slug}`, "team");
    const link = await getDb().link.create({ data: { workspaceId: workspace.id, slug: `${slug}-${randomBytes(3).toString("hex")}`, url: "https://shop.example.com/" } });
    await clicksAt(workspace.id, link.id, ago(60), 5);
    return workspace.id;
  }

  it("keeps the wider plan's history for 7 days after a downgrade or cancellation, then applies the new plan's", async () => {
    const workspaceId = await teamWithOldClicks("cancelled");
    await getDb().workspace.update({ where: { id: workspaceId }, data: { plan: "free" } }); // e.g. the subscription ended
    const stamped = await getDb().workspace.findUniqueOrThrow({ where: { id: workspaceId } });
    expect(stamped.retainedPlan).toBe("team");
    expect(stamped.retainedPlanUntil!.getTime()).toBeGreaterThan(later(6.9).getTime());

    await unsafeApplyRetention(getPool(), realNow);
    expect(await rawClicks(workspaceId)).toBe(5); // a week to change their mind: nothing archived
    await unsafeApplyRetention(getPool(), later(8));
    expect(await rawClicks(workspaceId)).toBe(0); // then Free's 30 days (+ 7) apply
  });

  it("remembers the widest plan through several changes in the week, and an upgrade needs no memory", async () => {
    const workspaceId = await teamWithOldClicks("stepped");
    await getDb().workspace.update({ where: { id: workspaceId }, data: { plan: "single" } });
    await getDb().workspace.update({ where: { id: workspaceId }, data: { plan: "free" } });
    expect((await getDb().workspace.findUniqueOrThrow({ where: { id: workspaceId } })).retainedPlan).toBe("team");
    await unsafeApplyRetention(getPool(), later(3));
    expect(await rawClicks(workspaceId)).toBe(5);

    await getDb().workspace.update({ where: { id: workspaceId }, data: { plan: "team" } });
    await unsafeApplyRetention(getPool(), later(30));
    expect(await rawClicks(workspaceId)).toBe(5); // on Team, 60 days is well inside its history
  });
});
