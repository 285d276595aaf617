// The in-process cache of resolved short links, shared (via globalThis) by middleware.ts and the
// App Router, which Next.js bundles separately but runs in one process. Every write to a link
// calls invalidateLink, so an edit is served at once by this process; other processes see it
// when their entry expires (LINK_CACHE_TTL_SECONDS).
export type CachedLink = {
  id: string;
  workspaceId: string;
  url: string;
  archived: boolean;
  /** the query parameter the click id is appended under; null when conversion tracking is off */
  clickIdParam: string | null;
};

type Entry = { link: CachedLink | null; expiresAt: number };
type Inflight = { promise: Promise<CachedLink | null>; generation: number };
type CacheState = { entries: Map<string, Entry>; inflight: Map<string, Inflight>; generations: Map<string, number> };

const KEY = Symbol.for("clickproof.linkCache");
const MAX_ENTRIES = 50_000;
/** Unknown slugs are remembered briefly, so a flood of random paths does not reach the database. */
const NEGATIVE_TTL_MS = 5_000;

const globals = globalThis as typeof globalThis & { [KEY]?: CacheState };

function state(): CacheState {
  return (globals[KEY] ??= { entries: new Map(), inflight: new Map(), generations: new Map() });
}

const cacheKey = (domain: string, slug: string) => `${domain}/${slug}`;

export async function getCachedLink(
  domain: string,
  slug: string,
  ttlMs: number,
  load: () => Promise<CachedLink | null>,
  now: () => number = Date.now,
): Promise<CachedLink | null> {
  const { entries, inflight, generations } = state();
  const key = cacheKey(domain, slug);
  const hit = entries.get(key);
  if (hit && hit.expiresAt > now()) return hit.link;

  // Concurrent misses for one slug share one database lookup.
  const pending = inflight.get(key);
  if (pending) return pending.promise;
  // A lookup that started before an edit may read the old row: it answers its own callers but
  // is not cached if the link was invalidated meanwhile (the generation moved on).
  const generation = generations.get(key) ?? 0;
  const promise = load()
    .then((link) => {
      if ((generations.get(key) ?? 0) === generation) {
        if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value ?? "");
        entries.set(key, { link, expiresAt: now() + (link ? ttlMs : Math.min(ttlMs, NEGATIVE_TTL_MS)) });
      }
      return link;
    })
    .finally(() => {
      if (inflight.get(key)?.promise === promise) inflight.delete(key);
    });
  inflight.set(key, { promise, generation });
  return promise;
}

export function invalidateLink(domain: string, slug: string): void {
  const { entries, inflight, generations } = state();
  const key = cacheKey(domain, slug);
  entries.delete(key);
  inflight.delete(key); // later readers start a fresh lookup that sees the edit
  generations.set(key, (generations.get(key) ?? 0) + 1);
}

/** Forgets every cached link of a workspace (its settings shape every redirect, e.g. the click id parameter). */
export function invalidateWorkspaceLinks(workspaceId: string): void {
  const { entries, inflight, generations } = state();
  const bump = (key: string) => generations.set(key, (generations.get(key) ?? 0) + 1);
  for (const [key, entry] of entries) {
    if (entry.link?.workspaceId !== workspaceId) continue;
    entries.delete(key);
    bump(key);
  }
  // Lookups in flight do not say their workspace yet: none of them may be cached.
  for (const key of inflight.keys()) bump(key);
  inflight.clear();
}

export function clearLinkCache(): void {
  const { entries, inflight } = state();
  entries.clear();
  inflight.clear();
}
