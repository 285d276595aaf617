// The seed's slug convention for per-creator links (product.md):
//   creator-name                 a creator's first partnership
//   campaign-creator-name        once the creator already has links
// Collisions are resolved the same way every time: the first free of creator-name,
// campaign-creator-name, campaign-creator-name-2, -3, …
import { isReservedSlug } from "@/lib/links/reserved";
import { SLUG_MAX } from "@/lib/links/schema";

/** Keeps `prefix-name` within the slug limit by shortening the prefix first. */
function joinWithin(prefix: string, name: string, room: number): string {
  const whole = `${prefix}-${name}`;
  if (whole.length <= room) return whole;
  const prefixRoom = Math.max(0, room - name.length - 1);
  const cut = prefix.slice(0, prefixRoom).replace(/-+$/, "");
  return cut ? `${cut}-${name}` : name.slice(0, room).replace(/-+$/, "");
}

export function slugCandidates(creatorSlug: string, campaignSlug: string, creatorHasLinks: boolean, count = 20): string[] {
  const combined = joinWithin(campaignSlug, creatorSlug, SLUG_MAX - 4); // room for "-999"
  const first = creatorHasLinks ? [combined] : [creatorSlug.slice(0, SLUG_MAX), combined];
  const numbered = Array.from({ length: count }, (_, i) => `${combined}-${i + 2}`);
  return [...new Set([...first, ...numbered])].filter((slug) => slug && !isReservedSlug(slug));
}

/** The first candidate not taken. */
export function chooseLinkSlug(creatorSlug: string, campaignSlug: string, creatorHasLinks: boolean, taken: ReadonlySet<string>): string | null {
  return slugCandidates(creatorSlug, campaignSlug, creatorHasLinks).find((slug) => !taken.has(slug)) ?? null;
}
