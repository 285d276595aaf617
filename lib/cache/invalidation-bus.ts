// Cache invalidations shared by every app instance. Each instance caches links and branded hosts
// in process (lib/cache/loading-cache.ts); an edit forgets the entry at once where it was made
// and publishes the invalidation here, so the other instances forget theirs within milliseconds
// instead of at the end of LINK_CACHE_TTL_SECONDS. The transport is Redis pub/sub when REDIS_URL
// is set, else PostgreSQL LISTEN/NOTIFY on the database every instance shares.
//
// Nothing may be missed silently:
// - a message that cannot be sent (Redis or the database away) waits in a bounded outbox and is
//   retried; past the bound, the waiting messages become one "clear everything";
// - an instance whose subscription was lost clears all its caches once it listens again
//   (what was published meanwhile never reached it).
// The TTL bounds staleness while either side is down. Kept free of Prisma and "server-only":
// middleware.ts uses it.
import { randomUUID } from "node:crypto";
import Redis from "ioredis";
import pg from "pg";

export type Invalidation = { cache: string; key: string } | { cache: string; workspaceId: string };
type Item = Invalidation | { clearAll: true };
type Wire = { from: string; items: unknown[] };

export const CHANNEL = "clickproof_cache";
const MAX_RETRY_MS = 10_000;
/** NOTIFY payloads must stay under 8000 bytes; a bulk edit's invalidations go in several. */
const MAX_PAYLOAD = 7_000;
/** Payloads kept while the transport is away; beyond this they collapse into one "clear everything". */
const MAX_OUTBOX = 200;
const OUTBOX_RETRY_MS = 1_000;

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
  /** Invalidations may have been missed (a lost subscription, a sender's overflow): forget everything. */
  onMissed: () => void;
  log?: (line: string) => void;
};

function parse(payload: string, self: string): Item[] {
  try {
    const wire = JSON.parse(payload) as Wire;
    if (wire.from === self || !Array.isArray(wire.items)) return [];
    return wire.items.flatMap((item): Item[] => {
      const { cache, key, workspaceId, clearAll } = (item ?? {}) as Record<string, unknown>;
      if (clearAll === true) return [{ clearAll: true }];
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
function payloads(from: string, items: Item[]): string[] {
  const out: string[] = [];
  let batch: string[] = [];
  let size = 0;
  const head = Buffer.byteLength(JSON.stringify({ from, items: [] }));
  const emit = () => out.push(`{"from":${JSON.stringify(from)},"items":[${batch.join(",")}]}`);
  for (const item of items) {
    const text = JSON.stringify(item);
    const bytes = Buffer.byteLength(text) + 1;
    if (batch.length > 0 && head + size + bytes > MAX_PAYLOAD) {
      emit();
      batch = [];
      size = 0;
    }
    batch.push(text);
    size += bytes;
  }
  if (batch.length > 0) emit();
  return out;
}

type Transport = {
  /** Resolves true once sent, false when the transport is away (the caller keeps the payload). */
  send(payload: string): Promise<boolean>;
  ready: Promise<void>;
  close(): Promise<void>;
};

export function createInvalidationBus(options: Options): InvalidationBus {
  const self = randomUUID();
  const log = options.log ?? ((line: string) => console.error(`[cache-bus] ${line}`));
  const receive = (payload: string) => {
    for (const item of parse(payload, self)) {
      if ("clearAll" in item) options.onMissed();
      else options.onMessage(item);
    }
  };
  const transport = options.redisUrl
    ? redisTransport(options.redisUrl, receive, options.onMissed, log)
    : postgresTransport(options.databaseUrl, receive, options.onMissed, log);

  let pending: Item[] = []; // this tick's messages
  let outbox: string[] = []; // payloads waiting for the transport
  let retry: NodeJS.Timeout | null = null;
  let sending = false;
  let closed = false;

  const drain = async () => {
    if (sending) return;
    sending = true;
    try {
      while (outbox.length > 0 && (await transport.send(outbox[0]!))) outbox.shift();
    } finally {
      sending = false;
    }
    if (outbox.length > 0 && !retry && !closed) {
      retry = setTimeout(() => {
        retry = null;
        void drain();
      }, OUTBOX_RETRY_MS);
      retry.unref();
    }
  };
  const flush = () => {
    const items = pending;
    pending = [];
    outbox.push(...payloads(self, items));
    if (outbox.length > MAX_OUTBOX) {
      log(`${outbox.length} invalidations could not be sent; the other instances will clear their caches instead`);
      outbox = payloads(self, [{ clearAll: true }]);
    }
    void drain();
  };
  return {
    publish(message) {
      if (pending.push(message) === 1) setImmediate(flush);
    },
    ready: transport.ready,
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      if (pending.length > 0) flush();
      await transport.close();
    },
  };
}

/**
 * Sends invalidations once, for a process that caches nothing itself (`npm run plan`): over Redis
 * when REDIS_URL is set, else NOTIFY on the database — where the instances listen. Throws when
 * the transport cannot be reached; the instances' TTL then bounds how long they serve the old state.
 */
export async function publishInvalidations(items: Invalidation[], target: { redisUrl?: string; databaseUrl?: string }): Promise<void> {
  const messages = payloads(randomUUID(), items);
  if (target.redisUrl) {
    const redis = new Redis(target.redisUrl, { enableOfflineQueue: true, maxRetriesPerRequest: 1, lazyConnect: true, retryStrategy: () => null });
    redis.on("error", () => {});
    try {
      await redis.connect();
      for (const message of messages) await redis.publish(CHANNEL, message);
    } finally {
      redis.disconnect();
    }
    return;
  }
  const client = new pg.Client({ connectionString: target.databaseUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    for (const message of messages) await client.query("SELECT pg_notify($1, $2)", [CHANNEL, message]);
  } finally {
    await client.end();
  }
}

function redisTransport(url: string, receive: (payload: string) => void, onMissed: () => void, log: (line: string) => void): Transport {
  const retryStrategy = (attempt: number) => Math.min(attempt * 250, MAX_RETRY_MS);
  // A publish fails at once while Redis is away (the outbox keeps it); the subscriber's commands
  // wait for the connection however long it takes, so a boot without Redis still subscribes.
  const publisher = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy });
  const subscriber = new Redis(url, { retryStrategy, maxRetriesPerRequest: null, autoResubscribe: false });
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
  // After a reconnect: subscribe, and only then clear (a message between the two would be lost).
  subscriber.on("ready", () => {
    if (!lost || closed) return;
    lost = false;
    subscriber.subscribe(CHANNEL).then(
      () => {
        log("subscription back; caches cleared");
        onMissed();
      },
      (error: Error) => log(`could not subscribe again: ${error.message}`),
    );
  });
  const ready = subscriber.subscribe(CHANNEL).then(
    () => undefined,
    (error: Error) => log(`could not subscribe: ${error.message}`),
  );
  return {
    send: (payload) => publisher.publish(CHANNEL, payload).then(
      () => true,
      () => false,
    ),
    ready,
    async close() {
      closed = true;
      await Promise.all([publisher.quit().catch(() => publisher.disconnect()), subscriber.quit().catch(() => subscriber.disconnect())]);
    },
  };
}

function postgresTransport(url: string | undefined, receive: (payload: string) => void, onMissed: () => void, log: (line: string) => void): Transport {
  // NOTIFY goes through a one-connection pool of its own: it reconnects by itself, and never
  // takes a slot of the app's pool from redirects and pages.
  const publisher = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 60_000 });
  publisher.on("error", () => {});
  let client: pg.Client | null = null; // the listening connection, once listening
  let current: pg.Client | null = null; // the listening connection being made or in use
  let closed = false;
  let attempt = 0;
  let timer: NodeJS.Timeout | null = null;
  // why the listening connection went, told only if getting it back fails: a process stopping
  // with its database (npm run dev's Ctrl-C) or a blip that heals at once says nothing alarming
  let unreported: string | null = null;
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
      if (unreported) log(`subscription lost (${unreported}); retrying, caches expire by TTL meanwhile`);
      unreported = null;
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
      log(unreported ? `subscription dropped (${unreported}) and back; caches cleared` : "subscription back; caches cleared");
      unreported = null;
      onMissed();
    }
    attempt = 0;
    markReady();
  };

  const lose = (which: pg.Client, reason: string) => {
    if (closed || timer || which !== current) return; // closing, already retrying, or an old connection's late event
    if (client) unreported = reason;
    client = null;
    current = null;
    attempt += 1;
    timer = setTimeout(() => void connect(), Math.min(attempt * 250, MAX_RETRY_MS));
    timer.unref();
  };

  void connect();
  return {
    send: (payload) => publisher.query("SELECT pg_notify($1, $2)", [CHANNEL, payload]).then(
      () => true,
      () => false,
    ),
    ready,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      await Promise.all([client?.end().catch(() => undefined), publisher.end().catch(() => undefined)]);
      client = null;
    },
  };
}
