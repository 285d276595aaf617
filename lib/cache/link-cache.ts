// The in-process cache of resolved short links. Every write to a link calls invalidateLink, so an
// edit is served at once by this process, and by the other instances as soon as the invalidation
// bus brings it (LINK_CACHE_TTL_SECONDS bounds it when the bus is down).
import { isUnavailable } from "@/lib/db/unavailable";
import { loadingCache } from "@/lib/cache/loading-cache";
import { LINK_CACHE } from "@/lib/cache/cache-names";

export type CachedLink = {
  id: string;
  workspaceId: string;
  url: string;
  /** the destination's host[:port], lowercase (the redirect compares it with the host a visit came to) */
  urlHost: string;
  archived: boolean;
  /** the query parameter the click id is appended under; null when conversion tracking is off */
  clickIdParam: string | null;
  /** paused: visitors go to the domain's fallback and are kept as paused hits */
  paused: boolean;
  /** epoch ms after which the link is expired; null for never */
  expiresAt: number | null;
  /** human clicks the link serves before it expires; null for no limit */
  maxClicks: number | null;
  /** where visitors of an expired link go (else the domain's fallback) */
  expiredUrl: string | null;
  expiredUrlHost: string | null;
};

// While the database is away an expired link keeps redirecting (its clicks go to the spool).
const cache = loadingCache<CachedLink>(LINK_CACHE, (link) => [link.workspaceId], isUnavailable);
const cacheKey = (domain: string, slug: string) => `${domain}/${slug}`;

export function getCachedLink(
  domain: string,
  slug: string,
  ttlMs: number,
  load: () => Promise<CachedLink | null>,
  now: () => number = Date.now,
): Promise<CachedLink | null> {
  return cache.get(cacheKey(domain, slug), ttlMs, load, now);
}

export function invalidateLink(domain: string, slug: string): void {
  cache.invalidate(cacheKey(domain, slug));
}

/** Forgets every cached link of a workspace (its settings shape every redirect, e.g. the click id parameter). */
export function invalidateWorkspaceLinks(workspaceId: string): void {
  cache.invalidateWorkspace(workspaceId);
}

export function clearLinkCache(): void {
  cache.clear();
}
