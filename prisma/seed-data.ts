// The demo workspace's content, as data: who the creators are, which links they have, and how
// their audiences behave. prisma/seed.ts turns it into rows. Kept apart so the story can be read
// (and tuned) without wading through the generator.
import type { CampaignObjective, Kpi, Platform } from "@prisma/client";

export const DEMO_USER = {
  email: "demo@clickproof.dev",
  password: "demo-password",
  name: "Demo User",
} as const;

export const DEMO_WORKSPACE = { name: "Demo Brand", slug: "demo" } as const;

export const DEMO_API_KEY_NAME = "Demo key";

/**
 * How a link was shared; decides referrers, in-app browsers, devices and how fast clicks decay.
 * "email" is the brand's newsletter, stored under the product's "blog" (blog / newsletter) platform.
 */
export type Channel = "instagram" | "tiktok" | "youtube" | "email";

/** The product's platform for each channel (Link.platform). */
export const CHANNEL_PLATFORM: Readonly<Record<Channel, Platform>> = {
  instagram: "instagram",
  tiktok: "tiktok",
  youtube: "youtube",
  email: "blog",
};

/**
 * When the roster's follower counts were recorded: days before today (UTC), at 06:00 UTC. Every
 * creator platform has one count per day listed; the last is the current count. No post goes live
 * on one of these days, so "the count at the time of the post" (the latest recorded at or before
 * it) never depends on the hour the seed runs.
 */
export const FOLLOWER_SNAPSHOT_DAYS = [120, 90, 60, 30, 15, 5] as const;
export const FOLLOWER_SNAPSHOT_HOUR = 6;
type FollowerHistory = readonly [number, number, number, number, number, number];

export type SeedCreatorPlatform = {
  platform: Platform;
  /** without the "@", as the app stores handles */
  handle: string;
  /** followers at each of FOLLOWER_SNAPSHOT_DAYS, oldest first */
  followers: FollowerHistory;
};

export type SeedCreator = {
  /** stable key the links and campaigns refer to; also the creator-name slug */
  key: string;
  name: string;
  email: string;
  niche: string;
  notes: string;
  platforms: readonly SeedCreatorPlatform[];
  /** country code → multiplier on the base country weights (the creator's audience) */
  audience?: Readonly<Record<string, number>>;
};

export type SeedTerms = { flatFeeMinor: number; giftedValueMinor: number; commissionRate: number };

export type SeedCampaign = {
  /** the campaign-… prefix of its links' slugs */
  slug: string;
  name: string;
  objective: CampaignObjective;
  /** first and last day, in days before today (UTC); negative = still to come */
  startsDaysAgo: number;
  endsDaysAgo: number;
  budgetMinor: number;
  /** the shop page every creator's link points to (UTM tags are added per link) */
  destinationUrl: string;
  /** the first is the primary KPI; targets in the KPI's stored unit (rates as fractions, money in cents) */
  kpis: ReadonlyArray<{ kpi: Kpi; target: number }>;
  /** who took part, in the order they joined, with the agreed cost */
  creators: ReadonlyArray<readonly [creatorKey: string, terms: SeedTerms]>;
};

export type SeedLink = {
  slug: string;
  creatorKey: string | null;
  channel: Channel;
  /** the campaign's slug; null for the brand's own links */
  campaign: string | null;
  /** destination for links outside a campaign (campaign links use the campaign's, with UTM tags) */
  url?: string;
  /**
   * Unique clicks (distinct visitors per day, humans only) the link gets in the window: exact, so
   * audience CTR = uniqueClicks ÷ followers at the post is what the story says. Repeat clicks and
   * bots come on top.
   */
  uniqueClicks: number;
  /**
   * When the post went live (or the e-mail was sent): days before today (UTC) and hour (UTC).
   * Several entries mean several posts/sends sharing the link, with their share of the clicks.
   */
  posts: ReadonlyArray<{ daysAgo: number; hour: number; share: number }>;
  /** set for the link that was archived: days before today; archived links stop redirecting */
  archivedDaysAgo?: number;
  /** from the platform's own insights, entered by hand; shown beside the measured numbers */
  insights?: { reach: number; impressions: number; engagementRate: number };
};

// ---------- the story ----------
//
// Three campaigns in the last month. Audience CTR = unique clicks ÷ the creator's followers on the
// post's platform when it went live (the FollowerCount history below):
//
//                 Launch Week (awareness)   Spring Drop (traffic)     Summer Sale (conversions)
//   Maya Lopez    1,865 / 74,600 = 2.5 %    2,100 / 80,000 = 2.6 %    –
//   Jordan Reed     238 / 79,400 = 0.3 %      240 / 80,000 = 0.3 %    –
//   Sofia Rossi   1,888 / 60,900 = 3.1 %    2,059 / 62,400 = 3.3 %    1,850 / 63,800 = 2.9 %   consistent
//   Lucas Martin    627 / 78,400 = 0.8 %    2,180 / 83,900 = 2.6 %      388 / 86,200 = 0.45 %  variable
//   Ethan Kim     1,317 / 146,300 = 0.9 %   –                         –
//   Priya Nair    –                         2,134 / 304,800 = 0.7 %   1,867 / 311,200 = 0.6 %
//   Amara Okafor  –                         –                         2,104 / 191,300 = 1.1 %
//
// - Maya and Jordan (the headline case, product.md "Creator comparison"): same niche, same platform,
//   80,000 followers each when their Spring Drop posts went live, and Maya's audience clicks ~9×
//   more (the 2,100 vs 240 → 2.6 % vs 0.3 %). Jordan's count jumped two months ago.
// - Sofia is consistent across three campaigns (CV ≈ 0.05); Lucas is not (CV ≈ 0.7): one video
//   caught on in search, the other two did not.
export const SAME_AUDIENCE_PAIR = { strong: "maya-lopez", weak: "jordan-reed", campaign: "spring-drop", followers: 80_000 } as const;
export const CONSISTENT_CREATOR = "sofia-rossi";
export const VARIABLE_CREATOR = "lucas-martin";

export const CREATORS: readonly SeedCreator[] = [
  {
    key: "maya-lopez",
    name: "Maya Lopez",
    email: "maya.lopez@example.com",
    niche: "fitness",
    notes: "Strength training at home; posts Tue/Thu evenings. Replies to every DM — her audience trusts her picks.",
    platforms: [{ platform: "instagram", handle: "mayamoves", followers: [58_300, 64_900, 70_100, 74_600, 80_000, 82_700] }],
    audience: { US: 1.4, MX: 2, ES: 1.5 },
  },
  {
    key: "jordan-reed",
    name: "Jordan Reed",
    email: "jordan.reed@example.com",
    niche: "fitness",
    notes: "Running and mobility. Follower count jumped within a few weeks a couple of months ago; engagement looks low for the size.",
    platforms: [{ platform: "instagram", handle: "jordanreedfit", followers: [41_200, 43_000, 78_900, 79_400, 80_000, 80_300] }],
    audience: { US: 1.3, GB: 1.4 },
  },
  {
    key: "priya-nair",
    name: "Priya Nair",
    email: "priya.nair@example.com",
    niche: "beauty",
    notes: "Skincare routines and honest reviews. Prefers gifted product plus a flat fee.",
    platforms: [
      { platform: "tiktok", handle: "priyaglow", followers: [248_000, 262_000, 281_500, 296_000, 304_800, 311_200] },
      { platform: "instagram", handle: "priya.glow", followers: [81_500, 84_200, 86_900, 89_300, 90_800, 92_400] },
    ],
    audience: { IN: 4, GB: 1.5 },
  },
  {
    key: "lucas-martin",
    name: "Lucas Martin",
    email: "lucas.martin@example.com",
    niche: "tech",
    notes: "Desk setups and gadget teardowns. Results swing from video to video: when one catches on in search it keeps getting views for weeks.",
    platforms: [
      { platform: "youtube", handle: "lucasbuilds", followers: [61_000, 66_500, 71_200, 78_400, 83_900, 86_200] },
      { platform: "x", handle: "lucas_builds", followers: [18_900, 19_400, 20_100, 20_600, 21_000, 21_300] },
    ],
    audience: { DE: 2.5, FR: 1.8, NL: 2 },
  },
  {
    key: "sofia-rossi",
    name: "Sofia Rossi",
    email: "sofia.rossi@example.com",
    niche: "food",
    notes: "Quick weeknight recipes, plus a weekly recipe newsletter. Small but very loyal audience.",
    platforms: [
      { platform: "instagram", handle: "sofiacooks", followers: [52_800, 55_400, 58_100, 60_900, 62_400, 63_800] },
      { platform: "blog", handle: "sofiacooks", followers: [9_800, 10_400, 10_900, 11_500, 11_800, 12_100] },
    ],
    audience: { IT: 6, ES: 1.5, FR: 1.3 },
  },
  {
    key: "ethan-kim",
    name: "Ethan Kim",
    email: "ethan.kim@example.com",
    niche: "travel",
    notes: "Long-form travel vlogs (\"Ethan Goes\"); the link sits in the description.",
    platforms: [
      { platform: "youtube", handle: "ethangoes", followers: [131_000, 138_500, 142_000, 146_300, 149_100, 151_400] },
      { platform: "instagram", handle: "ethan.goes", followers: [39_000, 40_800, 42_100, 43_500, 44_400, 45_200] },
    ],
    audience: { AU: 3, CA: 1.8, JP: 3 },
  },
  {
    key: "amara-okafor",
    name: "Amara Okafor",
    email: "amara.okafor@example.com",
    niche: "lifestyle",
    notes: "Day-in-my-life videos; strongest reach in the UK.",
    platforms: [
      { platform: "tiktok", handle: "amaraeveryday", followers: [151_000, 163_500, 172_000, 180_400, 186_900, 191_300] },
      { platform: "instagram", handle: "amara.everyday", followers: [31_200, 33_000, 34_900, 36_100, 37_200, 38_000] },
    ],
    audience: { GB: 3, NG: 6, CA: 1.3 },
  },
];

/** The app's default template for per-creator links (lib/links/utm.ts DEFAULT_UTM_TEMPLATE). */
export const UTM_TEMPLATE = {
  utm_source: "{platform}",
  utm_medium: "influencer",
  utm_campaign: "{campaign}",
  utm_content: "{creator}",
} as const;

const terms = (flatFeeMinor: number, giftedValueMinor = 0, commissionRate = 0): SeedTerms => ({ flatFeeMinor, giftedValueMinor, commissionRate });

export const CAMPAIGNS: readonly SeedCampaign[] = [
  {
    slug: "launch-week",
    name: "Launch Week",
    objective: "awareness",
    startsDaysAgo: 28,
    endsDaysAgo: 14,
    budgetMinor: 1_200_000,
    destinationUrl: "https://shop.example.com/launch",
    kpis: [
      { kpi: "audience_ctr", target: 0.012 },
      { kpi: "unique_clicks", target: 5_500 },
      { kpi: "clicks", target: 7_500 },
      { kpi: "cpc", target: 150 },
    ],
    creators: [
      ["lucas-martin", terms(180_000, 45_000)],
      ["maya-lopez", terms(250_000, 12_000)],
      ["jordan-reed", terms(240_000, 12_000)],
      ["sofia-rossi", terms(120_000, 8_000)],
      ["ethan-kim", terms(300_000, 0, 0.05)],
    ],
  },
  {
    slug: "spring-drop",
    name: "Spring Drop",
    objective: "traffic",
    startsDaysAgo: 13,
    endsDaysAgo: 5,
    budgetMinor: 1_500_000,
    destinationUrl: "https://shop.example.com/spring",
    kpis: [
      { kpi: "audience_ctr", target: 0.015 },
      { kpi: "clicks", target: 10_000 },
      { kpi: "unique_clicks", target: 8_000 },
      { kpi: "cpc", target: 125 },
    ],
    creators: [
      ["priya-nair", terms(300_000, 20_000)],
      ["sofia-rossi", terms(130_000, 8_000)],
      ["maya-lopez", terms(280_000, 15_000)],
      ["jordan-reed", terms(240_000, 15_000)],
      ["lucas-martin", terms(180_000, 45_000)],
    ],
  },
  {
    slug: "summer-sale",
    name: "Summer Sale",
    objective: "conversions",
    startsDaysAgo: 4,
    endsDaysAgo: -10,
    budgetMinor: 1_000_000,
    destinationUrl: "https://shop.example.com/summer-sale",
    kpis: [
      { kpi: "audience_ctr", target: 0.009 },
      { kpi: "clicks", target: 10_000 },
      { kpi: "unique_clicks", target: 8_000 },
      { kpi: "cpc", target: 110 },
    ],
    creators: [
      ["priya-nair", terms(250_000, 20_000, 0.08)],
      ["sofia-rossi", terms(130_000, 0, 0.1)],
      ["lucas-martin", terms(150_000, 0, 0.1)],
      ["amara-okafor", terms(220_000, 10_000, 0.1)],
    ],
  },
];

// Slugs follow the product's convention: `creator-name` for a creator's first partnership and
// `campaign-creator-name` for later ones.
const post = (daysAgo: number, hour: number) => [{ daysAgo, hour, share: 1 }] as const;

export const LINKS: readonly SeedLink[] = [
  // Launch Week
  // The archived one: Lucas' launch-week video link, retired when launch week ended.
  { slug: "lucas-martin", creatorKey: "lucas-martin", channel: "youtube", campaign: "launch-week", uniqueClicks: 627, posts: post(27, 16), archivedDaysAgo: 13 },
  { slug: "maya-lopez", creatorKey: "maya-lopez", channel: "instagram", campaign: "launch-week", uniqueClicks: 1_865, posts: post(26, 18) },
  { slug: "jordan-reed", creatorKey: "jordan-reed", channel: "instagram", campaign: "launch-week", uniqueClicks: 238, posts: post(25, 18) },
  { slug: "sofia-rossi", creatorKey: "sofia-rossi", channel: "instagram", campaign: "launch-week", uniqueClicks: 1_888, posts: post(24, 19) },
  { slug: "ethan-kim", creatorKey: "ethan-kim", channel: "youtube", campaign: "launch-week", uniqueClicks: 1_317, posts: post(20, 14) },
  // Spring Drop
  { slug: "priya-nair", creatorKey: "priya-nair", channel: "tiktok", campaign: "spring-drop", uniqueClicks: 2_134, posts: post(12, 17) },
  { slug: "spring-drop-sofia-rossi", creatorKey: "sofia-rossi", channel: "instagram", campaign: "spring-drop", uniqueClicks: 2_059, posts: post(10, 19) },
  {
    slug: "spring-drop-maya-lopez",
    creatorKey: "maya-lopez",
    channel: "instagram",
    campaign: "spring-drop",
    uniqueClicks: 2_100,
    posts: post(9, 19),
    insights: { reach: 41_200, impressions: 58_900, engagementRate: 0.061 },
  },
  {
    // About the same reach as Maya's post: the audience saw it, it just did not act.
    slug: "spring-drop-jordan-reed",
    creatorKey: "jordan-reed",
    channel: "instagram",
    campaign: "spring-drop",
    uniqueClicks: 240,
    posts: post(8, 20),
    insights: { reach: 38_700, impressions: 52_300, engagementRate: 0.012 },
  },
  { slug: "spring-drop-lucas-martin", creatorKey: "lucas-martin", channel: "youtube", campaign: "spring-drop", uniqueClicks: 2_180, posts: post(6, 15) },
  // Summer Sale (running)
  { slug: "summer-sale-priya-nair", creatorKey: "priya-nair", channel: "tiktok", campaign: "summer-sale", uniqueClicks: 1_867, posts: post(4, 17) },
  {
    slug: "summer-sale-sofia-rossi",
    creatorKey: "sofia-rossi",
    channel: "instagram",
    campaign: "summer-sale",
    uniqueClicks: 1_850,
    posts: post(3, 19),
    insights: { reach: 24_600, impressions: 31_800, engagementRate: 0.084 },
  },
  { slug: "summer-sale-lucas-martin", creatorKey: "lucas-martin", channel: "youtube", campaign: "summer-sale", uniqueClicks: 388, posts: post(3, 15) },
  { slug: "amara-okafor", creatorKey: "amara-okafor", channel: "tiktok", campaign: "summer-sale", uniqueClicks: 2_104, posts: post(2, 18) },
  // The brand's own newsletter: no creator and no campaign (it runs weekly, across all three).
  {
    slug: "newsletter",
    creatorKey: null,
    channel: "email",
    campaign: null,
    url: "https://shop.example.com/?utm_source=newsletter&utm_medium=email&utm_campaign=weekly-newsletter",
    uniqueClicks: 720,
    posts: [
      { daysAgo: 29, hour: 14, share: 0.2 },
      { daysAgo: 22, hour: 14, share: 0.2 },
      { daysAgo: 15, hour: 14, share: 0.2 },
      { daysAgo: 8, hour: 14, share: 0.25 },
      { daysAgo: 1, hour: 14, share: 0.15 },
    ],
  },
];

/** Share of each link's clicks that are bots and link-preview fetchers, by platform. */
export const BOT_RATE: Readonly<Record<Channel, number>> = {
  instagram: 0.07, // Facebook's preview fetcher hits every Instagram link share
  tiktok: 0.05,
  youtube: 0.06,
  email: 0.08, // mail scanners open links before people do
};

/**
 * How clicks decay after a post goes live: a fast share with exponential mean `fastHours`
 * (the first day or two) and a long tail with mean `tailDays`.
 */
export const DECAY: Readonly<Record<Channel, { fastShare: number; fastHours: number; tailDays: number }>> = {
  instagram: { fastShare: 0.78, fastHours: 10, tailDays: 5 },
  tiktok: { fastShare: 0.82, fastHours: 8, tailDays: 4 },
  youtube: { fastShare: 0.55, fastHours: 30, tailDays: 8 }, // videos keep being found by search
  email: { fastShare: 0.9, fastHours: 5, tailDays: 2 },
};

/** Relative click volume by UTC hour: quiet at night in Europe/Americas, peaking in the evening. */
export const HOUR_WEIGHTS: readonly number[] = [
  6, 5, 4, 3, 2, 2, 2, 3, 4, 5, 5, 6, 7, 7, 7, 8, 9, 10, 11, 12, 12, 11, 9, 7,
];

export const COUNTRY_WEIGHTS: Readonly<Record<string, number>> = {
  US: 30, GB: 10, DE: 7, FR: 5, CA: 6, AU: 4, BR: 5, ES: 4, IN: 5, NL: 3,
  IT: 2, MX: 2, SE: 1.5, PL: 1.5, JP: 1, IE: 1, NG: 0.5, ZA: 1, NZ: 1, PT: 1,
};
/** GeoIP finds no country for some addresses (VPNs, new ranges). */
export const UNKNOWN_COUNTRY_RATE = 0.025;

/** Human device mix by platform (the rest of the 1.0 is tablet). Bots are always "other". */
export const DEVICE_MIX: Readonly<Record<Channel, { mobile: number; desktop: number }>> = {
  instagram: { mobile: 0.87, desktop: 0.09 },
  tiktok: { mobile: 0.91, desktop: 0.06 },
  youtube: { mobile: 0.52, desktop: 0.4 },
  email: { mobile: 0.5, desktop: 0.44 },
};

/** Share of a platform's mobile clicks that open in the platform's own in-app browser. */
export const IN_APP_BROWSER: Readonly<Partial<Record<Channel, { name: string; share: number }>>> = {
  instagram: { name: "Instagram", share: 0.65 },
  tiktok: { name: "TikTok", share: 0.7 },
};

// ---------- conversions (Summer Sale) ----------

/**
 * Summer Sale purchases from the brand's shop: per creator link, the share of unique clicks that
 * bought (through the click id /cp.js carries), orders with the creator's promo code and no click
 * id, and the average order. The story: Lucas's small YouTube audience buys most often and spends
 * most; Amara's big TikTok reach converts at the campaign's lowest order values.
 */
export type SeedConversionPlan = { slug: string; creatorKey: string; clickRate: number; promoCode: string; promoOrders: number; aovMinor: number };

export const SEED_CONVERSIONS: readonly SeedConversionPlan[] = [
  { slug: "summer-sale-priya-nair", creatorKey: "priya-nair", clickRate: 0.024, promoCode: "PRIYA15", promoOrders: 9, aovMinor: 6_400 },
  { slug: "summer-sale-sofia-rossi", creatorKey: "sofia-rossi", clickRate: 0.011, promoCode: "SOFIA10", promoOrders: 4, aovMinor: 8_200 },
  { slug: "summer-sale-lucas-martin", creatorKey: "lucas-martin", clickRate: 0.046, promoCode: "LUCAS20", promoOrders: 6, aovMinor: 11_800 },
  { slug: "amara-okafor", creatorKey: "amara-okafor", clickRate: 0.019, promoCode: "AMARA", promoOrders: 12, aovMinor: 4_900 },
];
/** Refunds among the click-attributed orders (every Nth), and checkout orders with neither a click id nor a code. */
export const SEED_REFUND_EVERY = 17;
export const SEED_UNATTRIBUTED_ORDERS = 6;
