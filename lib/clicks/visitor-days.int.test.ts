// Old visitor-day rows are pruned; recent ones stay, so a late click of a recent day still counts
// its visitor once.
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { clicksAt, makeWorkspace } from "@/lib/testing/fixtures";

connectTestDatabase();
const { getDb, getPool } = await import("@/lib/db");
const { unsafePruneVisitorDays, KEEP_DAYS } = await import("@/lib/clicks/visitor-days");

const DAY = 86_400_000;
const now = new Date("2026-11-21T10:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY);

describe("pruning visitor days", () => {
  let links: string[];
  beforeAll(async () => {
    await truncateAll();
    const { workspace } = await makeWorkspace();
    links = await Promise.all(["p1", "p2", "p3"].map(async (slug) => (await getDb().link.create({ data: { workspaceId: workspace.id, slug, url: "https://shop.example/" } })).id));
    for (const link of links) {
      await clicksAt(workspace.id, link, daysAgo(30), 2, { visitors: ["a", "b"] });
      await clicksAt(workspace.id, link, daysAgo(KEEP_DAYS + 1), 1, { visitors: ["a"] });
      await clicksAt(workspace.id, link, daysAgo(KEEP_DAYS), 1, { visitors: ["a"] });
      await clicksAt(workspace.id, link, daysAgo(0), 1, { visitors: ["a"] });
    }
  });

  it("deletes the days before the kept window and nothing else, whatever the rollups say", async () => {
    const days = async () =>
      (await getPool().query<{ day: string; n: number }>(`SELECT "day"::text AS day, count(*)::int AS n FROM "LinkDayVisitor" GROUP BY 1 ORDER BY 1`)).rows;
    const before = await getPool().query(`SELECT sum("uniqueClicks")::int AS n FROM "LinkDailyStat"`);
    expect(await unsafePruneVisitorDays(getPool(), now)).toBe(3 * 3); // 30 days ago (a, b) and KEEP_DAYS + 1 ago (a), per link
    expect(await days()).toEqual([
      { day: daysAgo(KEEP_DAYS).toISOString().slice(0, 10), n: 3 },
      { day: daysAgo(0).toISOString().slice(0, 10), n: 3 },
    ]);
    expect((await getPool().query(`SELECT sum("uniqueClicks")::int AS n FROM "LinkDailyStat"`)).rows).toEqual(before.rows);
    expect(await unsafePruneVisitorDays(getPool(), now)).toBe(0);
  });

  it("walks every link, in batches", async () => {
    const { workspace } = await makeWorkspace();
    const many = await getDb().link.createManyAndReturn({ data: Array.from({ length: 1_100 }, (_, i) => ({ workspaceId: workspace.id, slug: `many-${i}`, url: "https://shop.example/" })), select: { id: true } });
    await getPool().query(`INSERT INTO "LinkDayVisitor" ("linkId", "day", "visitorHash") SELECT unnest($1::text[]), $2::date, 'old'`, [many.map((l) => l.id), daysAgo(20).toISOString().slice(0, 10)]);
    expect(await unsafePruneVisitorDays(getPool(), now)).toBe(1_100);
  });
});
