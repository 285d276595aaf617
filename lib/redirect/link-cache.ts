// The in-process cache of resolved short links, shared (via globalThis) by middleware.ts and the
// App Router, which Next.js bundles separately but runs in one process. Every write to a link
// calls invalidateLink, so an edit is served at once by this process; other processes see it
// when their entry expires (LINK_CACHE_TTL_SECONDS).
export type CachedLink = {
  id: string;
  workspaceId: string;
  url: string;
  archived: boolean;
};

type Entry = { link: CachedLink | null; expiresAt: number };
type CacheState = { entries: Map<string, Entry>; inflight: Map<string, Promise<CachedLink | null>> };

const KEY = Symbol.for("clickproof.linkCache");
const MAX_ENTRIES = 50_000;
/** Unknown slugs are remembered briefly, so a flood of random paths does not reach the database. */
const NEGATIVE_TTL_MS = 5_000;

const globals = globalThis as typeof globalThis & { [KEY]?: CacheState };

function state(): CacheState {
  return (globals[KEY] ??= { entries: new Map(), inflight: new Map() });
}

const cacheKey = (domain: string, slug: string) => `${domain}/${slug}`;

export async function getCachedLink(
  domain: string,
  slug: string,
  ttlMs: number,
  load: () => Promise<CachedLink | null>,
  now: () => number = Date.now,
): Promise<CachedLink | null> {
  const { entries, inflight } = state();
  const key = cacheKey(domain, slug);
  const hit = entries.get(key);
  if (hit && hit.expiresAt > now()) return hit.link;

  // Concurrent misses for one slug share one database lookup.
  const pending = inflight.get(key);
  if (pending) return pending;
  const lookup = load()
    .then((link) => {
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value ?? "");
      entries.set(key, { link, expiresAt: now() + (link ? ttlMs : Math.min(ttlMs, NEGATIVE_TTL_MS)) });
      return link;
    })
    .finally(() => inflight.delete(key));
  inflight.set(key, lookup);
  return lookup;
}

export function invalidateLink(domain: string, slug: string): void {
  state().entries.delete(cacheKey(domain, slug));
}

export function clearLinkCache(): void {
  state().entries.clear();
}
