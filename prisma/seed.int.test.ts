// The demo seed against a real (throw-away) PostgreSQL: the account works, secrets are stored
// hashed, and the clicks tell the story the product demo relies on.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { displayPrefix, generateApiKey, hashApiKey } from "@/lib/api-keys/token";
import { verifyPassword } from "@/lib/auth/password";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { CLICK_WINDOW_DAYS, generateDemoClicks, seed } from "./seed";
import { CREATORS, DEMO_USER, DEMO_WORKSPACE, SAME_AUDIENCE_PAIR } from "./seed-data";

const DAY = 24 * 3_600_000;
const demoApiKey = generateApiKey();
const now = new Date();
const logged: string[] = [];
let databaseUrl: string;
let pool: pg.Pool;

async function one<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T> {
  const { rows } = await pool.query<T>(sql, params);
  const row = rows[0];
  if (!row) throw new Error(`no row for: ${sql}`);
  return row;
}

async function clickCount(): Promise<number> {
  return (await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Click"`)).n;
}

beforeAll(async () => {
  databaseUrl = connectTestDatabase();
  await truncateAll();
  pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  await seed(databaseUrl, { demoApiKey, now, log: (line) => logged.push(line) });
});

afterAll(async () => {
  await pool?.end();
});

describe("prisma/seed", () => {
  it("creates the demo user with a working argon2id password", async () => {
    const user = await one<{ name: string; passwordHash: string; emailVerified: Date | null }>(
      `SELECT "name", "passwordHash", "emailVerified" FROM "User" WHERE "email" = $1`,
      [DEMO_USER.email],
    );
    expect(user.name).toBe("Demo User");
    expect(user.emailVerified).not.toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, DEMO_USER.password)).toBe(true);
    expect(await verifyPassword(user.passwordHash, "wrong-password")).toBe(false);
  });

  it("puts the demo user in a Team-plan demo workspace as owner", async () => {
    const row = await one<{ name: string; plan: string; role: string }>(
      `SELECT w."name", w."plan"::text AS plan, m."role"::text AS role
         FROM "Workspace" w JOIN "Membership" m ON m."workspaceId" = w."id" JOIN "User" u ON u."id" = m."userId"
        WHERE w."slug" = $1 AND u."email" = $2`,
      [DEMO_WORKSPACE.slug, DEMO_USER.email],
    );
    expect(row).toEqual({ name: "Demo Brand", plan: "team", role: "owner" });
  });

  it("stores the API key hashed, and the raw key nowhere", async () => {
    const key = await one<{ name: string; prefix: string; hashedKey: string; slug: string }>(
      `SELECT k."name", k."prefix", k."hashedKey", w."slug" FROM "ApiKey" k JOIN "Workspace" w ON w."id" = k."workspaceId"`,
    );
    expect(key).toEqual({ name: "Demo key", prefix: displayPrefix(demoApiKey), hashedKey: hashApiKey(demoApiKey), slug: "demo" });

    const { rows: tables } = await pool.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public'`,
    );
    for (const { tablename } of tables) {
      const found = await one<{ n: number }>(
        `SELECT count(*)::int AS n FROM "${tablename}" t WHERE strpos(t::text, $1) > 0`,
        [demoApiKey],
      );
      expect(found.n, `raw API key found in ${tablename}`).toBe(0);
    }
    expect(logged.join("\n")).not.toContain(demoApiKey);
  });

  it("creates creators and links in the product's slug convention", async () => {
    const { rows: links } = await pool.query<{ slug: string; domain: string; creator: string | null; archived: boolean; clicks: number }>(
      `SELECT l."slug", l."domain", c."name" AS creator, l."archivedAt" IS NOT NULL AS archived,
              (SELECT count(*)::int FROM "Click" k WHERE k."linkId" = l."id") AS clicks
         FROM "Link" l LEFT JOIN "Creator" c ON c."id" = l."creatorId"`,
    );
    expect(links.length).toBeGreaterThanOrEqual(8);
    const creators = await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Creator"`);
    expect(creators.n).toBe(CREATORS.length);
    for (const link of links) {
      expect(link.domain).toBe("");
      if (!link.creator) continue;
      const creatorSlug = link.creator.toLowerCase().replaceAll(" ", "-");
      expect(link.slug === creatorSlug || link.slug.endsWith(`-${creatorSlug}`), link.slug).toBe(true);
    }
    expect(links.find((link) => link.slug === "maya-lopez")?.creator).toBe("Maya Lopez");
    expect(links.find((link) => link.slug === "newsletter")?.creator).toBeNull();
    const archived = links.filter((link) => link.archived);
    expect(archived).toHaveLength(1);
    expect(archived[0]?.clicks).toBeGreaterThan(0);
  });

  it("spreads 20–30k clicks over the last 30 days, none in the future", async () => {
    const span = await one<{ n: number; first: Date; last: Date; days: number }>(
      `SELECT count(*)::int AS n, min("createdAt") AS first, max("createdAt") AS last,
              count(DISTINCT date_trunc('day', "createdAt"))::int AS days FROM "Click"`,
    );
    expect(span.n).toBeGreaterThanOrEqual(20_000);
    expect(span.n).toBeLessThanOrEqual(30_000);
    expect(span.first.getTime()).toBeGreaterThanOrEqual(now.getTime() - CLICK_WINDOW_DAYS * DAY);
    expect(span.first.getTime()).toBeLessThan(now.getTime() - 27 * DAY);
    expect(span.last.getTime()).toBeLessThanOrEqual(now.getTime());
    expect(span.last.getTime()).toBeGreaterThan(now.getTime() - DAY);
    expect(span.days).toBeGreaterThanOrEqual(28);

    // archived links stop redirecting, so none has a click after its archiving
    const late = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Click" c JOIN "Link" l ON l."id" = c."linkId"
        WHERE l."archivedAt" IS NOT NULL AND c."createdAt" > l."archivedAt"`,
    );
    expect(late.n).toBe(0);
  });

  it("flags 3–12 % of clicks as bots, with no device or referrer", async () => {
    const bots = await one<{ total: number; bots: number; odd: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE "isBot")::int AS bots,
              count(*) FILTER (WHERE "isBot" AND ("device" <> 'other' OR "referrer" IS NOT NULL))::int AS odd
         FROM "Click"`,
    );
    const share = bots.bots / bots.total;
    expect(share).toBeGreaterThanOrEqual(0.03);
    expect(share).toBeLessThanOrEqual(0.12);
    expect(bots.odd).toBe(0);
  });

  it("has repeat visitors: fewer unique visitors than clicks, hashes in the app's format", async () => {
    const visitors = await one<{ clicks: number; unique: number; malformed: number; repeatsSameDay: number }>(
      `SELECT count(*)::int AS clicks,
              count(DISTINCT ("linkId", date_trunc('day', "createdAt"), "visitorHash"))::int AS unique,
              count(*) FILTER (WHERE "visitorHash" !~ '^[0-9a-f]{64}$')::int AS malformed,
              (SELECT count(*)::int FROM (SELECT 1 FROM "Click"
                 GROUP BY "linkId", date_trunc('day', "createdAt"), "visitorHash" HAVING count(*) > 1) r) AS "repeatsSameDay"
         FROM "Click"`,
    );
    expect(visitors.unique).toBeLessThan(visitors.clicks);
    expect(visitors.repeatsSameDay).toBeGreaterThan(0);
    expect(visitors.malformed).toBe(0);
  });

  it("shows two same-audience creators about 10× apart", async () => {
    const names = [SAME_AUDIENCE_PAIR.strong, SAME_AUDIENCE_PAIR.weak].map(
      (key) => CREATORS.find((creator) => creator.key === key)?.name,
    );
    const { rows } = await pool.query<{ name: string; clicks: number }>(
      `SELECT cr."name", count(*)::int AS clicks
         FROM "Click" c JOIN "Link" l ON l."id" = c."linkId" JOIN "Creator" cr ON cr."id" = l."creatorId"
        WHERE NOT c."isBot" AND cr."name" = ANY($1::text[]) GROUP BY cr."name"`,
      [names],
    );
    const clicksOf = (name: string | undefined) => rows.find((row) => row.name === name)?.clicks ?? 0;
    const ratio = clicksOf(names[0]) / clicksOf(names[1]);
    expect(ratio).toBeGreaterThanOrEqual(6);
    expect(ratio).toBeLessThanOrEqual(15);
  });

  it("generates the same clicks for the same now", () => {
    const first = generateDemoClicks(now);
    const second = generateDemoClicks(now);
    expect(second).toEqual(first);
  });

  it("can run again without failing or duplicating", async () => {
    const before = await clickCount();
    const counts = `SELECT (SELECT count(*) FROM "Creator")::int AS creators, (SELECT count(*) FROM "Link")::int AS links,
                           (SELECT count(*) FROM "ApiKey")::int AS keys, (SELECT count(*) FROM "Membership")::int AS members`;
    const rowsBefore = await one(counts);
    await seed(databaseUrl, { demoApiKey, now: new Date(now.getTime() + 3_600_000) });
    expect(await clickCount()).toBe(before);
    expect(await one(counts)).toEqual(rowsBefore);
  });
});
