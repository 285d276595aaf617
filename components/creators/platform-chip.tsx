import type { Platform } from "@prisma/client";
import { platformLabel } from "@/lib/creators/platforms";
import { formatInteger } from "@/lib/format";

// Muted brand-ish tints so a row of chips can be told apart at a glance.
const TINTS: Record<Platform, string> = {
  instagram: "bg-pink-50 text-pink-800 ring-pink-200",
  tiktok: "bg-slate-100 text-slate-800 ring-slate-300",
  youtube: "bg-red-50 text-red-800 ring-red-200",
  x: "bg-gray-100 text-gray-800 ring-gray-300",
  linkedin: "bg-sky-50 text-sky-800 ring-sky-200",
  twitch: "bg-violet-50 text-violet-800 ring-violet-200",
  blog: "bg-amber-50 text-amber-800 ring-amber-200",
  other: "bg-gray-50 text-gray-700 ring-gray-200",
};

export function PlatformChip({ platform, handle, followers }: { platform: Platform; handle: string; followers: number }) {
  return (
    <span
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs ring-1 ring-inset ${TINTS[platform]}`}
      data-platform={platform}
      title={`${platformLabel(platform)}: @${handle}, ${formatInteger(followers)} followers`}
    >
      <span className="font-semibold">{platformLabel(platform)}</span>
      <span>@{handle}</span>
      <span className="font-medium tabular-nums">{formatInteger(followers)}</span>
    </span>
  );
}
