// `npm run bench:analytics` (also the second half of `npm run bench`): how fast the analytics
// answer on a big workspace. It starts its own throw-away embedded PostgreSQL in a temp directory
// (never DATA_DIR), generates a workspace with set-based SQL — 500 creators with follower history,
// one campaign holding all of them plus 49 smaller ones, a link per creator per campaign, 10 million
// clicks over 90 days (skewed creators, ~6 % bots, repeat visitors) — fills the rollups exactly as
// lib/clicks/writer.ts maintains them, then times the app's own functions: the campaign comparison
// (getCampaign + getCampaignPerformance), the campaign's sources and UTM tags, the all-campaigns
// creator comparison, and a busy link's totals and daily series; plus, in the same run, the naive
// comparison counted from raw clicks. Prints a table and appends it to docs/benchmarks.md.
//
// Runs under `tsx --conditions=react-server`: lib/db imports "server-only", whose package resolves
// to an empty module under that export condition (and throws under the default one).
//
// Options: BENCH_CLICKS (default 10000000), BENCH_CREATORS (500), BENCH_CAMPAIGNS (50: the big one
// and 49 smaller), BENCH_DAYS (90), BENCH_RUNS (30 timed runs per query), BENCH_BASELINE_RUNS
// (5), BENCH_APPEND=0 to print without appending to docs/benchmarks.md, BENCH_EXPLAIN=1 to print
// EXPLAIN ANALYZE of the comparison's SQL and of the raw-clicks baseline.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrateDeploy } from "../../lib/db/migrate";
import { machineLine, report } from "./app";

function intOption(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw.replace(/[_,]/g, ""));
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min} (got ${raw})`);
  return value;
}

const CLICKS = intOption("BENCH_CLICKS", 10_000_000, 1_000);
const CREATORS = intOption("BENCH_CREATORS", 500, 10);
const CAMPAIGNS = intOption("BENCH_CAMPAIGNS", 50, 1);
const DAYS = intOption("BENCH_DAYS", 90, 14);
const RUNS = intOption("BENCH_RUNS", 30, 1);
const BASELINE_RUNS = intOption("BENCH_BASELINE_RUNS", 5, 1);
const WARMUP = 5;
const EXPLAIN = ["1", "true"].includes(process.env.BENCH_EXPLAIN ?? "");

const BOT_RATE = 0.06;
/** Share of a small campaign's creators; the big campaign holds them all. */
const SMALL_CAMPAIGN_SHARE = 0.2;
/** A creator's link in a small campaign draws this fraction of their big-campaign clicks. */
const SMALL_CAMPAIGN_FACTOR = 0.5;
/** Clicks decay after the post (mean delay 30 h) except this share, spread until now. */
const LATE_SHARE = 0.25;
const DECAY_MEAN_SECONDS = 30 * 3600;

const WS = "bench_ws";
const log = (line: string) => console.log(`[bench:analytics] ${line}`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const fmt = (n: number) => n.toLocaleString("en-US");

// ---------- data generation (set-based SQL) ----------

async function timed<T>(label: string, phases: Record<string, number>, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  phases[label] = performance.now() - started;
  log(`${label}: ${seconds(phases[label])}`);
  return result;
}

/**
 * Entities: workspace, creators (log-uniform 1–10× click weight, 5k–500k followers, independent of
 * each other), platforms with weekly follower history, campaigns with KPIs, members with terms,
 * and a link per member. Pseudo-random but deterministic (hashint4), so reruns build the same rows.
 */
async function generateEntities(db: pg.Client, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - DAYS * 86_400_000);
  await db.query(`CREATE FUNCTION pg_temp.u(x bigint) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$ SELECT (hashint8(x)::float8 + 2147483648) / 4294967296 $$`);
  await db.query(`INSERT INTO "Workspace" ("id", "name", "slug", "plan", "updatedAt") VALUES ($1, 'Bench Brand', 'bench-brand', 'team', now())`, [WS]);
  await db.query(
    `CREATE TEMP TABLE bench_creator AS
     SELECT i, 'bench_cr_' || lpad(i::text, 5, '0') AS id,
            power(10, pg_temp.u(i)) AS weight,
            (ARRAY['instagram', 'tiktok', 'youtube', 'x', 'twitch', 'blog']::"Platform"[])[1 + i % 6] AS platform,
            round(5000 * power(100, pg_temp.u(i + 1000000)))::int AS followers
       FROM generate_series(1, $1::int) i`,
    [CREATORS],
  );
  await db.query(
    `INSERT INTO "Creator" ("id", "workspaceId", "name", "email", "niche", "createdAt", "updatedAt")
     SELECT id, $1, 'Creator ' || lpad(i::text, 4, '0'), 'creator' || i || '@bench.example',
            (ARRAY['beauty', 'fitness', 'food', 'tech', 'travel'])[1 + i % 5], now() + i * interval '1 ms', now()
       FROM bench_creator`,
    [WS],
  );
  // Every creator has the account their links are posted from; every fourth a second one.
  await db.query(
    `INSERT INTO "CreatorPlatform" ("id", "workspaceId", "creatorId", "platform", "handle", "followers", "updatedAt")
     SELECT 'bench_cp_' || i, $1, id, platform, '@creator' || i, followers, now() FROM bench_creator
     UNION ALL
     SELECT 'bench_cp2_' || i, $1, id, CASE WHEN platform = 'instagram' THEN 'tiktok' ELSE 'instagram' END::"Platform",
            '@creator' || i || '.2', followers / 3, now() FROM bench_creator WHERE i % 4 = 0`,
    [WS],
  );
  // Weekly snapshots from 30 days before the window until now, growing to the current count.
  const snapshots = Math.ceil((DAYS + 30) / 7);
  await db.query(
    `INSERT INTO "FollowerCount" ("id", "workspaceId", "creatorPlatformId", "followers", "recordedAt")
     SELECT cp."id" || '_' || k, $1, cp."id", round(cp."followers" * (0.8 + 0.2 * k / $2::float8))::int,
            ($3::timestamptz AT TIME ZONE 'UTC') - ($2 - k) * interval '7 days'
       FROM "CreatorPlatform" cp CROSS JOIN generate_series(0, $2::int) k WHERE cp."workspaceId" = $1`,
    [WS, snapshots, now],
  );
  // Campaign 1 holds every creator and posts over the first half of the window; the smaller ones
  // start anywhere in it and post within a week.
  await db.query(
    `CREATE TEMP TABLE bench_campaign AS
     SELECT c, 'bench_cm_' || c AS id,
            CASE WHEN c = 1 THEN 'Big Launch' ELSE 'Campaign ' || c END AS name,
            CASE WHEN c = 1 THEN 'big-launch' ELSE 'campaign-' || c END AS slug,
            $2::timestamptz + CASE WHEN c = 1 THEN 0 ELSE floor(pg_temp.u(c * 7919) * ($3::int - 14)) END * interval '1 day' AS starts,
            CASE WHEN c = 1 THEN $3::int / 2 ELSE 7 END AS spread_days,
            CASE WHEN c = 1 THEN 1.0 ELSE $4::float8 END AS factor
       FROM generate_series(1, $1::int) c`,
    [CAMPAIGNS, windowStart, DAYS, SMALL_CAMPAIGN_FACTOR],
  );
  await db.query(
    `INSERT INTO "Campaign" ("id", "workspaceId", "name", "slug", "objective", "startsOn", "endsOn", "budgetMinor", "currency", "destinationUrl", "createdAt", "updatedAt")
     SELECT id, $1, name, slug, (ARRAY['traffic', 'awareness', 'conversions']::"CampaignObjective"[])[1 + c % 3],
            (starts AT TIME ZONE 'UTC')::date, (starts AT TIME ZONE 'UTC')::date + spread_days + 14,
            CASE WHEN c = 1 THEN 50000000 ELSE 5000000 END, 'USD', 'https://shop.example.com/' || slug, starts AT TIME ZONE 'UTC', now()
       FROM bench_campaign`,
    [WS],
  );
  await db.query(
    `INSERT INTO "CampaignKpi" ("id", "workspaceId", "campaignId", "kpi", "target", "primary", "position")
     SELECT id || '_ctr', $1, id, 'audience_ctr'::"Kpi", 0.01, true, 0 FROM bench_campaign
     UNION ALL SELECT id || '_clicks', $1, id, 'clicks', 100000, false, 1 FROM bench_campaign
     UNION ALL SELECT id || '_cpc', $1, id, 'cpc', 150, false, 2 FROM bench_campaign`,
    [WS],
  );
  await db.query(
    `CREATE TEMP TABLE bench_member AS
     SELECT cm.c, cm.id AS campaign_id, cm.slug AS campaign_slug, cr.i, cr.id AS creator_id, cr.platform,
            'bench_ln_' || cm.c || '_' || cr.i AS link_id,
            CASE WHEN cm.c = 1 THEN 'creator-' || cr.i ELSE cm.slug || '-creator-' || cr.i END AS slug,
            date_trunc('minute', cm.starts + pg_temp.u(cm.c * 1000003 + cr.i) * cm.spread_days * interval '1 day') AS posted_at,
            cr.weight * cm.factor AS weight
       FROM bench_campaign cm JOIN bench_creator cr ON cm.c = 1 OR pg_temp.u(cr.i * 1009 + cm.c) < $1`,
    [SMALL_CAMPAIGN_SHARE],
  );
  await db.query(
    `INSERT INTO "CampaignCreator" ("id", "workspaceId", "campaignId", "creatorId", "flatFeeMinor", "giftedValueMinor", "commissionRate", "createdAt", "updatedAt")
     SELECT 'bench_cc_' || c || '_' || i, $1, campaign_id, creator_id,
            (50000 + round(pg_temp.u(i * 31 + c) * 45) * 10000)::int,
            CASE WHEN i % 3 = 0 THEN 15000 ELSE 0 END, CASE WHEN i % 5 = 0 THEN 0.1 ELSE 0 END,
            now() + i * interval '1 ms', now()
       FROM bench_member`,
    [WS],
  );
  await db.query(
    `INSERT INTO "Link" ("id", "workspaceId", "slug", "url", "creatorId", "campaignId", "platform", "postedAt", "createdAt", "updatedAt")
     SELECT link_id, $1, slug,
            'https://shop.example.com/' || campaign_slug || '?utm_source=' || platform || '&utm_medium=influencer&utm_campaign=' || campaign_slug || '&utm_content=creator-' || i,
            creator_id, campaign_id, platform, posted_at, (posted_at - interval '1 day') AT TIME ZONE 'UTC', now()
       FROM bench_member`,
    [WS],
  );
}

/**
 * The clicks: each link gets its share of BENCH_CLICKS by weight (exact total), at times that
 * decay after its post (a quarter spread until now), in time order like real traffic. Human
 * visitors come from a per-link audience pool with a skewed draw, so visitors repeat within a day;
 * their hash changes daily, as the app's daily salt does. Bots come from a small shared pool.
 */
async function generateClicks(db: pg.Client, now: Date): Promise<void> {
  await db.query(
    `CREATE TEMP TABLE bench_link AS
     SELECT link_id, posted_at, n, greatest(10, round(n * 0.6))::int AS pool
       FROM (SELECT link_id, posted_at,
                    (floor($1::bigint * sum(weight) OVER w / sum(weight) OVER ()) - floor($1::bigint * (sum(weight) OVER w - weight) / sum(weight) OVER ()))::int AS n
               FROM bench_member WINDOW w AS (ORDER BY link_id)) m`,
    [CLICKS],
  );
  await db.query(`SELECT setseed(0.4242)`);
  await db.query(
    `INSERT INTO "Click" ("id", "workspaceId", "linkId", "createdAt", "country", "device", "browser", "os", "referrer", "isBot", "source", "visitorHash")
     SELECT 'bench' || lpad(to_hex(row_number() OVER ()), 10, '0'), $1, link_id, t, country, device, browser, os, referrer, bot,
            CASE WHEN NOT bot AND visitor % 16 = 0 THEN 'qr' ELSE 'link' END::"ClickSource",
            encode(sha256(convert_to(CASE WHEN bot THEN 'bot:' || (visitor % 300) ELSE link_id || ':' || visitor || ':' || (t AT TIME ZONE 'UTC')::date END, 'UTF8')), 'hex')
       FROM (
         SELECT link_id, bot, visitor, t,
                CASE WHEN bot THEN NULL ELSE (ARRAY['US', 'US', 'US', 'GB', 'GB', 'DE', 'FR', 'CA', 'BR', 'IN', 'ES', NULL])[1 + floor(u1 * 12)::int] END AS country,
                CASE WHEN bot THEN 'other' ELSE (ARRAY['mobile', 'mobile', 'mobile', 'desktop', 'desktop', 'tablet']::"DeviceType"[])[1 + floor(u2 * 6)::int] END AS device,
                CASE WHEN bot THEN NULL ELSE (ARRAY['Chrome', 'Mobile Safari', 'Instagram', 'TikTok', 'Firefox', 'Edge'])[1 + floor(u3 * 6)::int] END AS browser,
                CASE WHEN bot THEN NULL ELSE (ARRAY['iOS', 'Android', 'Windows', 'Mac OS', 'Linux'])[1 + floor(u2 * 5)::int] END AS os,
                (ARRAY['instagram.com', 'tiktok.com', 'youtube.com', 't.co', NULL, NULL])[1 + floor(u4 * 6)::int] AS referrer
           FROM (
             SELECT link_id, bot, visitor, u1, u2, u3, u4,
                    date_trunc('milliseconds', CASE WHEN posted_at + delay < $2 THEN posted_at + delay ELSE posted_at + late * ($2 - posted_at) END) AS t
               FROM (
                 SELECT l.link_id, l.posted_at, random() < $3 AS bot,
                        CASE WHEN random() < $4 THEN random() * ($2 - l.posted_at) ELSE make_interval(secs => -ln(1 - random()) * $5) END AS delay,
                        random() AS late, floor(power(random(), 1.5) * l.pool)::int AS visitor,
                        random() AS u1, random() AS u2, random() AS u3, random() AS u4
                   FROM bench_link l CROSS JOIN LATERAL generate_series(1, l.n) g
               ) drawn
           ) timed
          ORDER BY t
       ) clicks`,
    [WS, now, BOT_RATE, LATE_SHARE, DECAY_MEAN_SECONDS],
  );
}

/** The rollups, from the clicks, with the definitions lib/clicks/writer.ts applies click by click. */
async function fillRollups(db: pg.Client): Promise<void> {
  await db.query(
    `INSERT INTO "LinkHourlyStat" ("linkId", "workspaceId", "hour", "clicks", "filtered", "scans")
     SELECT "linkId", "workspaceId", date_trunc('hour', "createdAt", 'UTC'), count(*) FILTER (WHERE NOT "isBot"), count(*) FILTER (WHERE "isBot"),
            count(*) FILTER (WHERE NOT "isBot" AND "source" = 'qr')
       FROM "Click" WHERE "workspaceId" = $1 GROUP BY 1, 2, 3 ORDER BY 1, 3`,
    [WS],
  );
  await db.query(
    `INSERT INTO "LinkDayVisitor" ("linkId", "day", "visitorHash")
     SELECT DISTINCT "linkId", ("createdAt" AT TIME ZONE 'UTC')::date, "visitorHash" FROM "Click" WHERE "workspaceId" = $1 AND NOT "isBot" ORDER BY 1, 2, 3`,
    [WS],
  );
  await db.query(
    `INSERT INTO "LinkDailyStat" ("linkId", "workspaceId", "day", "uniqueClicks")
     SELECT v."linkId", l."workspaceId", v."day", count(*)
       FROM "LinkDayVisitor" v JOIN "Link" l ON l."id" = v."linkId" WHERE l."workspaceId" = $1 GROUP BY 1, 2, 3 ORDER BY 1, 3`,
    [WS],
  );
}

type DataSize = {
  creators: number;
  platforms: number;
  followerSnapshots: number;
  campaigns: number;
  bigCampaignCreators: number;
  links: number;
  bigCampaignLinks: number;
  clicks: number;
  bots: number;
  hourlyRows: number;
  dailyRows: number;
  visitorRows: number;
  busyLinkClicks: number;
  tableSizes: string;
};

async function generate(db: pg.Client, now: Date, phases: Record<string, number>): Promise<DataSize> {
  // A bulk load into a throw-away database: skip the per-row foreign-key triggers (the generator
  // builds consistent rows) and build Click's secondary indexes once, after the load.
  await db.query(`SET session_replication_role = replica`);
  await db.query(`SET work_mem = '1GB'`);
  await db.query(`SET maintenance_work_mem = '1GB'`);
  await timed("creators, campaigns, links", phases, () => generateEntities(db, now));
  const { rows: indexes } = await db.query<{ name: string; def: string }>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = 'Click'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  for (const index of indexes) await db.query(`DROP INDEX "${index.name}"`);
  await timed(`${fmt(CLICKS)} clicks`, phases, () => generateClicks(db, now));
  await timed("Click indexes", phases, async () => {
    for (const index of indexes) await db.query(index.def);
  });
  await timed("rollups from the clicks", phases, () => fillRollups(db));
  await db.query(`RESET ALL`); // the baseline below runs with the server's defaults, like the app
  // What autovacuum would have done on a table that grew over 90 days; ANALYZE for the planner.
  await timed("VACUUM ANALYZE", phases, () => db.query(`VACUUM (ANALYZE)`));

  const count = async (sql: string, params: unknown[] = [WS]) => Number((await db.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);
  return {
    creators: await count(`SELECT count(*) AS n FROM "Creator" WHERE "workspaceId" = $1`),
    platforms: await count(`SELECT count(*) AS n FROM "CreatorPlatform" WHERE "workspaceId" = $1`),
    followerSnapshots: await count(`SELECT count(*) AS n FROM "FollowerCount" WHERE "workspaceId" = $1`),
    campaigns: await count(`SELECT count(*) AS n FROM "Campaign" WHERE "workspaceId" = $1`),
    bigCampaignCreators: await count(`SELECT count(*) AS n FROM "CampaignCreator" WHERE "campaignId" = $1`, ["bench_cm_1"]),
    links: await count(`SELECT count(*) AS n FROM "Link" WHERE "workspaceId" = $1`),
    bigCampaignLinks: await count(`SELECT count(*) AS n FROM "Link" WHERE "campaignId" = $1`, ["bench_cm_1"]),
    clicks: await count(`SELECT count(*) AS n FROM "Click" WHERE "workspaceId" = $1`),
    bots: await count(`SELECT count(*) AS n FROM "Click" WHERE "workspaceId" = $1 AND "isBot"`),
    hourlyRows: await count(`SELECT count(*) AS n FROM "LinkHourlyStat" WHERE "workspaceId" = $1`),
    dailyRows: await count(`SELECT count(*) AS n FROM "LinkDailyStat" WHERE "workspaceId" = $1`),
    visitorRows: await count(`SELECT count(*) AS n FROM "LinkDayVisitor"`, []),
    busyLinkClicks: 0,
    tableSizes: (
      await db.query<{ name: string; size: string }>(
        `SELECT relname AS name, pg_size_pretty(pg_total_relation_size(oid)) AS size FROM pg_class
          WHERE relname IN ('Click', 'LinkHourlyStat', 'LinkDailyStat', 'LinkDayVisitor') ORDER BY pg_total_relation_size(oid) DESC`,
      )
    ).rows
      .map((r) => `${r.name} ${r.size}`)
      .join(", "),
  };
}

// ---------- measurement ----------

type Timing = { name: string; reads: string; runs: number; p50: number; p95: number; max: number };

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

async function measure(name: string, reads: string, runs: number, work: () => Promise<unknown>, warmup = WARMUP): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const timing = { name, reads, runs, p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times[times.length - 1] ?? NaN };
  log(`${name}: p50 ${timing.p50.toFixed(1)} ms, p95 ${timing.p95.toFixed(1)} ms, max ${timing.max.toFixed(1)} ms (${runs} runs)`);
  return timing;
}

async function loadApp() {
  try {
    const [campaigns, performanceModule, comparison, linkAnalytics, dateRange, kpi, query, billing, db] = await Promise.all([
      import("../../lib/campaigns/campaigns"),
      import("../../lib/campaigns/performance"),
      import("../../lib/campaigns/comparison"),
      import("../../lib/analytics/link-analytics"),
      import("../../lib/date-range"),
      import("../../lib/analytics/kpi"),
      import("../../lib/analytics/query"),
      import("../../lib/billing/plans"),
      import("../../lib/db"),
    ]);
    return { ...campaigns, ...performanceModule, ...comparison, ...linkAnalytics, ...dateRange, ...kpi, ...query, ...billing, ...db };
  } catch (error) {
    if (String(error).includes("Client Component module")) {
      throw new Error('lib/ imports "server-only": run this with `tsx --conditions=react-server` (npm run bench:analytics)');
    }
    throw error;
  }
}

/** BENCH_EXPLAIN=1: the plans of the SQL the comparison sends through the pool, and of the baseline. */
async function explainComparison(
  app: Awaited<ReturnType<typeof loadApp>>,
  db: pg.Client,
  comparison: () => Promise<unknown>,
  baselineSql: string,
  baselineParams: unknown[],
): Promise<void> {
  const pool = app.getPool();
  const captured: { text: string; values: unknown[] }[] = [{ text: baselineSql, values: baselineParams }];
  // An own property shadows pg.Pool#query (a dozen overloads) for this one call, then goes away.
  const original = pool.query;
  Object.defineProperty(pool, "query", {
    configurable: true,
    value: (...args: unknown[]): unknown => {
      const [text, values] = args;
      if (typeof text === "string") captured.push({ text, values: Array.isArray(values) ? values : [] });
      return Reflect.apply(original, pool, args);
    },
  });
  try {
    await comparison();
  } finally {
    Reflect.deleteProperty(pool, "query");
  }
  for (const { text, values } of captured) {
    const { rows } = await db.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values);
    console.log(`\n${text.trim()}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
  }
}

async function main(): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "clickproof-bench-analytics-"));
  const started = performance.now();
  const database = await startEmbeddedPostgres({ dataDir, throwAway: true });
  const db = new pg.Client({ connectionString: database.url });
  let app: Awaited<ReturnType<typeof loadApp>> | undefined;
  try {
    await migrateDeploy(database.url);
    log(`throw-away PostgreSQL in ${dataDir}, migrated in ${seconds(performance.now() - started)}`);
    await db.connect();
    const now = new Date();
    const phases: Record<string, number> = {};
    const generationStarted = performance.now();
    const size = await generate(db, now, phases);
    const generationMs = performance.now() - generationStarted;
    log(`generated in ${seconds(generationMs)}: ${fmt(size.clicks)} clicks, ${fmt(size.links)} links, ${fmt(size.creators)} creators`);

    process.env.DATABASE_URL = database.url;
    app = await loadApp();
    const { rows: busy } = await db.query<{ id: string; clicks: string }>(
      `SELECT "linkId" AS id, sum("clicks" + "filtered") AS clicks FROM "LinkHourlyStat" WHERE "workspaceId" = $1 GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
      [WS],
    );
    const busyLink = busy[0];
    if (!busyLink) throw new Error("no clicks were generated");
    size.busyLinkClicks = Number(busyLink.clicks);
    const campaignId = "bench_cm_1";
    const { getCampaign, getCampaignPerformance, getCreatorComparison, getLinkTotals, getLinkDailySeries, getLinkBreakdown, getTrafficTags, utcDaysRange, limitOf, lastDays, BREAKDOWN_DIMENSIONS } = app;
    const campaignOrThrow = async () => {
      const campaign = await getCampaign(WS, campaignId);
      if (!campaign) throw new Error("the bench campaign is missing");
      return campaign;
    };
    const campaign = await campaignOrThrow();
    const last30 = lastDays(30, now);
    const last90 = lastDays(90, now);
    // the campaign page's window: the Team plan's history, whole UTC days
    const history = utcDaysRange(lastDays(limitOf("team", "historyDays"), now));

    // The naive comparison: every click of the campaign's links counted at request time, with the
    // app's own definitions (lib/analytics/kpi.ts) — what the rollups save.
    const baselineSql = `SELECT "linkId", ${app.CLICKS_SQL} AS clicks, ${app.FILTERED_SQL} AS filtered, ${app.UNIQUE_CLICKS_SQL} AS unique_clicks
       FROM "Click" WHERE "workspaceId" = $1 AND "linkId" IN (SELECT "id" FROM "Link" WHERE "workspaceId" = $1 AND "campaignId" = $2)
      GROUP BY 1`;
    const baseline = () => db.query<{ linkId: string; clicks: number; filtered: number; unique_clicks: number }>(baselineSql, [WS, campaignId]);

    const n = size.bigCampaignCreators;
    const timings: Timing[] = [
      await measure("getCampaign", `campaign, KPIs, ${n} members`, RUNS, () => getCampaign(WS, campaignId)),
      await measure("getCampaignPerformance", `${size.bigCampaignLinks} links' rollups + followers at post`, RUNS, () => getCampaignPerformance(campaign)),
      await measure(`campaign comparison (both, ${n} creators)`, "what the campaign page and comparison view load", RUNS, async () => getCampaignPerformance(await campaignOrThrow())),
      await measure(`campaign traffic (sources + 5 UTM tags)`, "per-link rollups: clicks, QR scans, uniques; tags from destinations", RUNS, () =>
        getTrafficTags(WS, history, { campaignId }, 10),
      ),
      await measure(`creator comparison, all ${size.campaigns} campaigns`, "getCreatorComparison(workspace, null)", RUNS, () => getCreatorComparison(WS, null)),
      await measure("getLinkTotals, busy link, 30 d", "hourly + daily rollups", RUNS, () => getLinkTotals(WS, busyLink.id, last30)),
      await measure("getLinkDailySeries, busy link, 30 d", "hourly + daily rollups", RUNS, () => getLinkDailySeries(WS, busyLink.id, last30)),
      await measure("getLinkTotals, busy link, 90 d", "hourly + daily rollups", RUNS, () => getLinkTotals(WS, busyLink.id, last90)),
      await measure("getLinkDailySeries, busy link, 90 d", "hourly + daily rollups", RUNS, () => getLinkDailySeries(WS, busyLink.id, last90)),
      await measure("link time series (totals + series), 90 d", "both, as the link page loads them", RUNS, () =>
        Promise.all([getLinkTotals(WS, busyLink.id, last90), getLinkDailySeries(WS, busyLink.id, last90)]),
      ),
      await measure(`getLinkBreakdown × ${BREAKDOWN_DIMENSIONS.length}, busy link, 30 d`, "raw clicks (the link page's breakdowns)", RUNS, () =>
        Promise.all(BREAKDOWN_DIMENSIONS.map((dimension) => getLinkBreakdown(WS, busyLink.id, dimension, last30))),
      ),
      await measure(`baseline: comparison counted from raw clicks`, `count / count distinct over the ${size.bigCampaignLinks} links' clicks`, BASELINE_RUNS, baseline, 1),
    ];

    // The rollups must say exactly what the raw clicks say, creator by creator.
    const perf = await getCampaignPerformance(campaign);
    const creatorOf = new Map(perf.creators.flatMap((c) => c.links.map((l) => [l.id, c.creatorId] as const)));
    const raw = new Map<string, { clicks: number; filtered: number; unique: number }>();
    for (const row of (await baseline()).rows) {
      const key = creatorOf.get(row.linkId) ?? "unassigned";
      const sum = raw.get(key) ?? { clicks: 0, filtered: 0, unique: 0 };
      raw.set(key, { clicks: sum.clicks + row.clicks, filtered: sum.filtered + row.filtered, unique: sum.unique + row.unique_clicks });
    }
    const mismatches = perf.creators.filter((c) => {
      const r = raw.get(c.creatorId) ?? { clicks: 0, filtered: 0, unique: 0 };
      return r.clicks !== c.facts.clicks || r.filtered !== c.facts.filteredClicks || r.unique !== c.facts.uniqueClicks;
    }).length;
    const campaignClicks = perf.creators.reduce((s, c) => s + c.facts.clicks + c.facts.filteredClicks, 0);

    if (EXPLAIN) await explainComparison(app, db, () => getCampaignPerformance(campaign), baselineSql, [WS, campaignId]);

    // ---------- report ----------
    const comparison = timings[2];
    const baselineTiming = timings[timings.length - 1];
    const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
    const table = [
      "| query | reads | runs | p50 ms | p95 ms | max ms |",
      "|---|---|---|---|---|---|",
      ...timings.map((t) => `| ${t.name} | ${t.reads} | ${t.runs} | ${ms(t.p50)} | ${ms(t.p95)} | ${ms(t.max)} |`),
    ].join("\n");
    const pgVersion = (await db.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0]?.v ?? "?";
    const phaseList = Object.entries(phases).map(([name, value]) => `${name} ${seconds(value)}`).join(", ");
    const options = ["BENCH_CLICKS", "BENCH_CREATORS", "BENCH_CAMPAIGNS", "BENCH_DAYS", "BENCH_RUNS"].filter((name) => process.env[name]).map((name) => `${name}=${process.env[name]} `);
    const command = `${options.join("")}npm run bench:analytics`;
    const seriesTiming = timings.find((t) => t.name.startsWith("link time series"));
    const verdict = (t: Timing | undefined, limit: number) => (t ? `p95 ${ms(t.p95)} ms (target < ${limit} ms): ${t.p95 < limit ? "met" : `MISSED by ${ms(t.p95 - limit)} ms`}` : "not measured");
    const summary = [
      comparison && baselineTiming
        ? `- campaign comparison for ${n} creators: p95 ${ms(comparison.p95)} ms; the same counts from raw clicks take p50 ${ms(baselineTiming.p50)} ms (${Math.round(baselineTiming.p50 / comparison.p50)}× the rollups)`
        : "",
      `- targets on ${fmt(size.clicks)} clicks: campaign comparison ${verdict(comparison, 300)}; link time series ${verdict(seriesTiming, 200)}`,
      `- check: the rollups give exactly the raw clicks' counts for ${perf.creators.length - mismatches} of ${perf.creators.length} creators (${fmt(campaignClicks)} clicks in the campaign)${mismatches ? " — MISMATCH" : ""}`,
    ]
      .filter(Boolean)
      .join("\n");
    const data = `Data (generated with set-based SQL, not the API): 1 workspace, ${fmt(size.creators)} creators (${fmt(size.platforms)} accounts, ${fmt(size.followerSnapshots)} follower snapshots), ${size.campaigns} campaigns — the largest with all ${n} creators — ${fmt(size.links)} links, **${fmt(size.clicks)} clicks** over ${DAYS} days (${((size.bots / size.clicks) * 100).toFixed(1)} % bots, creators' click weights 1–10×; busiest link ${fmt(size.busyLinkClicks)}). Rollups: ${fmt(size.hourlyRows)} hourly rows, ${fmt(size.dailyRows)} daily rows, ${fmt(size.visitorRows)} visitor-day rows. Sizes: ${size.tableSizes}. Generated in ${seconds(generationMs)} (${phaseList}).`;
    await report(
      "analytics",
      `${machineLine()}, PostgreSQL ${pgVersion} (embedded, throw-away)`,
      `\`${command}\` (part of \`npm run bench\`; ${WARMUP} warm-up runs, then sequential timed runs, in-process through lib/).`,
      `${data}\n\n${table}\n\n${summary}`,
      now,
    );
    if (mismatches > 0) process.exitCode = 1;
  } finally {
    if (app) {
      await app.getDb().$disconnect();
      await app.getPool().end();
    }
    await db.end().catch(() => undefined);
    await database.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
