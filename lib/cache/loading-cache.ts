// An in-process cache of values loaded from the database, shared (via globalThis) by middleware.ts
// and the App Router, which Next.js bundles separately but runs in one process. Concurrent misses
// share one load; absent values are remembered briefly; an invalidation wins over a load that
// started before it. The link cache and the branded-domain cache are two instances. Invalidations
// go to the other app instances too, through the bus started at boot (lib/cache/invalidation-bus.ts).
import type { Invalidation, InvalidationBus } from "@/lib/cache/invalidation-bus";

type Entry<T> = { value: T | null; expiresAt: number };
/** A load in progress; `stale` once the key was invalidated meanwhile (its answer may predate the edit). */
type Inflight<T> = { promise: Promise<T | null>; stale: boolean };
type CacheState<T> = { entries: Map<string, Entry<T>>; inflight: Map<string, Inflight<T>> };

const MAX_ENTRIES = 50_000;
/** Unknown keys are remembered briefly, so a flood of random paths does not reach the database. */
export const NEGATIVE_TTL_MS = 5_000;
/** How long past its TTL an entry may still answer while the database cannot be reached. */
export const STALE_IF_ERROR_MS = 3_600_000;

export type LoadingCache<T> = {
  get(key: string, ttlMs: number, load: () => Promise<T | null>, now?: () => number): Promise<T | null>;
  /** Forgets one key, here and in every other instance. */
  invalidate(key: string): void;
  /** Forgets every entry of a workspace, and every load in flight (their values are not known yet), here and in every other instance. */
  invalidateWorkspace(workspaceId: string): void;
  clear(): void;
};

type Local = { invalidate(key: string): void; invalidateWorkspace(workspaceId: string): void; clear(): void };

const REGISTRY = Symbol.for("clickproof.cacheRegistry");
const BUS = Symbol.for("clickproof.invalidationBus");
const globals = globalThis as typeof globalThis & { [REGISTRY]?: Map<string, Local>; [BUS]?: InvalidationBus; [k: symbol]: unknown };
const registry = () => (globals[REGISTRY] ??= new Map());

/** The bus this process publishes its invalidations on (set once at boot; none in unit tests). */
export function setInvalidationBus(bus: InvalidationBus | undefined): void {
  globals[BUS] = bus;
}

/** An invalidation another instance published: applied to this process's cache of that name. */
export function applyInvalidation(message: Invalidation): void {
  const cache = registry().get(message.cache);
  if (!cache) return; // nothing of that kind cached in this process
  if ("key" in message) cache.invalidate(message.key);
  else cache.invalidateWorkspace(message.workspaceId);
}

/** Forgets everything (after the bus was down: invalidations may have been missed). */
export function clearAllCaches(): void {
  for (const cache of registry().values()) cache.clear();
}

/**
 * `workspacesOf`: the workspaces an entry belongs to, for invalidateWorkspace. `staleIfError`:
 * errors of a reload for which the expired entry keeps answering (up to STALE_IF_ERROR_MS past
 * its TTL) — the database being away must not turn every cached link into an error once its TTL
 * passes. An invalidated entry is gone, never served stale.
 */
export function loadingCache<T>(name: string, workspacesOf: (value: T) => (string | null)[], staleIfError: (error: unknown) => boolean = () => false): LoadingCache<T> {
  const key = Symbol.for(`clickproof.${name}`);
  const state = (): CacheState<T> => {
    const existing = globals[key] as CacheState<T> | undefined;
    if (existing) return existing;
    const created: CacheState<T> = { entries: new Map(), inflight: new Map() };
    globals[key] = created;
    return created;
  };
  const forgetLoad = (s: CacheState<T>, k: string) => {
    const load = s.inflight.get(k);
    if (load) load.stale = true; // answers its own callers, is not cached
    s.inflight.delete(k); // later readers start a fresh load that sees the edit
  };
  const local: Local = {
    invalidate(k) {
      const s = state();
      s.entries.delete(k);
      forgetLoad(s, k);
    },
    invalidateWorkspace(workspaceId) {
      const s = state();
      for (const [k, entry] of s.entries) {
        if (entry.value !== null && workspacesOf(entry.value).includes(workspaceId)) s.entries.delete(k);
      }
      for (const k of [...s.inflight.keys()]) forgetLoad(s, k); // their values are not known yet
    },
    clear() {
      const s = state();
      s.entries.clear();
      for (const k of [...s.inflight.keys()]) forgetLoad(s, k);
    },
  };
  registry().set(name, local);

  return {
    async get(k, ttlMs, load, now = Date.now) {
      const s = state();
      const hit = s.entries.get(k);
      if (hit && hit.expiresAt > now()) return hit.value;
      const pending = s.inflight.get(k);
      if (pending) return pending.promise;
      // A load that started before an edit may read the old row: it answers its own callers but
      // is not cached if the key was invalidated meanwhile (marked stale).
      const record: Inflight<T> = { promise: Promise.resolve(null), stale: false };
      record.promise = load()
        .then((value) => {
          if (!record.stale) {
            if (s.entries.size >= MAX_ENTRIES) s.entries.delete(s.entries.keys().next().value ?? "");
            s.entries.set(k, { value, expiresAt: now() + (value ? ttlMs : Math.min(ttlMs, NEGATIVE_TTL_MS)) });
          }
          return value;
        })
        .catch((error: unknown) => {
          const current = s.entries.get(k);
          if (current && current === hit && staleIfError(error) && now() - current.expiresAt < STALE_IF_ERROR_MS) return current.value;
          throw error;
        })
        .finally(() => {
          if (s.inflight.get(k) === record) s.inflight.delete(k);
        });
      s.inflight.set(k, record);
      return record.promise;
    },
    invalidate(k) {
      local.invalidate(k);
      globals[BUS]?.publish({ cache: name, key: k });
    },
    invalidateWorkspace(workspaceId) {
      local.invalidateWorkspace(workspaceId);
      globals[BUS]?.publish({ cache: name, workspaceId });
    },
    clear: local.clear,
  };
}
