// Seeds the demo account: a Team-plan "Demo Brand" workspace with creators (accounts and follower
// history), three campaigns (KPIs, agreed costs), their links and a month of synthetic clicks that
// tell the product's story (prisma/seed-data.ts). Run as
// `tsx prisma/seed.ts` with DATABASE_URL set (npm run db:seed starts the embedded database first),
// or call seed() from scripts and tests.
//
// It opens its own pool and Prisma client instead of using lib/db: that module imports
// "server-only", which throws outside Next.js.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type DeviceType, type Prisma } from "@prisma/client";
import pg from "pg";
import { SCOPE_NAMES } from "../lib/api-keys/scopes";
import { displayPrefix, hashApiKey } from "../lib/api-keys/token";
import { hashPassword } from "../lib/auth/password";
import { utcDay } from "../lib/clicks/visitor";
import { insertClicks } from "../lib/clicks/writer";
import { isUniqueViolation } from "../lib/db/errors";
import { getEnv } from "../lib/env";
import { applyUtm, fillUtmTemplate } from "../lib/links/utm";
import { decideAttribution } from "../lib/conversions/attribution";
import {
  BOT_RATE,
  CAMPAIGNS,
  CHANNEL_PLATFORM,
  COUNTRY_WEIGHTS,
  CREATORS,
  DECAY,
  DEMO_API_KEY_NAME,
  DEMO_USER,
  DEMO_WORKSPACE,
  DEVICE_MIX,
  FOLLOWER_SNAPSHOT_DAYS,
  FOLLOWER_SNAPSHOT_HOUR,
  HOUR_WEIGHTS,
  IN_APP_BROWSER,
  LINKS,
  SEED_CONVERSIONS,
  SEED_REFUND_EVERY,
  SEED_UNATTRIBUTED_ORDERS,
  UNKNOWN_COUNTRY_RATE,
  UTM_TEMPLATE,
  type Channel,
  type SeedCreator,
  type SeedLink,
} from "./seed-data";

export type SeedOptions = {
  /** stored (hashed) as an API key of the demo workspace */
  demoApiKey?: string;
  /** the clicks cover the 30 days before this instant; the data is deterministic for a given now */
  now?: Date;
  log?: (line: string) => void;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const CLICK_WINDOW_DAYS = 30;
const INSERT_BATCH = 5_000;

// ---------- deterministic randomness ----------

type Rng = () => number;

/** mulberry32: tiny, fast, good enough for synthetic data, and reproducible from a 32-bit seed. */
function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a, to derive a stream per link/visitor: editing one link's data leaves the others' clicks unchanged. */
function seedFrom(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function pick<T>(rng: Rng, options: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, weight] of options) total += weight;
  let roll = rng() * total;
  for (const [value, weight] of options) {
    roll -= weight;
    if (roll < 0) return value;
  }
  const last = options.at(-1); // floating-point rounding can leave roll at exactly 0
  if (!last) throw new Error("pick() needs at least one option");
  return last[0];
}

// ---------- the click generator ----------

type Os = "iOS" | "Android" | "Windows" | "macOS" | "Linux";
type Source = Channel | "facebook" | "twitter" | "direct";

type Visitor = { id: string; country: string | null; device: Exclude<DeviceType, "other">; os: Os };

export type SeedClick = {
  slug: string;
  createdAt: Date;
  country: string | null;
  device: DeviceType;
  browser: string | null;
  os: string | null;
  referrer: string | null;
  isBot: boolean;
  visitorHash: string;
  source: "link" | "qr";
};

/**
 * Some phone visits with no referrer came from scanning the link's QR code (a printed insert, a
 * story's code). Derived from the visitor hash rather than drawn from the generator, so adding it
 * left every other seeded number as it was.
 */
function seedSource(hash: string, device: DeviceType, referrer: string | null): "link" | "qr" {
  if (referrer !== null || device === "desktop") return "link";
  return parseInt(hash.slice(-2), 16) % 4 === 0 ? "qr" : "link";
}

const ANDROID_LEANING = new Set(["IN", "BR", "MX", "NG", "ZA"]);
const MAX_HOUR_WEIGHT = Math.max(...HOUR_WEIGHTS);

/** Like the app's hash (SHA-256 of ip, user agent and the day's salt): same person, browser and day → same hash. */
function visitorHash(visitorId: string, browser: string | null, time: number): string {
  return createHash("sha256").update(`clickproof-seed|${visitorId}|${browser ?? ""}|${utcDay(new Date(time))}`).digest("hex");
}

function countryOptions(audience: SeedCreator["audience"]): Array<readonly [string | null, number]> {
  const options: Array<readonly [string | null, number]> = Object.entries(COUNTRY_WEIGHTS).map(
    ([code, weight]) => [code, weight * (audience?.[code] ?? 1)] as const,
  );
  const known = options.reduce((sum, [, weight]) => sum + weight, 0);
  options.push([null, (known * UNKNOWN_COUNTRY_RATE) / (1 - UNKNOWN_COUNTRY_RATE)]);
  return options;
}

function makeVisitor(id: string, channel: Channel, countries: ReadonlyArray<readonly [string | null, number]>): Visitor {
  // Seeded by the visitor's id so a visitor is the same person on every link that shares the pool.
  const rng = mulberry32(seedFrom(`visitor:${id}`));
  const country = pick(rng, countries);
  const mix = DEVICE_MIX[channel];
  const device = pick<Visitor["device"]>(rng, [
    ["mobile", mix.mobile],
    ["desktop", mix.desktop],
    ["tablet", Math.max(0, 1 - mix.mobile - mix.desktop)],
  ]);
  const androidShare = country && ANDROID_LEANING.has(country) ? 0.75 : 0.45;
  const os: Os =
    device === "desktop"
      ? pick<Os>(rng, [["Windows", 0.58], ["macOS", 0.36], ["Linux", 0.06]])
      : device === "tablet"
        ? pick<Os>(rng, [["iOS", 0.7], ["Android", 0.3]])
        : pick<Os>(rng, [["iOS", 1 - androidShare], ["Android", androidShare]]);
  return { id, country, device, os };
}

function pickSource(rng: Rng, channel: Channel): Source {
  if (channel === "email") return pick<Source>(rng, [["email", 0.9], ["direct", 0.1]]);
  // Links get reshared beyond the post: Facebook, X (t.co), and pasted into chats (no referrer).
  return pick<Source>(rng, [[channel, 0.82], ["facebook", 0.05], ["twitter", 0.04], ["direct", 0.09]]);
}

function pickBrowser(rng: Rng, visitor: Visitor, source: Source): string {
  if (visitor.device === "mobile") {
    const inApp = source === "instagram" || source === "tiktok" ? IN_APP_BROWSER[source] : undefined;
    if (inApp && rng() < inApp.share) return inApp.name;
    if (source === "facebook" && rng() < 0.7) return "Facebook";
  }
  switch (visitor.os) {
    case "iOS":
      return pick(rng, [["Safari", 0.85], ["Chrome", 0.15]]);
    case "Android":
      return pick(rng, [["Chrome", 0.72], ["Samsung Internet", 0.28]]);
    case "Windows":
      return pick(rng, [["Chrome", 0.68], ["Edge", 0.22], ["Firefox", 0.1]]);
    case "macOS":
      return pick(rng, [["Safari", 0.45], ["Chrome", 0.47], ["Firefox", 0.08]]);
    case "Linux":
      return pick(rng, [["Chrome", 0.6], ["Firefox", 0.4]]);
  }
}

function pickReferrer(rng: Rng, source: Source, device: Visitor["device"]): string | null {
  // In-app browsers and mail clients often send no Referer at all, hence the nulls.
  switch (source) {
    case "instagram":
      return device === "mobile"
        ? pick(rng, [["l.instagram.com", 0.55], ["instagram.com", 0.25], [null, 0.2]])
        : pick(rng, [["instagram.com", 0.6], ["l.instagram.com", 0.3], [null, 0.1]]);
    case "tiktok":
      return pick(rng, [["tiktok.com", 0.65], [null, 0.35]]);
    case "youtube":
      return pick(rng, [["youtube.com", 0.85], [null, 0.15]]);
    case "email":
      return pick(rng, [[null, 0.85], ["mail.google.com", 0.15]]);
    case "facebook":
      return pick(rng, [["facebook.com", 0.8], [null, 0.2]]);
    case "twitter":
      return "t.co";
    case "direct":
      return null;
  }
}

/** A click time after the post went live: fast decay plus long tail, shaped by the time of day. */
function sampleHumanTime(rng: Rng, liveAt: number, start: number, end: number, channel: Channel): number {
  const decay = DECAY[channel];
  for (let attempt = 0; attempt < 1_000; attempt++) {
    const meanMs = rng() < decay.fastShare ? decay.fastHours * HOUR : decay.tailDays * DAY;
    const time = liveAt - Math.log(1 - rng()) * meanMs;
    if (time < start || time >= end) continue;
    // rejection sampling against the hour-of-day curve gives the evening peak
    if (rng() * MAX_HOUR_WEIGHT < (HOUR_WEIGHTS[new Date(time).getUTCHours()] ?? 0)) return Math.floor(time);
  }
  return Math.floor(start + rng() * (end - start)); // only reached for a window far too short to matter
}

type BotProfile = { name: string; browser: string | null; os: string | null; countries: ReadonlyArray<readonly [string | null, number]> };

// Link-preview fetchers (Facebook's crawler serves Instagram and Facebook), generic crawlers
// with no recognisable browser, and headless Chrome from data centres.
const BOT_PROFILES: ReadonlyArray<readonly [BotProfile, number]> = [
  [{ name: "facebook-preview", browser: "Facebook", os: null, countries: [["US", 0.7], ["IE", 0.3]] }, 0.45],
  [{ name: "crawler", browser: null, os: null, countries: [["US", 0.5], ["DE", 0.2], [null, 0.3]] }, 0.35],
  [{ name: "headless", browser: "Chrome", os: "Linux", countries: [["US", 0.6], ["NL", 0.4]] }, 0.2],
];
const BOT_INSTANCES = 6;

/** Splits `total` by the posts' shares, exactly. */
function splitByShare(total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const parts = shares.map((share) => Math.floor((total * share) / sum));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % parts.length, rest--) parts[i] = (parts[i] ?? 0) + 1;
  return parts;
}

export type LinkTimes = { liveAt: Date; archivedAt: Date | null };

/** When each link's first post went live and when it was archived, relative to `now`. */
export function linkTimes(link: SeedLink, now: Date): LinkTimes {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const first = link.posts.reduce((a, b) => (b.daysAgo > a.daysAgo ? b : a));
  return {
    liveAt: new Date(today - first.daysAgo * DAY + first.hour * HOUR),
    // archived in the morning, once the campaign was over
    archivedAt: link.archivedDaysAgo === undefined ? null : new Date(today - link.archivedDaysAgo * DAY + 10 * HOUR),
  };
}

/** Draws per unique click before the generator gives up: only a broken data file gets near it. */
const MAX_DRAWS_PER_UNIQUE = 50;

/**
 * The demo clicks for the 30 days before `now`, sorted by time. Pure and deterministic: the same
 * `now` gives the same clicks (ids are added at insert time). Each link gets exactly its
 * `uniqueClicks` distinct visitor-days (the app's unique clicks), plus repeat clicks and bots.
 */
export function generateDemoClicks(now: Date): SeedClick[] {
  const nowMs = now.getTime();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const windowStart = nowMs - CLICK_WINDOW_DAYS * DAY;
  const creators = new Map(CREATORS.map((creator) => [creator.key, creator]));

  // A creator's links share one audience, so the same people show up on all of Maya's links.
  const poolSizes = new Map<string, number>();
  for (const link of LINKS) {
    const key = link.creatorKey ?? link.slug;
    poolSizes.set(key, (poolSizes.get(key) ?? 0) + link.uniqueClicks);
  }
  const visitors = new Map<string, Visitor>();

  const clicks: SeedClick[] = [];
  for (const link of LINKS) {
    const rng = mulberry32(seedFrom(`clicks:${link.slug}`));
    const poolKey = link.creatorKey ?? link.slug;
    // fewer people than visitor-days: some come back another day
    const poolSize = Math.max(20, Math.round((poolSizes.get(poolKey) ?? 0) * 0.8));
    const countries = countryOptions(link.creatorKey ? creators.get(link.creatorKey)?.audience : undefined);
    const end = linkTimes(link, now).archivedAt?.getTime() ?? nowMs;
    const shares = link.posts.map((post) => post.share);
    const uniquesPerPost = splitByShare(link.uniqueClicks, shares);
    // the visitor hashes this link has counted; a hash includes its day, so this is the unique count
    const counted = new Set<string>();
    let humans = 0;

    const windows = link.posts.map((post) => {
      const liveAt = today - post.daysAgo * DAY + post.hour * HOUR;
      const start = Math.max(liveAt, windowStart);
      if (start >= end) throw new Error(`seed data: ${link.slug} has a post outside its active window`);
      return { liveAt, start };
    });

    windows.forEach(({ liveAt, start }, postIndex) => {
      const goal = counted.size + (uniquesPerPost[postIndex] ?? 0);
      const maxDraws = (goal - counted.size) * MAX_DRAWS_PER_UNIQUE;
      for (let draws = 0; counted.size < goal; draws++) {
        if (draws > maxDraws) throw new Error(`seed data: ${link.slug} cannot reach ${link.uniqueClicks} unique clicks; its audience pool is too small`);
        const time = sampleHumanTime(rng, liveAt, start, end, link.channel);
        const visitorId = `${poolKey}:${Math.floor(rng() * poolSize)}`;
        let visitor = visitors.get(visitorId);
        if (!visitor) {
          visitor = makeVisitor(visitorId, link.channel, countries);
          visitors.set(visitorId, visitor);
        }
        const source = pickSource(rng, link.channel);
        const browser = pickBrowser(rng, visitor, source);
        const referrer = pickReferrer(rng, source, visitor.device);
        const hash = visitorHash(visitor.id, browser, time);
        const click: SeedClick = {
          slug: link.slug,
          createdAt: new Date(time),
          country: visitor.country,
          device: visitor.device,
          browser,
          os: visitor.os,
          referrer,
          isBot: false,
          visitorHash: hash,
          source: seedSource(hash, visitor.device, referrer),
        };
        clicks.push(click);
        counted.add(click.visitorHash);
        humans++;
        // Some people tap again within minutes (slow page, came back from the shop): same hash.
        if (rng() < 0.1) {
          const repeats = rng() < 0.25 ? 2 : 1;
          for (let r = 0; r < repeats; r++) {
            const again = time + Math.floor(10_000 + rng() * 45 * 60_000);
            if (again >= end) break;
            const hash = visitorHash(visitor.id, browser, again);
            // a repeat that crosses midnight is a new visitor-day; only keep it if one is still due
            if (!counted.has(hash) && counted.size >= goal) break;
            clicks.push({ ...click, createdAt: new Date(again), visitorHash: hash });
            counted.add(hash);
            humans++;
          }
        }
      }
    });

    // Bots and link-preview fetchers: their share of all of the link's hits, on top of the humans.
    const botRate = BOT_RATE[link.channel];
    const botsPerPost = splitByShare(Math.round((humans * botRate) / (1 - botRate)), shares);
    windows.forEach(({ liveAt, start }, postIndex) => {
      const botCount = botsPerPost[postIndex] ?? 0;
      for (let b = 0; b < botCount; b++) {
        // Preview fetchers arrive as soon as the post is shared; crawlers keep coming at any hour.
        const burst = rng() < 0.45;
        const from = burst ? Math.max(liveAt, start) : start;
        const to = burst ? Math.min(liveAt + 2 * HOUR, end) : end;
        const time = Math.floor(from + rng() * (to - from));
        const profile = pick(rng, BOT_PROFILES);
        const instance = Math.floor(rng() * BOT_INSTANCES);
        clicks.push({
          slug: link.slug,
          createdAt: new Date(time),
          country: pick(mulberry32(seedFrom(`bot:${profile.name}:${instance}`)), profile.countries),
          device: "other",
          browser: profile.browser,
          os: profile.os,
          referrer: null,
          isBot: true,
          visitorHash: visitorHash(`bot:${profile.name}:${instance}`, profile.browser, time),
          source: "link",
        });
      }
    });
  }
  return clicks.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

// ---------- writing ----------

async function insertSeedClicks(pool: pg.Pool, workspaceId: string, linkIds: ReadonlyMap<string, string>, clicks: readonly SeedClick[]): Promise<void> {
  const client = await pool.connect();
  try {
    // one transaction: a failed seed leaves no half-filled month behind
    await client.query("BEGIN");
    for (let offset = 0; offset < clicks.length; offset += INSERT_BATCH) {
      const batch = clicks.slice(offset, offset + INSERT_BATCH);
      const ids = randomBytes(16 * batch.length);
      // the app's own writer, so the rollups the dashboards read are filled exactly as in production
      await insertClicks(
        client,
        batch.map((click, i) => {
          const linkId = linkIds.get(click.slug);
          if (!linkId) throw new Error(`seed: no link row for ${click.slug}`);
          return {
            id: ids.subarray(i * 16, i * 16 + 16).toString("base64url"),
            workspaceId,
            linkId,
            createdAt: click.createdAt,
            country: click.country,
            device: click.device,
            browser: click.browser,
            os: click.os,
            referrer: click.referrer,
            isBot: click.isBot,
            visitorHash: click.visitorHash,
            source: click.source,
          };
        }),
      );
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

type Db = PrismaClient;

async function ensureUser(db: Db, now: Date): Promise<{ id: string; created: boolean }> {
  const existing = await db.user.findUnique({
    where: { email: DEMO_USER.email },
    select: { id: true, passwordHash: true, emailVerified: true },
  });
  if (!existing) {
    const user = await db.user.create({
      data: {
        email: DEMO_USER.email,
        name: DEMO_USER.name,
        emailVerified: now,
        passwordHash: await hashPassword(DEMO_USER.password),
      },
      select: { id: true },
    });
    return { id: user.id, created: true };
  }
  // A password someone changed on purpose is kept; only a missing one is filled in.
  if (!existing.passwordHash || !existing.emailVerified) {
    await db.user.update({
      where: { id: existing.id },
      data: {
        passwordHash: existing.passwordHash ?? (await hashPassword(DEMO_USER.password)),
        emailVerified: existing.emailVerified ?? now,
      },
    });
  }
  return { id: existing.id, created: false };
}

type ContentSummary = {
  creators: number;
  platforms: number;
  followerCounts: number;
  campaigns: number;
  links: number;
  archived: number;
  clicks: number;
  bots: number;
  visitors: number;
  conversions: number;
  refunds: number;
};

/** 00:00 UTC of `now`'s day, minus whole days. */
function daysBefore(now: Date, days: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - days * DAY);
}

/** The data file's cross-references, checked before anything is written. */
function checkSeedData(): void {
  const creatorKeys = new Set(CREATORS.map((creator) => creator.key));
  const campaigns = new Map(CAMPAIGNS.map((campaign) => [campaign.slug, campaign]));
  for (const creator of CREATORS) {
    if (creator.platforms.length === 0) throw new Error(`seed data: ${creator.name} has no platform`);
  }
  for (const campaign of CAMPAIGNS) {
    for (const [key] of campaign.creators) if (!creatorKeys.has(key)) throw new Error(`seed data: ${campaign.slug} names unknown creator ${key}`);
  }
  for (const link of LINKS) {
    const campaign = link.campaign === null ? null : campaigns.get(link.campaign);
    if (link.campaign !== null && !campaign) throw new Error(`seed data: ${link.slug} names unknown campaign ${link.campaign}`);
    if (!campaign && !link.url) throw new Error(`seed data: ${link.slug} has neither a campaign nor a URL`);
    if (link.creatorKey === null) continue;
    const creator = CREATORS.find((c) => c.key === link.creatorKey);
    if (!creator) throw new Error(`seed data: ${link.slug} names unknown creator ${link.creatorKey}`);
    if (campaign && !campaign.creators.some(([key]) => key === link.creatorKey)) throw new Error(`seed data: ${link.slug}'s creator is not in ${campaign.slug}`);
    const platform = CHANNEL_PLATFORM[link.channel];
    if (!creator.platforms.some((p) => p.platform === platform)) throw new Error(`seed data: ${creator.name} has no ${platform} account for ${link.slug}`);
  }
}

/** Where a link points: its own URL, or its campaign's destination with the campaign's UTM tags for this creator. */
function linkUrl(link: SeedLink): string {
  const campaign = CAMPAIGNS.find((c) => c.slug === link.campaign);
  if (!campaign) return link.url ?? "";
  const utm = fillUtmTemplate(UTM_TEMPLATE, { platform: CHANNEL_PLATFORM[link.channel], campaign: campaign.slug, creator: link.creatorKey ?? "" });
  return applyUtm(link.url ?? campaign.destinationUrl, utm);
}

async function createContent(db: Db, pool: pg.Pool, workspaceId: string, userId: string, now: Date): Promise<ContentSummary> {
  checkSeedData();
  const times = new Map(LINKS.map((link) => [link.slug, linkTimes(link, now)]));
  // Links are made the day before their post goes live; campaigns a week before they start.
  const linkCreatedAt = (link: SeedLink) => new Date((times.get(link.slug)?.liveAt.getTime() ?? now.getTime()) - DAY - 3 * HOUR);
  const snapshotAt = (index: number) => new Date(daysBefore(now, FOLLOWER_SNAPSHOT_DAYS[index] ?? 0).getTime() + FOLLOWER_SNAPSHOT_HOUR * HOUR);
  // Creators joined the roster when their follower counts were first recorded.
  const rosterCreatedAt = (index: number) => new Date(snapshotAt(0).getTime() - (index + 1) * 7 * 60_000);

  const creatorRows = await db.creator.createManyAndReturn({
    data: CREATORS.map((creator, index) => ({
      workspaceId,
      name: creator.name,
      email: creator.email,
      niche: creator.niche,
      notes: creator.notes,
      createdAt: rosterCreatedAt(index),
    })),
    select: { id: true, email: true },
  });
  const creatorIds = new Map<string, string>();
  for (const creator of CREATORS) {
    const row = creatorRows.find((r) => r.email === creator.email);
    if (!row) throw new Error(`seed: creator ${creator.name} was not created`);
    creatorIds.set(creator.key, row.id);
  }
  const creatorId = (key: string) => {
    const id = creatorIds.get(key);
    if (!id) throw new Error(`seed: no creator row for ${key}`);
    return id;
  };

  // Each account with its follower history; `followers` is the latest recorded count.
  const accounts = CREATORS.flatMap((creator, index) => creator.platforms.map((account) => ({ creator, index, account })));
  const platformRows = await db.creatorPlatform.createManyAndReturn({
    data: accounts.map(({ creator, index, account }) => ({
      workspaceId,
      creatorId: creatorId(creator.key),
      platform: account.platform,
      handle: account.handle,
      followers: account.followers[account.followers.length - 1] ?? 0,
      createdAt: rosterCreatedAt(index),
      updatedAt: snapshotAt(FOLLOWER_SNAPSHOT_DAYS.length - 1),
    })),
    select: { id: true, creatorId: true, platform: true },
  });
  const followerRows = accounts.flatMap(({ creator, account }) => {
    const row = platformRows.find((r) => r.creatorId === creatorId(creator.key) && r.platform === account.platform);
    if (!row) throw new Error(`seed: ${creator.name}'s ${account.platform} account was not created`);
    return account.followers.map((followers, i) => ({ workspaceId, creatorPlatformId: row.id, followers, recordedAt: snapshotAt(i) }));
  });
  await db.followerCount.createMany({ data: followerRows });

  const campaignRows = await db.campaign.createManyAndReturn({
    data: CAMPAIGNS.map((campaign) => ({
      workspaceId,
      name: campaign.name,
      slug: campaign.slug,
      objective: campaign.objective,
      startsOn: daysBefore(now, campaign.startsDaysAgo),
      endsOn: daysBefore(now, campaign.endsDaysAgo),
      budgetMinor: campaign.budgetMinor,
      currency: "USD",
      destinationUrl: campaign.destinationUrl,
      utmTemplate: UTM_TEMPLATE,
      createdAt: new Date(daysBefore(now, campaign.startsDaysAgo + 7).getTime() + 11 * HOUR),
    })),
    select: { id: true, slug: true, createdAt: true },
  });
  const campaignIds = new Map(campaignRows.map((row) => [row.slug, row.id]));
  const campaignId = (slug: string) => {
    const id = campaignIds.get(slug);
    if (!id) throw new Error(`seed: no campaign row for ${slug}`);
    return id;
  };
  await db.campaignKpi.createMany({
    data: CAMPAIGNS.flatMap((campaign) =>
      campaign.kpis.map(({ kpi, target }, position) => ({ workspaceId, campaignId: campaignId(campaign.slug), kpi, target, primary: position === 0, position })),
    ),
  });
  await db.campaignCreator.createMany({
    data: CAMPAIGNS.flatMap((campaign) => {
      const createdAt = campaignRows.find((row) => row.slug === campaign.slug)?.createdAt ?? now;
      return campaign.creators.map(([key, terms], order) => ({
        workspaceId,
        campaignId: campaignId(campaign.slug),
        creatorId: creatorId(key),
        ...terms,
        // the order creators joined: the campaign's breakdown lists them so
        createdAt: new Date(createdAt.getTime() + (order + 1) * 60_000),
      }));
    }),
  });

  const linkRows = await db.link.createManyAndReturn({
    data: LINKS.map((link) => ({
      workspaceId,
      domain: "",
      slug: link.slug,
      url: linkUrl(link),
      creatorId: link.creatorKey ? creatorId(link.creatorKey) : null,
      campaignId: link.campaign ? campaignId(link.campaign) : null,
      platform: CHANNEL_PLATFORM[link.channel],
      tags: [link.channel], // so the API's ?tag= filter has something to find (tiktok, instagram, youtube, email)
      postedAt: times.get(link.slug)?.liveAt ?? null,
      reach: link.insights?.reach ?? null,
      impressions: link.insights?.impressions ?? null,
      engagementRate: link.insights?.engagementRate ?? null,
      createdById: userId,
      archivedAt: times.get(link.slug)?.archivedAt ?? null,
      createdAt: linkCreatedAt(link),
    })),
    select: { id: true, slug: true },
  });
  const linkIds = new Map(linkRows.map((row) => [row.slug, row.id]));

  const clicks = generateDemoClicks(now);
  await insertSeedClicks(pool, workspaceId, linkIds, clicks);

  const conversions = await createConversions(db, pool, workspaceId, now);

  const visitorDays = new Set(clicks.map((click) => `${click.slug}|${click.visitorHash}`));
  return {
    ...conversions,
    creators: creatorRows.length,
    platforms: platformRows.length,
    followerCounts: followerRows.length,
    campaigns: campaignRows.length,
    links: linkRows.length,
    archived: LINKS.filter((link) => link.archivedDaysAgo !== undefined).length,
    clicks: clicks.length,
    bots: clicks.filter((click) => click.isBot).length,
    visitors: visitorDays.size,
  };
}

/**
 * Summer Sale's purchases (SEED_CONVERSIONS): orders carried by real seeded clicks' ids, orders with
 * a creator's promo code, a few with neither, and some refunds — each with the attribution and
 * reason the app's own rule (decideAttribution) gives, so the feed reads exactly as live data would.
 */
async function createConversions(db: Db, pool: pg.Pool, workspaceId: string, now: Date): Promise<{ conversions: number; refunds: number }> {
  const campaign = await db.campaign.findFirstOrThrow({ where: { workspaceId, slug: "summer-sale" }, select: { id: true, startsOn: true } });
  const creators = await db.creator.findMany({ where: { workspaceId }, select: { id: true, email: true } });
  const creatorIdOf = (key: string) => {
    const email = CREATORS.find((c) => c.key === key)?.email;
    const id = creators.find((c) => c.email === email)?.id;
    if (!id) throw new Error(`seed: no creator row for ${key}`);
    return id;
  };
  const windowDays = 30;
  const rows: Prisma.ConversionCreateManyInput[] = [];
  let order = 0;
  const nextId = () => `demo-order-${String(++order).padStart(5, "0")}`;
  const attributed = (d: ReturnType<typeof decideAttribution>) => ({ attribution: d.attribution, attributionReason: d.reason, linkId: d.linkId, creatorId: d.creatorId, campaignId: d.campaignId });
  const price = (rng: Rng, aov: number) => Math.max(900, Math.round((aov * (0.55 + rng() * 0.9)) / 100) * 100 - 1);

  for (const plan of SEED_CONVERSIONS) {
    const rng = mulberry32(seedFrom(`conversions:${plan.slug}`));
    const creatorId = creatorIdOf(plan.creatorKey);
    await db.promoCode.create({ data: { workspaceId, campaignId: campaign.id, creatorId, code: plan.promoCode } });
    const { rows: clicks } = await pool.query<{ id: string; linkId: string; createdAt: Date }>(
      `SELECT k."id", k."linkId", k."createdAt" FROM "Click" k JOIN "Link" l ON l."id" = k."linkId"
        WHERE l."workspaceId" = $1 AND l."slug" = $2 AND NOT k."isBot" ORDER BY k."createdAt", k."visitorHash", k."id"`,
      [workspaceId, plan.slug],
    );
    const link = LINKS.find((l) => l.slug === plan.slug);
    const buyers = Math.round((link?.uniqueClicks ?? 0) * plan.clickRate);
    for (let i = 0; i < buyers && clicks.length > 0; i++) {
      const click = clicks[Math.floor(((i + rng()) * clicks.length) / buyers)] ?? clicks[0]!;
      const occurredAt = new Date(Math.min(now.getTime() - 60_000, click.createdAt.getTime() + (4 + rng() * 90) * 60_000));
      const decided = decideAttribution({
        clickIdSent: click.id,
        click: { id: click.id, createdAt: click.createdAt, linkId: click.linkId, creatorId, campaignId: campaign.id },
        promoSent: undefined,
        promo: null,
        occurredAt,
        windowDays,
      });
      rows.push({ workspaceId, externalId: nextId(), event: "purchase", valueMinor: price(rng, plan.aovMinor), currency: "USD", clickId: click.id, ...attributed(decided), source: "script", occurredAt, createdAt: occurredAt });
    }
    const liveAt = link ? linkTimes(link, now).liveAt.getTime() : now.getTime();
    for (let i = 0; i < plan.promoOrders; i++) {
      const occurredAt = new Date(liveAt + rng() * (now.getTime() - liveAt));
      const decided = decideAttribution({ clickIdSent: undefined, click: null, promoSent: plan.promoCode, promo: { code: plan.promoCode, creatorId, campaignId: campaign.id }, occurredAt, windowDays });
      rows.push({ workspaceId, externalId: nextId(), event: "purchase", valueMinor: price(rng, plan.aovMinor), currency: "USD", promoCode: plan.promoCode, ...attributed(decided), source: "api", occurredAt, createdAt: occurredAt });
    }
  }
  const rng = mulberry32(seedFrom("conversions:unattributed"));
  const saleStart = campaign.startsOn?.getTime() ?? now.getTime() - 4 * DAY;
  for (let i = 0; i < SEED_UNATTRIBUTED_ORDERS; i++) {
    const occurredAt = new Date(saleStart + rng() * (now.getTime() - saleStart));
    const decided = decideAttribution({ clickIdSent: undefined, click: null, promoSent: undefined, promo: null, occurredAt, windowDays });
    rows.push({ workspaceId, externalId: nextId(), event: "purchase", valueMinor: price(rng, 6_000), currency: "USD", ...attributed(decided), source: "api", occurredAt, createdAt: occurredAt });
  }
  const created = await db.conversion.createManyAndReturn({ data: rows, select: { id: true, externalId: true, valueMinor: true, attribution: true, occurredAt: true } });

  // Refunds: every Nth click-attributed order; every third of those cancelled outright.
  const refunded = [...created]
    .sort((a, b) => a.externalId.localeCompare(b.externalId)) // createManyAndReturn promises no order
    .filter((c) => c.attribution === "click").filter((_, i) => i % SEED_REFUND_EVERY === SEED_REFUND_EVERY - 1);
  await db.conversionReversal.createMany({
    data: refunded.map((conversion, i) => {
      const full = i % 3 === 0;
      const value = conversion.valueMinor ?? 0;
      return {
        workspaceId,
        conversionId: conversion.id,
        externalId: `${conversion.externalId}-refund`,
        valueMinor: full ? value : Math.round(value / 2),
        full,
        reason: full ? "Order cancelled" : "Partial refund: one item returned",
        createdAt: new Date(Math.min(now.getTime() - 60_000, conversion.occurredAt.getTime() + DAY)),
      };
    }),
  });
  return { conversions: created.length, refunds: refunded.length };
}

/** The demo workspace, created (empty) if missing; `created` says whether this run must fill it. */
async function claimWorkspace(db: Db, now: Date): Promise<{ id: string; created: boolean }> {
  const existing = await db.workspace.findUnique({ where: { slug: DEMO_WORKSPACE.slug }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  try {
    const workspace = await db.workspace.create({
      // created before the roster's first follower counts, so it predates everything in it
      data: { name: DEMO_WORKSPACE.name, slug: DEMO_WORKSPACE.slug, plan: "team", createdAt: daysBefore(now, Math.max(...FOLLOWER_SNAPSHOT_DAYS) + 5) },
      select: { id: true },
    });
    return { id: workspace.id, created: true };
  } catch (error) {
    // another seed run won the race for the slug: its content stands
    if (!isUniqueViolation(error)) throw error;
    const winner = await db.workspace.findUniqueOrThrow({ where: { slug: DEMO_WORKSPACE.slug }, select: { id: true } });
    return { id: winner.id, created: false };
  }
}

export async function seed(databaseUrl: string, options: SeedOptions = {}): Promise<void> {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? new Date();
  const started = performance.now();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  try {
    const user = await ensureUser(db, now);
    log(`user ${DEMO_USER.email} / ${DEMO_USER.password} (${user.created ? "created" : "already there"})`);

    const workspace = await claimWorkspace(db, now);
    if (!workspace.created) {
      log(`workspace "${DEMO_WORKSPACE.slug}" already exists: creators, links and clicks left as they are`);
    } else {
      try {
        const summary = await createContent(db, pool, workspace.id, user.id, now);
        log(
          `workspace "${DEMO_WORKSPACE.name}" (/${DEMO_WORKSPACE.slug}, team plan): ${summary.creators} creators ` +
            `(${summary.platforms} accounts, ${summary.followerCounts} follower counts), ${summary.campaigns} campaigns, ` +
            `${summary.links} links (${summary.archived} archived), ${summary.clicks.toLocaleString("en-US")} clicks ` +
            `over ${CLICK_WINDOW_DAYS} days (${summary.bots.toLocaleString("en-US")} bots, ` +
            `${summary.visitors.toLocaleString("en-US")} visitor-days), ${summary.conversions} Summer Sale orders (${summary.refunds} refunded)`,
        );
      } catch (error) {
        // Without this, the next run would find the workspace and never fill it in.
        await db.workspace.delete({ where: { id: workspace.id } }).catch(() => undefined);
        throw error;
      }
    }

    await db.membership.upsert({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } },
      create: { workspaceId: workspace.id, userId: user.id, role: "owner" },
      update: { role: "owner" },
    });

    if (options.demoApiKey) {
      const key = options.demoApiKey;
      await db.apiKey.upsert({
        where: { hashedKey: hashApiKey(key) },
        create: {
          workspaceId: workspace.id,
          createdById: user.id,
          name: DEMO_API_KEY_NAME,
          prefix: displayPrefix(key),
          hashedKey: hashApiKey(key),
          scopes: SCOPE_NAMES, // the demo key can try every endpoint
        },
        update: { scopes: SCOPE_NAMES },
      });
      log(`API key "${DEMO_API_KEY_NAME}" ${displayPrefix(key)}… stored hashed`);
    }
    log(`done in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await db.$disconnect();
    if (!pool.ended) await pool.end();
  }
}

// ---------- run as a script ----------

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  const canonical = (file: string) => {
    let resolved = path.resolve(file);
    try {
      resolved = fs.realpathSync(resolved);
    } catch {
      // `tsx prisma/seed` (no extension) names no file on disk; compare the bare path
    }
    return resolved.replace(/\.[cm]?[jt]s$/, "");
  };
  return canonical(entry) === canonical(fileURLToPath(import.meta.url));
}

if (isMainModule()) {
  const run = async () => {
    const env = (() => {
      try {
        return getEnv();
      } catch (error) {
        throw new Error(
          `${error instanceof Error ? error.message : String(error)}\n` +
            "Set DATABASE_URL, or use `npm run db:seed`, which starts the embedded database when none is given.",
        );
      }
    })();
    await seed(env.DATABASE_URL, { demoApiKey: env.DEMO_API_KEY, log: (line) => console.log(`[seed] ${line}`) });
  };
  run().catch((error: unknown) => {
    console.error(`[seed] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
