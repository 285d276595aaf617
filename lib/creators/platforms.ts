import type { Platform } from "@prisma/client";

/** Every platform a creator can post on, in the order pickers show them. */
export const PLATFORMS: readonly { value: Platform; label: string }[] = [
  { value: "instagram", label: "Instagram" },
  { value: "tiktok", label: "TikTok" },
  { value: "youtube", label: "YouTube" },
  { value: "x", label: "X" },
  { value: "linkedin", label: "LinkedIn" },
  { value: "twitch", label: "Twitch" },
  { value: "blog", label: "Blog / newsletter" },
  { value: "other", label: "Other" },
];

export const PLATFORM_VALUES = PLATFORMS.map((p) => p.value) as [Platform, ...Platform[]];

export function platformLabel(platform: Platform): string {
  return PLATFORMS.find((p) => p.value === platform)?.label ?? platform;
}

// What people write in a spreadsheet's platform column, lowercased with spaces and punctuation
// removed: the enum values, the labels above and the usual other names.
const ALIASES: Record<string, Platform> = {
  ...Object.fromEntries(PLATFORMS.map((p) => [p.value, p.value])),
  ig: "instagram",
  insta: "instagram",
  tt: "tiktok",
  yt: "youtube",
  twitter: "x",
  xtwitter: "x",
  twitterx: "x",
  blog: "blog",
  newsletter: "blog",
  blognewsletter: "blog",
  substack: "blog",
  other: "other",
};

/** "Instagram", "TikTok", "Twitter", "Blog / newsletter", "x" … → the enum value; null when unknown. */
export function parsePlatform(text: string): Platform | null {
  const key = text.toLowerCase().replace(/[^a-z]/g, "");
  return Object.hasOwn(ALIASES, key) ? (ALIASES[key] ?? null) : null;
}
