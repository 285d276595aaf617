// The data migration 20261121055341_hourly_qr_scans_backfill, run over hours written before the
// writer kept QR scans: each hour's scans become its human QR clicks, bots and links apart.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { clicksAt, makeWorkspace } from "@/lib/testing/fixtures";

connectTestDatabase();
const { getDb, getPool } = await import("@/lib/db");
const sql = fs.readFileSync(path.join(import.meta.dirname, "migrations/20261121055341_hourly_qr_scans_backfill/migration.sql"), "utf8");

describe("migration: QR scans in the hourly rollup", () => {
  beforeAll(async () => {
    await truncateAll();
  });

  it("counts each hour's human QR clicks, and a second run changes nothing", async () => {
    const { workspace } = await makeWorkspace();
    const link = await getDb().link.create({ data: { workspaceId: workspace.id, slug: "scan-me", url: "https://shop.example/" } });
    const first = new Date("2026-11-20T09:15:00Z");
    const second = new Date("2026-11-20T10:45:00Z");
    await clicksAt(workspace.id, link.id, first, 3, { source: "qr" });
    await clicksAt(workspace.id, link.id, first, 2, { source: "qr", isBot: true });
    await clicksAt(workspace.id, link.id, first, 4);
    await clicksAt(workspace.id, link.id, second, 1, { source: "qr" });
    // as the old writer left them
    await getPool().query(`UPDATE "LinkHourlyStat" SET "scans" = 0`);
    const hours = async () =>
      (await getPool().query(`SELECT to_char("hour" AT TIME ZONE 'UTC', 'HH24') AS hour, "clicks", "filtered", "scans" FROM "LinkHourlyStat" ORDER BY "hour"`)).rows;

    await getPool().query(sql);
    expect(await hours()).toEqual([
      { hour: "09", clicks: 7, filtered: 2, scans: 3 },
      { hour: "10", clicks: 1, filtered: 0, scans: 1 },
    ]);
    await getPool().query(sql);
    expect(await hours()).toEqual([
      { hour: "09", clicks: 7, filtered: 2, scans: 3 },
      { hour: "10", clicks: 1, filtered: 0, scans: 1 },
    ]);
  });
});
