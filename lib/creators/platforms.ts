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
