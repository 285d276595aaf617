// The demo workspace's content, as data: who the creators are, which links they have, and how
// their audiences behave. prisma/seed.ts turns it into rows. Kept apart so the story can be read
// (and tuned) without wading through the generator.

export const DEMO_USER = {
  email: "demo@clickproof.dev",
  password: "demo-password",
  name: "Demo User",
} as const;

export const DEMO_WORKSPACE = { name: "Demo Brand", slug: "demo" } as const;

export const DEMO_API_KEY_NAME = "Demo key";

/** Where a link was posted; decides referrers, in-app browsers, devices and how fast clicks decay. */
export type Platform = "instagram" | "tiktok" | "youtube" | "email";

export type SeedCreator = {
  /** stable key the links refer to; also the creator-name slug */
  key: string;
  name: string;
  email: string;
  niche: string;
  notes: string;
  /** country code → multiplier on the base country weights (the creator's audience) */
  audience?: Readonly<Record<string, number>>;
};

export type SeedLink = {
  slug: string;
  creatorKey: string | null;
  platform: Platform;
  campaign: string;
  /** page of the shop the campaign points to */
  path: string;
  /** clicks (humans and bots) the link gets in the window */
  clicks: number;
  /**
   * When the post went live (or the e-mail was sent): days before today (UTC) and hour (UTC).
   * Several entries mean several posts/sends sharing the link, with their share of the clicks.
   */
  posts: ReadonlyArray<{ daysAgo: number; hour: number; share: number }>;
  /** set for the link that was archived: days before today; archived links stop redirecting */
  archivedDaysAgo?: number;
};

// Maya Lopez and Jordan Reed are the product's headline case (product.md, "Creator comparison"):
// same niche, same platform, near-identical follower counts, and one audience clicks ~10× more.
export const SAME_AUDIENCE_PAIR = { strong: "maya-lopez", weak: "jordan-reed" } as const;

export const CREATORS: readonly SeedCreator[] = [
  {
    key: "maya-lopez",
    name: "Maya Lopez",
    email: "maya.lopez@example.com",
    niche: "fitness",
    notes: "Instagram @mayamoves, ~124k followers. Strength training at home; posts Tue/Thu evenings. Replies to every DM — her audience trusts her picks.",
    audience: { US: 1.4, MX: 2, ES: 1.5 },
  },
  {
    key: "jordan-reed",
    name: "Jordan Reed",
    email: "jordan.reed@example.com",
    niche: "fitness",
    notes: "Instagram @jordanreedfit, ~121k followers. Running and mobility. Follower growth spiked last spring; engagement looks low for the size.",
    audience: { US: 1.3, GB: 1.4 },
  },
  {
    key: "priya-nair",
    name: "Priya Nair",
    email: "priya.nair@example.com",
    niche: "beauty",
    notes: "TikTok @priyaglow, ~310k followers. Skincare routines and honest reviews. Prefers gifted product plus a flat fee.",
    audience: { IN: 4, GB: 1.5 },
  },
  {
    key: "lucas-martin",
    name: "Lucas Martin",
    email: "lucas.martin@example.com",
    niche: "tech",
    notes: "YouTube \"Lucas Builds\", ~85k subscribers. Desk setups and gadget teardowns; videos keep getting views for weeks.",
    audience: { DE: 2.5, FR: 1.8, NL: 2 },
  },
  {
    key: "sofia-rossi",
    name: "Sofia Rossi",
    email: "sofia.rossi@example.com",
    niche: "food",
    notes: "Instagram @sofiacooks, ~64k followers. Quick weeknight recipes. Small but very loyal audience.",
    audience: { IT: 6, ES: 1.5, FR: 1.3 },
  },
  {
    key: "ethan-kim",
    name: "Ethan Kim",
    email: "ethan.kim@example.com",
    niche: "travel",
    notes: "YouTube \"Ethan Goes\", ~150k subscribers. Long-form travel vlogs; link sits in the description.",
    audience: { AU: 3, CA: 1.8, JP: 3 },
  },
  {
    key: "amara-okafor",
    name: "Amara Okafor",
    email: "amara.okafor@example.com",
    niche: "lifestyle",
    notes: "TikTok @amaraeveryday, ~190k followers. Day-in-my-life videos; strongest reach in the UK.",
    audience: { GB: 3, NG: 6, CA: 1.3 },
  },
];

// Slugs follow the product's convention: `creator-name` for a creator's first link and
// `campaign-creator-name` for further ones.
export const LINKS: readonly SeedLink[] = [
  { slug: "maya-lopez", creatorKey: "maya-lopez", platform: "instagram", campaign: "launch-week", path: "/launch", clicks: 5_200, posts: [{ daysAgo: 26, hour: 18, share: 1 }] },
  { slug: "spring-drop-maya-lopez", creatorKey: "maya-lopez", platform: "instagram", campaign: "spring-drop", path: "/spring", clicks: 6_800, posts: [{ daysAgo: 9, hour: 19, share: 1 }] },
  { slug: "jordan-reed", creatorKey: "jordan-reed", platform: "instagram", campaign: "launch-week", path: "/launch", clicks: 520, posts: [{ daysAgo: 25, hour: 18, share: 1 }] },
  { slug: "spring-drop-jordan-reed", creatorKey: "jordan-reed", platform: "instagram", campaign: "spring-drop", path: "/spring", clicks: 680, posts: [{ daysAgo: 8, hour: 20, share: 1 }] },
  { slug: "priya-nair", creatorKey: "priya-nair", platform: "tiktok", campaign: "spring-drop", path: "/spring", clicks: 3_200, posts: [{ daysAgo: 12, hour: 17, share: 1 }] },
  // The archived one: Lucas' launch-week video link, retired when launch week ended.
  { slug: "lucas-martin", creatorKey: "lucas-martin", platform: "youtube", campaign: "launch-week", path: "/launch", clicks: 900, posts: [{ daysAgo: 27, hour: 16, share: 1 }], archivedDaysAgo: 13 },
  { slug: "spring-drop-lucas-martin", creatorKey: "lucas-martin", platform: "youtube", campaign: "spring-drop", path: "/spring", clicks: 2_100, posts: [{ daysAgo: 6, hour: 15, share: 1 }] },
  { slug: "sofia-rossi", creatorKey: "sofia-rossi", platform: "instagram", campaign: "spring-drop", path: "/spring", clicks: 1_800, posts: [{ daysAgo: 4, hour: 19, share: 1 }] },
  { slug: "ethan-kim", creatorKey: "ethan-kim", platform: "youtube", campaign: "launch-week", path: "/launch", clicks: 1_400, posts: [{ daysAgo: 20, hour: 14, share: 1 }] },
  { slug: "amara-okafor", creatorKey: "amara-okafor", platform: "tiktok", campaign: "spring-drop", path: "/spring", clicks: 2_600, posts: [{ daysAgo: 2, hour: 18, share: 1 }] },
  // The brand's own newsletter: no creator, one send a week.
  {
    slug: "newsletter",
    creatorKey: null,
    platform: "email",
    campaign: "spring-drop",
    path: "/spring",
    clicks: 900,
    posts: [
      { daysAgo: 29, hour: 14, share: 0.2 },
      { daysAgo: 22, hour: 14, share: 0.2 },
      { daysAgo: 15, hour: 14, share: 0.2 },
      { daysAgo: 8, hour: 14, share: 0.25 },
      { daysAgo: 1, hour: 14, share: 0.15 },
    ],
  },
];

export function destinationUrl(link: SeedLink): string {
  const url = new URL(`https://shop.example.com${link.path}`);
  url.searchParams.set("utm_source", link.platform === "email" ? "newsletter" : link.platform);
  url.searchParams.set("utm_medium", link.platform === "email" ? "email" : "influencer");
  url.searchParams.set("utm_campaign", link.campaign);
  if (link.creatorKey) url.searchParams.set("utm_content", link.creatorKey);
  return url.toString();
}

/** Share of each link's clicks that are bots and link-preview fetchers, by platform. */
export const BOT_RATE: Readonly<Record<Platform, number>> = {
  instagram: 0.07, // Facebook's preview fetcher hits every Instagram link share
  tiktok: 0.05,
  youtube: 0.06,
  email: 0.08, // mail scanners open links before people do
};

/**
 * How clicks decay after a post goes live: a fast share with exponential mean `fastHours`
 * (the first day or two) and a long tail with mean `tailDays`.
 */
export const DECAY: Readonly<Record<Platform, { fastShare: number; fastHours: number; tailDays: number }>> = {
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
export const DEVICE_MIX: Readonly<Record<Platform, { mobile: number; desktop: number }>> = {
  instagram: { mobile: 0.87, desktop: 0.09 },
  tiktok: { mobile: 0.91, desktop: 0.06 },
  youtube: { mobile: 0.52, desktop: 0.4 },
  email: { mobile: 0.5, desktop: 0.44 },
};

/** Share of a platform's mobile clicks that open in the platform's own in-app browser. */
export const IN_APP_BROWSER: Readonly<Partial<Record<Platform, { name: string; share: number }>>> = {
  instagram: { name: "Instagram", share: 0.65 },
  tiktok: { name: "TikTok", share: 0.7 },
};
