import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Invalidation } from "@/lib/cache/invalidation-bus";
import { applyInvalidation, clearAllCaches, setInvalidationBus } from "@/lib/cache/loading-cache";
import { clearLinkCache, getCachedLink, invalidateLink, invalidateWorkspaceLinks, type CachedLink } from "@/lib/cache/link-cache";

const link: CachedLink = { id: "l1", workspaceId: "w1", url: "https://example.com", urlHost: "example.com", archived: false, clickIdParam: null, paused: false, expiresAt: null, maxClicks: null, expiredUrl: null, expiredUrlHost: null };

describe("link cache", () => {
  beforeEach(() => clearLinkCache());

  it("loads once and serves from memory until the TTL passes", async () => {
    let now = 1_000;
    const load = vi.fn(async () => link);
    expect(await getCachedLink("", "a", 60_000, load, () => now)).toEqual(link);
    now += 59_000;
    expect(await getCachedLink("", "a", 60_000, load, () => now)).toEqual(link);
    expect(load).toHaveBeenCalledTimes(1);
    now += 2_000;
    await getCachedLink("", "a", 60_000, load, () => now);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("shares one lookup between concurrent misses", async () => {
    let release: (value: CachedLink) => void = () => undefined;
    const load = vi.fn(() => new Promise<CachedLink>((resolve) => (release = resolve)));
    const pending = Promise.all([getCachedLink("", "b", 60_000, load), getCachedLink("", "b", 60_000, load), getCachedLink("", "b", 60_000, load)]);
    release(link);
    expect(await pending).toEqual([link, link, link]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("remembers unknown slugs only briefly, and invalidation forgets them at once", async () => {
    let now = 0;
    const load = vi.fn(async (): Promise<CachedLink | null> => null);
    await getCachedLink("", "c", 60_000, load, () => now);
    now += 4_000;
    await getCachedLink("", "c", 60_000, load, () => now);
    expect(load).toHaveBeenCalledTimes(1);
    now += 2_000; // past the 5 s negative TTL though well within the 60 s one
    await getCachedLink("", "c", 60_000, load, () => now);
    expect(load).toHaveBeenCalledTimes(2);
    invalidateLink("", "c");
    await getCachedLink("", "c", 60_000, load, () => now);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it("does not cache what a lookup read before an edit invalidated the link", async () => {
    const stale: CachedLink = { ...link, url: "https://old.example.com" };
    const fresh: CachedLink = { ...link, url: "https://new.example.com" };
    let release: (value: CachedLink) => void = () => undefined;
    const slowLoad = vi.fn(() => new Promise<CachedLink>((resolve) => (release = resolve)));
    const racing = getCachedLink("", "f", 60_000, slowLoad);
    invalidateLink("", "f"); // the edit commits while the old row is being read
    release(stale);
    expect(await racing).toEqual(stale); // its own caller may see the old row…
    const load = vi.fn(async () => fresh);
    expect(await getCachedLink("", "f", 60_000, load)).toEqual(fresh); // …but nobody after the edit does
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("keeps domains apart", async () => {
    const load = vi.fn(async (): Promise<CachedLink> => link);
    await getCachedLink("", "d", 60_000, load);
    await getCachedLink("go.brand.com", "d", 60_000, load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("does not cache a failed lookup", async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error("db down")).mockResolvedValueOnce(link);
    await expect(getCachedLink("", "e", 60_000, load)).rejects.toThrow("db down");
    expect(await getCachedLink("", "e", 60_000, load)).toEqual(link);
  });
});

describe("invalidateWorkspaceLinks", () => {
  beforeEach(() => clearLinkCache());

  it("forgets that workspace's links only", async () => {
    const other: CachedLink = { ...link, id: "l2", workspaceId: "w2" };
    const load = vi.fn(async (l: CachedLink) => l);
    await getCachedLink("", "a", 60_000, () => load(link));
    await getCachedLink("", "b", 60_000, () => load(other));
    invalidateWorkspaceLinks("w1");
    await getCachedLink("", "a", 60_000, () => load(link));
    await getCachedLink("", "b", 60_000, () => load(other));
    expect(load.mock.calls.map(([l]) => l.id)).toEqual(["l1", "l2", "l1"]);
  });

  it("a lookup in flight during the invalidation is not cached", async () => {
    let release: (l: CachedLink) => void = () => {};
    const first = getCachedLink("", "a", 60_000, () => new Promise<CachedLink>((resolve) => (release = resolve)));
    invalidateWorkspaceLinks("w1");
    release(link);
    await first;
    const reload = vi.fn(async () => ({ ...link, clickIdParam: "ref" }));
    expect(await getCachedLink("", "a", 60_000, reload)).toMatchObject({ clickIdParam: "ref" });
    expect(reload).toHaveBeenCalledTimes(1);
  });
});

describe("invalidations shared with other instances", () => {
  const published: Invalidation[] = [];
  beforeEach(() => {
    clearLinkCache();
    published.length = 0;
    setInvalidationBus({ publish: (m) => published.push(m), ready: Promise.resolve(), close: async () => undefined });
  });
  afterEach(() => setInvalidationBus(undefined));

  it("publishes what this instance forgets", () => {
    invalidateLink("go.brand.com", "maya");
    invalidateWorkspaceLinks("w1");
    expect(published).toEqual([
      { cache: "linkCache", key: "go.brand.com/maya" },
      { cache: "linkCache", workspaceId: "w1" },
    ]);
  });

  it("applies what another instance published, without publishing it again", async () => {
    const other: CachedLink = { ...link, id: "l2", workspaceId: "w2" };
    const third: CachedLink = { ...link, id: "l3", workspaceId: "w3" };
    const load = vi.fn(async (l: CachedLink) => l);
    await getCachedLink("", "a", 60_000, () => load(link));
    await getCachedLink("", "b", 60_000, () => load(other));
    await getCachedLink("go.brand.com", "c", 60_000, () => load(third));
    applyInvalidation({ cache: "linkCache", key: "/a" });
    applyInvalidation({ cache: "linkCache", workspaceId: "w2" });
    applyInvalidation({ cache: "someOtherCache", key: "go.brand.com/c" }); // not this cache's: c stays cached
    for (const [domain, slug, l] of [["", "a", link], ["", "b", other], ["go.brand.com", "c", third]] as const) await getCachedLink(domain, slug, 60_000, () => load(l));
    expect(load.mock.calls.map(([l]) => l.id)).toEqual(["l1", "l2", "l3", "l1", "l2"]);
    expect(published).toEqual([]);
  });

  it("forgets everything, loads in flight included, when the bus was down", async () => {
    const load = vi.fn(async () => link);
    await getCachedLink("", "a", 60_000, load);
    let release: (l: CachedLink) => void = () => {};
    const inflight = getCachedLink("", "b", 60_000, () => new Promise<CachedLink>((resolve) => (release = resolve)));
    clearAllCaches();
    release(link);
    await inflight;
    await getCachedLink("", "a", 60_000, load);
    await getCachedLink("", "b", 60_000, load);
    expect(load).toHaveBeenCalledTimes(3);
  });
});

describe("while the database is away", () => {
  beforeEach(() => clearLinkCache());
  const down = () => Promise.reject(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }));

  it("an expired link keeps answering, for up to an hour past its TTL", async () => {
    let now = 0;
    await getCachedLink("", "s", 60_000, async () => link, () => now);
    now = 61_000;
    expect(await getCachedLink("", "s", 60_000, down, () => now)).toEqual(link);
    now = 60_000 + 3_600_000 + 1;
    await expect(getCachedLink("", "s", 60_000, down, () => now)).rejects.toThrow("ECONNREFUSED");
  });

  it("not for errors about the query, and never once invalidated", async () => {
    let now = 0;
    await getCachedLink("", "t", 60_000, async () => link, () => now);
    now = 61_000;
    await expect(getCachedLink("", "t", 60_000, () => Promise.reject(Object.assign(new Error("syntax"), { code: "42601" })), () => now)).rejects.toThrow("syntax");
    await getCachedLink("", "u", 60_000, async () => link, () => now);
    invalidateLink("", "u");
    now += 61_000;
    await expect(getCachedLink("", "u", 60_000, down, () => now)).rejects.toThrow("ECONNREFUSED");
  });
});
