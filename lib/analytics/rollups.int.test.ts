// The rollups the dashboards read must say exactly what the raw clicks say (kpi.ts definitions),
// however the writes were batched, raced or replayed.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { makeWorkspace, testHosts } from "@/lib/testing/fixtures";

connectTestDatabase();
const { insertClicks } = await import("@/lib/clicks/writer");
const { createLink } = await import("@/lib/links/create-link");
const { CLICKS_SQL, FILTERED_SQL, UNIQUE_CLICKS_SQL } = await import("@/lib/analytics/kpi");
const { getPool } = await import("@/lib/db");
type ClickRow = import("@/lib/clicks/writer").ClickRow;

function makeClicks(workspaceId: string, linkIds: string[], count: number, seed: number): ClickRow[] {
  let state = seed;
  const rand = () => ((state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const start = Date.UTC(2026, 10, 1);
  return Array.from({ length: count }, () => ({
    id: randomBytes(12).toString("base64url"),
    workspaceId,
    linkId: linkIds[Math.floor(rand() * linkIds.length)] ?? "",
    createdAt: new Date(start + Math.floor(rand() * 4 * 86_400_000)),
    country: null,
    device: "mobile" as const,
    source: rand() < 0.2 ? ("qr" as const) : ("link" as const),
    browser: null,
    os: null,
    referrer: null,
    isBot: rand() < 0.1,
    visitorHash: `v${Math.floor(rand() * 40)}`,
  }));
}

describe("click rollups", () => {
  beforeAll(async () => {
    await truncateAll();
  });

  it("equal the raw definitions after concurrent, overlapping and replayed batches", async () => {
    const { workspace } = await makeWorkspace();
    const links = await Promise.all(
      ["r1", "r2", "r3"].map((slug) => createLink({ workspaceId: workspace.id, hosts: testHosts }, { url: "https://example.com/", slug: `${slug}-${workspace.slug}` })),
    );
    const clicks = makeClicks(workspace.id, links.map((l) => l.id), 3_000, 7);
    const pool = getPool();
    const batches = Array.from({ length: 30 }, (_, i) => clicks.slice(i * 100, i * 100 + 100));
    await Promise.all(batches.map((batch) => insertClicks(pool, batch)));
    // A replay of already-stored clicks (e.g. a retried batch) must change nothing.
    await Promise.all([insertClicks(pool, clicks.slice(0, 500)), insertClicks(pool, clicks.slice(250, 900))]);

    const raw = await pool.query(
      `SELECT "linkId", ("createdAt" AT TIME ZONE 'UTC')::date::text AS day, ${CLICKS_SQL} AS clicks, ${FILTERED_SQL} AS filtered, ${UNIQUE_CLICKS_SQL} AS unique_clicks,
              count(*) FILTER (WHERE NOT "isBot" AND "source" = 'qr')::int AS scans
         FROM "Click" WHERE "workspaceId" = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
      [workspace.id],
    );
    const rolled = await pool.query(
      `SELECT h."linkId", h.day, h.clicks, h.filtered, coalesce(d."uniqueClicks", 0) AS unique_clicks, h.scans
         FROM (SELECT "linkId", ("hour" AT TIME ZONE 'UTC')::date::text AS day, sum("clicks")::int AS clicks, sum("filtered")::int AS filtered, sum("scans")::int AS scans
                 FROM "LinkHourlyStat" WHERE "workspaceId" = $1 GROUP BY 1, 2) h
         LEFT JOIN "LinkDailyStat" d ON d."linkId" = h."linkId" AND d."day"::text = h.day
        ORDER BY 1, 2`,
      [workspace.id],
    );
    expect(raw.rows.length).toBeGreaterThan(10);
    expect(rolled.rows).toEqual(raw.rows);
    expect(raw.rows.reduce((sum, r) => sum + r.clicks + r.filtered, 0)).toBe(3_000);
    expect(raw.rows.reduce((sum, r) => sum + r.scans, 0)).toBeGreaterThan(300); // QR scans are kept apart in the hourly rollup too
  });

  it("hourly buckets are UTC hours", async () => {
    const { workspace } = await makeWorkspace();
    const link = await createLink({ workspaceId: workspace.id, hosts: testHosts }, { url: "https://example.com/" });
    const at = (iso: string): ClickRow => ({ ...makeClicks(workspace.id, [link.id], 1, 1)[0]!, createdAt: new Date(iso), isBot: false });
    await insertClicks(getPool(), [at("2026-11-20T23:59:59.999Z"), at("2026-11-21T00:00:00.000Z"), at("2026-11-21T00:30:00Z")]);
    const { rows } = await getPool().query(`SELECT "hour", "clicks" FROM "LinkHourlyStat" WHERE "linkId" = $1 ORDER BY 1`, [link.id]);
    expect(rows.map((r) => [r.hour.toISOString(), r.clicks])).toEqual([
      ["2026-11-20T23:00:00.000Z", 1],
      ["2026-11-21T00:00:00.000Z", 2],
    ]);
  });
});
