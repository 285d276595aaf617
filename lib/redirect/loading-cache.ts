// An in-process cache of values loaded from the database, shared (via globalThis) by middleware.ts
// and the App Router, which Next.js bundles separately but runs in one process. Concurrent misses
// share one load; absent values are remembered briefly; an invalidation wins over a load that
// started before it. The link cache and the branded-domain cache are two instances.
type Entry<T> = { value: T | null; expiresAt: number };
type Inflight<T> = { promise: Promise<T | null>; generation: number };
type CacheState<T> = { entries: Map<string, Entry<T>>; inflight: Map<string, Inflight<T>>; generations: Map<string, number> };

const MAX_ENTRIES = 50_000;
/** Unknown keys are remembered briefly, so a flood of random paths does not reach the database. */
export const NEGATIVE_TTL_MS = 5_000;

export type LoadingCache<T> = {
  get(key: string, ttlMs: number, load: () => Promise<T | null>, now?: () => number): Promise<T | null>;
  invalidate(key: string): void;
  /** Forgets every entry whose value matches, and every load in flight (their values are not known yet). */
  invalidateWhere(matches: (value: T) => boolean): void;
  clear(): void;
};

export function loadingCache<T>(name: string): LoadingCache<T> {
  const key = Symbol.for(`clickproof.${name}`);
  const globals = globalThis as typeof globalThis & { [k: symbol]: CacheState<T> | undefined };
  const state = (): CacheState<T> => (globals[key] ??= { entries: new Map(), inflight: new Map(), generations: new Map() });
  const bump = (s: CacheState<T>, k: string) => s.generations.set(k, (s.generations.get(k) ?? 0) + 1);

  return {
    async get(k, ttlMs, load, now = Date.now) {
      const s = state();
      const hit = s.entries.get(k);
      if (hit && hit.expiresAt > now()) return hit.value;
      const pending = s.inflight.get(k);
      if (pending) return pending.promise;
      // A load that started before an edit may read the old row: it answers its own callers but
      // is not cached if the key was invalidated meanwhile (the generation moved on).
      const generation = s.generations.get(k) ?? 0;
      const promise = load()
        .then((value) => {
          if ((s.generations.get(k) ?? 0) === generation) {
            if (s.entries.size >= MAX_ENTRIES) s.entries.delete(s.entries.keys().next().value ?? "");
            s.entries.set(k, { value, expiresAt: now() + (value ? ttlMs : Math.min(ttlMs, NEGATIVE_TTL_MS)) });
          }
          return value;
        })
        .finally(() => {
          if (s.inflight.get(k)?.promise === promise) s.inflight.delete(k);
        });
      s.inflight.set(k, { promise, generation });
      return promise;
    },
    invalidate(k) {
      const s = state();
      s.entries.delete(k);
      s.inflight.delete(k); // later readers start a fresh load that sees the edit
      bump(s, k);
    },
    invalidateWhere(matches) {
      const s = state();
      for (const [k, entry] of s.entries) {
        if (entry.value === null || !matches(entry.value)) continue;
        s.entries.delete(k);
        bump(s, k);
      }
      for (const k of s.inflight.keys()) bump(s, k);
      s.inflight.clear();
    },
    clear() {
      const s = state();
      s.entries.clear();
      s.inflight.clear();
    },
  };
}
