// The demo seed against a real (throw-away) PostgreSQL: the account works, secrets are stored
// hashed, and the data tells the story the product demo relies on, measured with the app's own
// campaign performance and KPI code.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consistency, CONSISTENT_CV } from "@/lib/analytics/kpi";
import { SCOPE_NAMES } from "@/lib/api-keys/scopes";
import { displayPrefix, generateApiKey, hashApiKey } from "@/lib/api-keys/token";
import { verifyPassword } from "@/lib/auth/password";
import { campaignSchema } from "@/lib/campaigns/schema";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { CLICK_WINDOW_DAYS, generateDemoClicks, seed } from "./seed";
import {
  CAMPAIGNS,
  CONSISTENT_CREATOR,
  CREATORS,
  DEMO_USER,
  DEMO_WORKSPACE,
  LINKS,
  SAME_AUDIENCE_PAIR,
  UTM_TEMPLATE,
  VARIABLE_CREATOR,
  SEED_CONVERSIONS,
  SEED_UNATTRIBUTED_ORDERS,
} from "./seed-data";

const databaseUrl = connectTestDatabase();
const { getCampaign } = await import("@/lib/campaigns/campaigns");
const { getCampaignPerformance } = await import("@/lib/campaigns/performance");
type CampaignPerformance = Awaited<ReturnType<typeof getCampaignPerformance>>;

const DAY = 24 * 3_600_000;
const demoApiKey = generateApiKey();
const now = new Date();
const logged: string[] = [];
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

const nameOf = (key: string) => CREATORS.find((creator) => creator.key === key)?.name ?? key;

/** Every seeded campaign's performance as the campaign dashboard computes it, by campaign slug. */
async function performanceBySlug(): Promise<Map<string, CampaignPerformance>> {
  const { rows } = await pool.query<{ id: string; workspaceId: string; slug: string }>(`SELECT "id", "workspaceId", "slug" FROM "Campaign"`);
  const result = new Map<string, CampaignPerformance>();
  for (const row of rows) {
    const campaign = await getCampaign(row.workspaceId, row.id);
    if (!campaign) throw new Error(`getCampaign found no ${row.slug}`);
    result.set(row.slug, await getCampaignPerformance(campaign));
  }
  return result;
}

function creatorIn(performance: CampaignPerformance | undefined, key: string) {
  const creator = performance?.creators.find((c) => c.name === nameOf(key));
  if (!creator) throw new Error(`${nameOf(key)} is not in the campaign`);
  return creator;
}

beforeAll(async () => {
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
    const { rows: links } = await pool.query<{ slug: string; domain: string; creator: string | null; campaign: string | null; archived: boolean; clicks: number }>(
      `SELECT l."slug", l."domain", c."name" AS creator, ca."slug" AS campaign, l."archivedAt" IS NOT NULL AS archived,
              (SELECT count(*)::int FROM "Click" k WHERE k."linkId" = l."id") AS clicks
         FROM "Link" l LEFT JOIN "Creator" c ON c."id" = l."creatorId" LEFT JOIN "Campaign" ca ON ca."id" = l."campaignId"
        ORDER BY l."postedAt"`,
    );
    expect(links).toHaveLength(LINKS.length);
    const creators = await one<{ n: number }>(`SELECT count(*)::int AS n FROM "Creator"`);
    expect(creators.n).toBe(CREATORS.length);
    // creator-name for a creator's first partnership, campaign-creator-name for later ones
    const seen = new Set<string>();
    for (const link of links) {
      expect(link.domain).toBe("");
      expect(link.clicks, link.slug).toBeGreaterThan(0);
      if (!link.creator) continue;
      const creatorSlug = link.creator.toLowerCase().replaceAll(" ", "-");
      expect(link.slug, link.creator).toBe(seen.has(creatorSlug) ? `${link.campaign}-${creatorSlug}` : creatorSlug);
      seen.add(creatorSlug);
    }
    expect(links.find((link) => link.slug === "maya-lopez")?.creator).toBe("Maya Lopez");
    expect(links.find((link) => link.slug === "newsletter")?.creator).toBeNull();
    const archived = links.filter((link) => link.archived);
    expect(archived.map((link) => link.slug)).toEqual(["lucas-martin"]);
  });

  it("gives every creator accounts with a follower history whose latest entry is the current count", async () => {
    const { rows: accounts } = await pool.query<{ creator: string; notes: string; platform: string; followers: number; history: number[]; latest: number; future: number }>(
      `SELECT c."name" AS creator, c."notes", p."platform"::text AS platform, p."followers",
              array_agg(f."followers" ORDER BY f."recordedAt") AS history,
              (array_agg(f."followers" ORDER BY f."recordedAt" DESC))[1] AS latest,
              count(*) FILTER (WHERE f."recordedAt" > $1)::int AS future
         FROM "Creator" c JOIN "CreatorPlatform" p ON p."creatorId" = c."id" LEFT JOIN "FollowerCount" f ON f."creatorPlatformId" = p."id"
        GROUP BY c."name", c."notes", p."id"`,
      [now],
    );
    expect(new Set(accounts.map((a) => a.creator)).size).toBe(CREATORS.length);
    expect(accounts.length).toBeGreaterThan(CREATORS.length); // some creators post on more than one platform
    for (const account of accounts) {
      const label = `${account.creator} on ${account.platform}`;
      expect(account.history.length, label).toBeGreaterThanOrEqual(3);
      expect(account.history.every((n) => Number.isInteger(n) && n > 0), label).toBe(true);
      expect(account.latest, label).toBe(account.followers);
      expect(account.future, label).toBe(0);
      // the numbers live in the data now; the notes are for people
      expect(account.notes, label).not.toMatch(/followers|subscribers|\d+k\b/i);
    }
  });

  it("creates three campaigns that pass the app's own campaign rules, with one primary KPI and agreed costs", async () => {
    const { rows: campaigns } = await pool.query<{
      id: string;
      name: string;
      slug: string;
      objective: string;
      startsOn: string;
      endsOn: string;
      budgetMinor: number;
      currency: string;
      destinationUrl: string;
      utmTemplate: unknown;
      kpis: { kpi: string; target: number | null; primary: boolean }[];
      members: string[];
      linked: string[];
      cost: number;
    }>(
      `SELECT ca."id", ca."name", ca."slug", ca."objective"::text AS objective,
              to_char(ca."startsOn", 'YYYY-MM-DD') AS "startsOn", to_char(ca."endsOn", 'YYYY-MM-DD') AS "endsOn",
              ca."budgetMinor", ca."currency", ca."destinationUrl", ca."utmTemplate",
              (SELECT json_agg(json_build_object('kpi', k."kpi", 'target', k."target", 'primary', k."primary") ORDER BY k."position")
                 FROM "CampaignKpi" k WHERE k."campaignId" = ca."id") AS kpis,
              (SELECT array_agg(cc."creatorId" ORDER BY cc."creatorId") FROM "CampaignCreator" cc WHERE cc."campaignId" = ca."id") AS members,
              (SELECT array_agg(DISTINCT l."creatorId") FROM "Link" l WHERE l."campaignId" = ca."id" AND l."creatorId" IS NOT NULL) AS linked,
              (SELECT sum(cc."flatFeeMinor" + cc."giftedValueMinor")::int FROM "CampaignCreator" cc WHERE cc."campaignId" = ca."id") AS cost
         FROM "Campaign" ca ORDER BY ca."startsOn"`,
    );
    expect(campaigns.map((c) => c.name)).toEqual(["Launch Week", "Spring Drop", "Summer Sale"]);
    for (const campaign of campaigns) {
      const parsed = campaignSchema.safeParse({
        name: campaign.name,
        objective: campaign.objective,
        startsOn: campaign.startsOn,
        endsOn: campaign.endsOn,
        budgetMinor: campaign.budgetMinor,
        currency: campaign.currency,
        destinationUrl: campaign.destinationUrl,
        kpis: campaign.kpis,
        utmTemplate: campaign.utmTemplate,
      });
      expect(parsed.error?.issues ?? [], campaign.name).toEqual([]);
      expect(campaign.kpis.filter((k) => k.primary), campaign.name).toHaveLength(1);
      expect(campaign.kpis.length - 1, campaign.name).toBeGreaterThanOrEqual(3);
      expect(campaign.kpis.every((k) => k.target !== null && k.target > 0), campaign.name).toBe(true);
      expect(campaign.utmTemplate).toEqual(UTM_TEMPLATE);
      expect(campaign.currency).toBe("USD");
      // everyone with a link in the campaign is in it, with agreed costs within the budget
      expect(campaign.members, campaign.name).toEqual([...campaign.linked].sort());
      expect(campaign.cost, campaign.name).toBeGreaterThan(0);
      expect(campaign.cost, campaign.name).toBeLessThanOrEqual(campaign.budgetMinor);
    }
    const terms = await one<{ commissions: number }>(`SELECT count(*) FILTER (WHERE "commissionRate" > 0)::int AS commissions FROM "CampaignCreator"`);
    expect(terms.commissions).toBeGreaterThan(0);
  });

  it("labels every link with its channel as a tag, for the API's ?tag= filter", async () => {
    const { rows } = await pool.query<{ tags: string[]; platform: string | null }>(`SELECT "tags", "platform"::text AS platform FROM "Link"`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.tags).toEqual([row.platform === "blog" ? "email" : row.platform]);
    expect(rows.filter((row) => row.tags.includes("tiktok")).length).toBeGreaterThan(0);
  });

  it("gives the demo key every scope, so the README's examples work", async () => {
    const key = await one<{ scopes: string[] }>(`SELECT "scopes" FROM "ApiKey"`);
    expect(key.scopes).toEqual(SCOPE_NAMES);
  });

  it("tags every link with its platform and post time, every creator's link with its campaign", async () => {
    const { rows: links } = await pool.query<{
      slug: string;
      url: string;
      creatorId: string | null;
      campaign: string | null;
      platform: string | null;
      postedAt: Date | null;
      createdAt: Date;
      startsOn: Date | null;
      endsOn: Date | null;
      member: boolean;
      hasAccount: boolean;
      firstClick: Date;
      reach: number | null;
      impressions: number | null;
      engagementRate: number | null;
    }>(
      `SELECT l."slug", l."url", l."creatorId", ca."slug" AS campaign, l."platform"::text AS platform, l."postedAt", l."createdAt", ca."startsOn", ca."endsOn",
              EXISTS (SELECT 1 FROM "CampaignCreator" cc WHERE cc."campaignId" = l."campaignId" AND cc."creatorId" = l."creatorId") AS member,
              EXISTS (SELECT 1 FROM "CreatorPlatform" p WHERE p."creatorId" = l."creatorId" AND p."platform" = l."platform") AS "hasAccount",
              (SELECT min(k."createdAt") FROM "Click" k WHERE k."linkId" = l."id") AS "firstClick",
              l."reach", l."impressions", l."engagementRate"
         FROM "Link" l LEFT JOIN "Campaign" ca ON ca."id" = l."campaignId"`,
    );
    for (const link of links) {
      expect(link.platform, link.slug).not.toBeNull();
      expect(link.postedAt, link.slug).not.toBeNull();
      expect(link.createdAt.getTime(), link.slug).toBeLessThan(link.postedAt?.getTime() ?? 0);
      expect(link.firstClick.getTime(), link.slug).toBeGreaterThanOrEqual(link.postedAt?.getTime() ?? Infinity);
      if (link.slug === "newsletter") {
        expect(link).toMatchObject({ creatorId: null, campaign: null, platform: "blog" });
        continue;
      }
      expect(link.creatorId, link.slug).not.toBeNull();
      expect(link.campaign, link.slug).not.toBeNull();
      expect(link.member, link.slug).toBe(true);
      expect(link.hasAccount, `${link.slug}: the creator has an account on the link's platform`).toBe(true);
      // the post went live during the campaign (endsOn is a whole day)
      expect(link.postedAt?.getTime(), link.slug).toBeGreaterThanOrEqual(link.startsOn?.getTime() ?? Infinity);
      expect(link.postedAt?.getTime(), link.slug).toBeLessThan((link.endsOn?.getTime() ?? -Infinity) + DAY);
      const utm = Object.fromEntries(new URL(link.url).searchParams);
      expect(utm, link.slug).toMatchObject({ utm_source: link.platform, utm_medium: "influencer", utm_campaign: link.campaign });
    }
    // hand-entered insights on a couple of posts, shown beside the measured numbers
    const withInsights = links.filter((link) => link.reach !== null);
    expect(withInsights.length).toBeGreaterThanOrEqual(2);
    for (const link of withInsights) {
      expect(link.impressions, link.slug).toBeGreaterThanOrEqual(link.reach ?? 0);
      expect(link.engagementRate, link.slug).toBeGreaterThan(0);
      expect(link.engagementRate, link.slug).toBeLessThan(1);
    }
  });

  it("gives each link exactly its planned unique clicks in the rollups the dashboards read", async () => {
    const { rows } = await pool.query<{ slug: string; unique: number }>(
      `SELECT l."slug", coalesce(sum(d."uniqueClicks"), 0)::int AS unique
         FROM "Link" l LEFT JOIN "LinkDailyStat" d ON d."linkId" = l."id" GROUP BY l."slug"`,
    );
    expect(Object.fromEntries(rows.map((row) => [row.slug, row.unique]))).toEqual(Object.fromEntries(LINKS.map((link) => [link.slug, link.uniqueClicks])));
  });

  it("spreads 20–35k clicks over the last 30 days, none in the future", async () => {
    const span = await one<{ n: number; first: Date; last: Date; days: number }>(
      `SELECT count(*)::int AS n, min("createdAt") AS first, max("createdAt") AS last,
              count(DISTINCT date_trunc('day', "createdAt"))::int AS days FROM "Click"`,
    );
    expect(span.n).toBeGreaterThanOrEqual(20_000);
    expect(span.n).toBeLessThanOrEqual(35_000);
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

  it("shows two creators with the same followers at post time about 10× apart in audience CTR", async () => {
    const performance = await performanceBySlug();
    const spring = performance.get(SAME_AUDIENCE_PAIR.campaign);
    const strong = creatorIn(spring, SAME_AUDIENCE_PAIR.strong);
    const weak = creatorIn(spring, SAME_AUDIENCE_PAIR.weak);
    expect(strong.kpis.followers).toBe(SAME_AUDIENCE_PAIR.followers);
    expect(weak.kpis.followers).toBe(SAME_AUDIENCE_PAIR.followers);
    // the issue's example: 2,100 and 240 unique clicks on 80,000 followers → 2.6 % and 0.3 %
    expect(strong.kpis.audienceCtr).toBeCloseTo(0.026, 3);
    expect(weak.kpis.audienceCtr).toBeCloseTo(0.003, 3);
    const ratio = (strong.kpis.audienceCtr ?? 0) / (weak.kpis.audienceCtr ?? Infinity);
    expect(ratio).toBeGreaterThanOrEqual(6);
    expect(ratio).toBeLessThanOrEqual(15);
    // same story in raw clicks, and in the other campaign they shared
    expect(strong.kpis.clicks / weak.kpis.clicks).toBeGreaterThanOrEqual(6);
    const launch = performance.get("launch-week");
    const launchRatio = (creatorIn(launch, SAME_AUDIENCE_PAIR.strong).kpis.audienceCtr ?? 0) / (creatorIn(launch, SAME_AUDIENCE_PAIR.weak).kpis.audienceCtr ?? Infinity);
    expect(launchRatio).toBeGreaterThanOrEqual(6);
    expect(launchRatio).toBeLessThanOrEqual(15);
    // the weak one costs several times more per click for the same fee
    expect(weak.kpis.cpcMinor ?? 0).toBeGreaterThan(5 * (strong.kpis.cpcMinor ?? Infinity));
  });

  it("has one creator consistent across three campaigns and one who is not", async () => {
    const performance = await performanceBySlug();
    const ctrs = (key: string) =>
      [...performance.values()].flatMap((campaign) => campaign.creators.filter((c) => c.name === nameOf(key)).map((c) => c.kpis.audienceCtr));
    const steady = consistency(ctrs(CONSISTENT_CREATOR));
    expect(steady).toMatchObject({ verdict: "consistent", campaigns: 3 });
    expect(steady.cv).toBeLessThanOrEqual(CONSISTENT_CV);
    const swinging = consistency(ctrs(VARIABLE_CREATOR));
    expect(swinging).toMatchObject({ verdict: "variable", campaigns: 3 });
    expect(swinging.cv).toBeGreaterThan(2 * CONSISTENT_CV);
    // and the others read sensibly: one campaign so far, or two
    expect(consistency(ctrs("ethan-kim")).verdict).toBe("one campaign so far");
    expect(consistency(ctrs("amara-okafor")).verdict).toBe("one campaign so far");
  });

  it("has every campaign's totals add up from its creators, with the newsletter in none of them", async () => {
    const performance = await performanceBySlug();
    expect([...performance.keys()].sort()).toEqual(CAMPAIGNS.map((c) => c.slug).sort());
    for (const [slug, campaign] of performance) {
      expect(campaign.unassigned.clicks, slug).toBe(0);
      expect(campaign.totals.clicks, slug).toBe(campaign.creators.reduce((sum, c) => sum + c.kpis.clicks, 0));
      expect(campaign.creators.every((c) => c.kpis.followers !== null && c.kpis.clicks > 0 && c.kpis.costMinor !== null), slug).toBe(true);
    }
  });

  it("tells the Summer Sale conversions story: click ids, promo codes, refunds, and Lucas's small audience buying best", async () => {
    const sale = (await performanceBySlug()).get("summer-sale");
    for (const plan of SEED_CONVERSIONS) {
      const kpis = creatorIn(sale, plan.creatorKey).kpis;
      expect(kpis.conversions, plan.creatorKey).toBeGreaterThan(plan.promoOrders);
      expect(kpis.revenueMinor, plan.creatorKey).toBeGreaterThan(0);
    }
    const lucas = creatorIn(sale, "lucas-martin").kpis;
    const others = SEED_CONVERSIONS.filter((p) => p.creatorKey !== "lucas-martin").map((p) => creatorIn(sale, p.creatorKey).kpis);
    expect(others.every((k) => (k.conversionRate ?? 0) < (lucas.conversionRate ?? 0) && (k.aovMinor ?? 0) < (lucas.aovMinor ?? 0))).toBe(true);
    expect(sale?.totals.roas).toBeGreaterThan(0);

    const kinds = await pool.query<{ attribution: string; n: number; reasons: string[] }>(
      `SELECT "attribution"::text AS attribution, count(*)::int AS n, array_agg(DISTINCT "attributionReason") AS reasons FROM "Conversion" GROUP BY 1 ORDER BY 1`,
    );
    expect(kinds.rows.map((r) => r.attribution)).toEqual(["click", "none", "promo_code"]);
    const byKind = new Map(kinds.rows.map((r) => [r.attribution, r]));
    expect(byKind.get("none")?.n).toBe(SEED_UNATTRIBUTED_ORDERS);
    expect(byKind.get("promo_code")?.n).toBe(SEED_CONVERSIONS.reduce((sum, p) => sum + p.promoOrders, 0));
    expect(byKind.get("click")?.reasons.every((r) => /^Click id of a visit (the same day|\d+ days? earlier), within the 30-day window$/.test(r))).toBe(true);
    // Every click-attributed order carries the id of a real seeded click on that creator's link.
    const orphans = await one<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Conversion" c LEFT JOIN "Click" k ON k."id" = c."clickId" AND k."linkId" = c."linkId" WHERE c."attribution" = 'click' AND k."id" IS NULL`,
    );
    expect(orphans.n).toBe(0);
    const refunds = await one<{ n: number; full: number }>(`SELECT count(*)::int AS n, count(*) FILTER (WHERE "full")::int AS full FROM "ConversionReversal"`);
    expect(refunds.n).toBeGreaterThan(0);
    expect(refunds.full).toBeGreaterThan(0);
  });

  it("generates the same clicks for the same now", () => {
    const first = generateDemoClicks(now);
    const second = generateDemoClicks(now);
    expect(second).toEqual(first);
  });

  it("can run again without failing or duplicating", async () => {
    const before = await clickCount();
    const counts = `SELECT (SELECT count(*) FROM "Creator")::int AS creators, (SELECT count(*) FROM "Link")::int AS links,
                           (SELECT count(*) FROM "CreatorPlatform")::int AS platforms, (SELECT count(*) FROM "FollowerCount")::int AS "followerCounts",
                           (SELECT count(*) FROM "Campaign")::int AS campaigns, (SELECT count(*) FROM "CampaignKpi")::int AS kpis,
                           (SELECT count(*) FROM "CampaignCreator")::int AS "campaignCreators",
                           (SELECT count(*) FROM "ApiKey")::int AS keys, (SELECT count(*) FROM "Membership")::int AS members`;
    const rowsBefore = await one(counts);
    await seed(databaseUrl, { demoApiKey, now: new Date(now.getTime() + 3_600_000) });
    expect(await clickCount()).toBe(before);
    expect(await one(counts)).toEqual(rowsBefore);
  });
});
