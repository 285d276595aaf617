// The database goes away and comes back: its own embedded PostgreSQL, stopped and started again
// on the same port under the click writer. While it is down every click is kept on local disk
// (the writer's promise still resolves: the redirect may be answered), and once it is back the
// spool is replayed — none lost, none twice, the rollups equal to the clicks.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { migrateDeploy } from "@/lib/db/migrate";
import { DurableClickSink } from "@/lib/clicks/durable-sink";
import { ClickSpool } from "@/lib/clicks/spool";
import { isUnavailable } from "@/lib/db/unavailable";
import { ClickWriter, insertClicks, type ClickRow } from "@/lib/clicks/writer";

let dataDir: string;
let spoolDir: string;
let database: EmbeddedDatabase;
let port: number;
let pool: pg.Pool;

const LINK = "spool-link";
let serial = 0;
const click = (at: Date): ClickRow => ({
  id: `spool-click-${++serial}`,
  workspaceId: "spool-ws",
  linkId: LINK,
  createdAt: at,
  country: null,
  device: "mobile",
  browser: null,
  os: null,
  referrer: null,
  isBot: false,
  visitorHash: `visitor-${serial % 7}`,
  source: "link",
});

async function startDatabase(): Promise<void> {
  database = await startEmbeddedPostgres({ dataDir, throwAway: true, port });
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "clickproof-spool-"));
  spoolDir = path.join(dataDir, "click-spool");
  database = await startEmbeddedPostgres({ dataDir, throwAway: true });
  port = Number(new URL(database.url).port);
  await migrateDeploy(database.url);
  // connection failures must come quickly: the server is stopped on purpose below
  pool = new pg.Pool({ connectionString: database.url, max: 4, connectionTimeoutMillis: 2_000 });
  pool.on("error", () => undefined);
  await pool.query(`INSERT INTO "Workspace" ("id", "name", "slug", "updatedAt") VALUES ('spool-ws', 'Spool', 'spool', now())`);
  await pool.query(`INSERT INTO "Link" ("id", "workspaceId", "slug", "url", "updatedAt") VALUES ($1, 'spool-ws', 'spool', 'https://shop.example/', now())`, [LINK]);
}, 120_000);

afterAll(async () => {
  await pool?.end().catch(() => undefined);
  await database?.stop().catch(() => undefined);
  await fs.rm(dataDir, { recursive: true, force: true });
});

const stored = async () =>
  (await pool.query<{ clicks: number; distinct: number; hourly: number; uniques: number }>(
    `SELECT (SELECT count(*)::int FROM "Click") AS clicks, (SELECT count(DISTINCT "id")::int FROM "Click") AS distinct,
            (SELECT coalesce(sum("clicks"), 0)::int FROM "LinkHourlyStat") AS hourly,
            (SELECT coalesce(sum("uniqueClicks"), 0)::int FROM "LinkDailyStat") AS uniques`,
  )).rows[0];

describe("clicks while the database is down", () => {
  it("are spooled to disk, then replayed once the database is back: none lost, none twice", async () => {
    const logs: string[] = [];
    const sink = new DurableClickSink({
      insert: (rows) => insertClicks(pool, rows),
      probe: () => pool.query("SELECT 1"),
      spool: new ClickSpool(spoolDir),
      retryMs: 60_000, // the test drives recovery itself
      log: (line) => logs.push(line),
    });
    const writer = new ClickWriter(sink.write, 0);
    const now = new Date();

    await Promise.all(Array.from({ length: 30 }, () => writer.record(click(now))));
    expect(sink.status()).toEqual({ database: "up", spooledClicks: 0, spoolFailing: false });

    await database.stop();
    // every click is answered for: its promise resolves once it is on disk
    await Promise.all(Array.from({ length: 120 }, () => writer.record(click(now))));
    expect(sink.status()).toEqual({ database: "down", spooledClicks: 120, spoolFailing: false });
    expect(await new ClickSpool(spoolDir).count()).toBe(120);
    await sink.recover(); // still down: nothing replayed, nothing lost
    expect(sink.status()).toEqual({ database: "down", spooledClicks: 120, spoolFailing: false });

    // A copy of one spooled file, as if an instance crashed after its INSERT but before the unlink.
    const [first] = await new ClickSpool(spoolDir).files();
    const again = path.join(spoolDir, `${first!.replace(".clicks.json", "")}-again.clicks.json`);
    await fs.copyFile(path.join(spoolDir, first!), again);

    await startDatabase();
    await sink.recover();
    expect(sink.status()).toEqual({ database: "up", spooledClicks: 0, spoolFailing: false });
    expect(await new ClickSpool(spoolDir).files()).toEqual([]);
    expect(await stored()).toEqual({ clicks: 150, distinct: 150, hourly: 150, uniques: 7 });
    expect(logs.some((line) => line.startsWith("database unavailable"))).toBe(true);

    // and new clicks go straight to the database again
    await Promise.all(Array.from({ length: 10 }, () => writer.record(click(now))));
    expect((await stored())?.clicks).toBe(160);
    expect(await new ClickSpool(spoolDir).files()).toEqual([]);
    sink.stop();
  }, 120_000);

  it("a spool left by an earlier run is replayed when the next one starts", async () => {
    const spool = new ClickSpool(spoolDir);
    await spool.append([click(new Date()), click(new Date())]);
    const sink = new DurableClickSink({ insert: (rows) => insertClicks(pool, rows), probe: () => pool.query("SELECT 1"), spool, retryMs: 10, log: () => undefined });
    const before = (await stored())?.clicks ?? 0;
    for (let i = 0; i < 200 && (await spool.files()).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await stored())?.clicks).toBe(before + 2);
    expect(sink.status().spooledClicks).toBe(0);
    sink.stop();
  });

  it("only unavailability is spooled: a batch refused for its data still fails", async () => {
    const sink = new DurableClickSink({ insert: (rows) => insertClicks(pool, rows), probe: () => pool.query("SELECT 1"), spool: new ClickSpool(spoolDir), log: () => undefined });
    await expect(sink.write([{ ...click(new Date()), linkId: "no-such-link" }])).rejects.toMatchObject({ code: "23503" });
    expect(sink.status()).toEqual({ database: "up", spooledClicks: 0, spoolFailing: false });
    sink.stop();
  });

  it("a spooled row the database refuses for its data is set aside, and the others still go in", async () => {
    const spool = new ClickSpool(spoolDir, () => undefined);
    const good = [click(new Date()), click(new Date())];
    await spool.append([good[0]!, { ...click(new Date()), linkId: "deleted-meanwhile" }, good[1]!]);
    await fs.writeFile(path.join(spoolDir, "000000000000001-corrupt.clicks.json"), "[{ not json");
    const before = (await stored())?.clicks ?? 0;
    expect(await spool.replay((rows) => insertClicks(pool, rows))).toEqual({ replayed: 2, rejected: 1 });
    expect((await stored())?.clicks).toBe(before + 2);
    expect(await spool.files()).toEqual([]);
    const aside = await fs.readdir(path.join(spoolDir, "rejected"));
    expect(aside).toContain("000000000000001-corrupt.clicks.json");
    const refused = await Promise.all(aside.filter((n) => !n.includes("corrupt")).map(async (n) => JSON.parse(await fs.readFile(path.join(spoolDir, "rejected", n), "utf8")) as ClickRow[]));
    expect(refused.flat().map((row) => row.linkId)).toEqual(["deleted-meanwhile"]);
  });
});

describe("isUnavailable", () => {
  it("tells connection and server-state errors from errors about the data", () => {
    expect(isUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isUnavailable(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isUnavailable(Object.assign(new Error("the database system is starting up"), { code: "57P03" }))).toBe(true);
    expect(isUnavailable(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isUnavailable(Object.assign(new Error("insert or update violates foreign key constraint"), { code: "23503" }))).toBe(false);
    expect(isUnavailable(Object.assign(new Error('column "x" does not exist'), { code: "42703" }))).toBe(false);
    expect(isUnavailable("nonsense")).toBe(false);
  });
});
