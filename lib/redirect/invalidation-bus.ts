// Cache invalidations shared by every app instance. Each instance caches links and branded hosts
// in process (lib/redirect/loading-cache.ts); an edit forgets the entry at once where it was made
// and publishes the invalidation here, so the other instances forget theirs within milliseconds
// instead of at the end of LINK_CACHE_TTL_SECONDS. The transport is Redis pub/sub when REDIS_URL
// is set, else PostgreSQL LISTEN/NOTIFY on the database every instance shares. A lost connection
// is retried; on reconnecting, every cache is cleared (invalidations may have been missed), and
// the TTL bounds staleness meanwhile. Kept free of Prisma and "server-only": middleware.ts uses it.
import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import pg from "pg";

export type Invalidation = { cache: string; key: string } | { cache: string; workspaceId: string };
type Wire = { from: string; items: unknown[] };

export const CHANNEL = "clickproof_cache";
const MAX_RETRY_MS = 10_000;
/** NOTIFY payloads must stay under 8000 bytes; a bulk edit's invalidations go in several. */
const MAX_PAYLOAD = 7_000;

export type InvalidationBus = {
  /** Sends to every other instance (this one has applied it already). Never throws. */
  publish(message: Invalidation): void;
  /** Resolves once the first subscription is in place (or failed: the TTL then bounds staleness). */
  ready: Promise<void>;
  close(): Promise<void>;
};

type Options = {
  redisUrl?: string;
  databaseUrl?: string;
  onMessage: (message: Invalidation) => void;
  /** after a lost subscription is back: messages may have been missed meanwhile */
  onReconnect: () => void;
  log?: (line: string) => void;
};

function parse(payload: string, self: string): Invalidation[] {
  try {
    const wire = JSON.parse(payload) as Wire;
    if (wire.from === self || !Array.isArray(wire.items)) return [];
    return wire.items.flatMap((item): Invalidation[] => {
      const { cache, key, workspaceId } = (item ?? {}) as Record<string, unknown>;
      if (typeof cache !== "string") return [];
      if (typeof key === "string") return [{ cache, key }];
      if (typeof workspaceId === "string") return [{ cache, workspaceId }];
      return [];
    });
  } catch {
    return []; // not ours
  }
}

/** The messages of one tick in as few payloads as fit (10,000 created links: about 70, not 10,000 messages). */
function payloads(from: string, items: Invalidation[]): string[] {
  const out: string[] = [];
  let batch: string[] = [];
  let size = 0;
  const head = Buffer.byteLength(JSON.stringify({ from, items: [] }));
  for (const item of items) {
    const text = JSON.stringify(item);
    const bytes = Buffer.byteLength(text) + 1;
    if (batch.length > 0 && head + size + bytes > MAX_PAYLOAD) {
      out.push(`{"from":${JSON.stringify(from)},"items":[${batch.join(",")}]}`);
      batch = [];
      size = 0;
    }
    batch.push(text);
    size += bytes;
  }
  if (batch.length > 0) out.push(`{"from":${JSON.stringify(from)},"items":[${batch.join(",")}]}`);
  return out;
}

export function createInvalidationBus(options: Options): InvalidationBus {
  const self = randomUUID();
  const log = options.log ?? ((line: string) => console.error(`[cache-bus] ${line}`));
  const receive = (payload: string) => {
    for (const message of parse(payload, self)) options.onMessage(message);
  };
  const transport = options.redisUrl ? redisBus(options.redisUrl, receive, options.onReconnect, log) : postgresBus(options.databaseUrl, receive, options.onReconnect, log);
  // Messages of one tick leave together.
  let pending: Invalidation[] = [];
  const flush = () => {
    const items = pending;
    pending = [];
    for (const payload of payloads(self, items)) transport.send(payload);
  };
  return {
    publish(message) {
      if (pending.push(message) === 1) setImmediate(flush);
    },
    ready: transport.ready,
    async close() {
      if (pending.length > 0) flush();
      await transport.close();
    },
  };
}

type Transport = { send(payload: string): void; ready: Promise<void>; close(): Promise<void> };

function redisBus(url: string, receive: (payload: string) => void, onReconnect: () => void, log: (line: string) => void): Transport {
  const retryStrategy = (attempt: number) => Math.min(attempt * 250, MAX_RETRY_MS);
  // Publishing never waits for a Redis that is away: the message is dropped (the TTL covers it).
  const publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy, lazyConnect: false });
  const subscriber = new Redis(url, { retryStrategy });
  let lost = false;
  let closed = false;
  publisher.on("error", () => {});
  subscriber.on("error", (error: Error) => {
    if (!lost && !closed) log(`subscription lost (${error.message}); retrying, caches expire by TTL meanwhile`);
    lost = true;
  });
  subscriber.on("close", () => {
    if (!closed) lost = true;
  });
  subscriber.on("message", (_channel: string, payload: string) => receive(payload));
  // ioredis subscribes again by itself after a reconnect; what was published meanwhile is gone.
  subscriber.on("ready", () => {
    if (!lost) return;
    lost = false;
    log("subscription back; caches cleared");
    onReconnect();
  });
  const ready = subscriber.subscribe(CHANNEL).then(
    () => undefined,
    (error: Error) => log(`could not subscribe: ${error.message}`),
  );
  return {
    send(payload) {
      publisher.publish(CHANNEL, payload).catch(() => undefined);
    },
    ready,
    async close() {
      closed = true;
      await Promise.all([publisher.quit().catch(() => publisher.disconnect()), subscriber.quit().catch(() => subscriber.disconnect())]);
    },
  };
}

function postgresBus(url: string | undefined, receive: (payload: string) => void, onReconnect: () => void, log: (line: string) => void): Transport {
  let client: pg.Client | null = null; // connected and listening
  let current: pg.Client | null = null; // the connection being made or in use
  let closed = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | null = null;
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const connect = async (): Promise<void> => {
    timer = null;
    if (closed) return;
    const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    current = next;
    next.on("notification", (n) => {
      if (n.channel === CHANNEL && n.payload) receive(n.payload);
    });
    next.on("error", () => lose(next, "connection error"));
    next.on("end", () => lose(next, "connection closed"));
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      next.end().catch(() => undefined);
      lose(next, error instanceof Error ? error.message : String(error));
      markReady();
      return;
    }
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    if (attempt > 0) {
      log("subscription back; caches cleared");
      onReconnect();
    }
    attempt = 0;
    markReady();
  };

  const lose = (which: pg.Client, reason: string) => {
    if (closed || timer || which !== current) return; // closing, already retrying, or an old connection's late event
    if (client) log(`subscription lost (${reason}); retrying, caches expire by TTL meanwhile`);
    client = null;
    current = null;
    attempt += 1;
    timer = setTimeout(() => void connect(), Math.min(attempt * 250, MAX_RETRY_MS));
    timer.unref();
  };

  void connect();
  return {
    send(payload) {
      // NOTIFY from the listening connection: no pool slot taken from redirects and pages.
      client?.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]).catch(() => undefined);
    },
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
