// API rate limits: each key (or signed-in user, per workspace) gets its plan's requests per
// minute (lib/billing/plans.ts apiRequestsPerMinute), in fixed one-minute windows. Counted in
// process by default; with REDIS_URL, in Redis, so every app instance spends the same budget. If
// Redis stops answering, each instance falls back to counting in process (an outage of Redis
// must not become an outage of the API).
import "server-only";
import Redis from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

export type RateLimitState = { limit: number; remaining: number; resetSeconds: number; windowSeconds: number };

export type ApiRateLimiter = {
  /**
   * Spends one request of `subject`'s budget; refuses with 429 (rate_limited) when it is spent.
   * `whose` ends the refusal's sentence ("… per minute for <whose>").
   */
  consume(subject: string, perWindow: number, whose?: string): Promise<RateLimitState>;
  close(): Promise<void>;
};

export function createApiRateLimiter(options: { redisUrl?: string; windowSeconds?: number; keyPrefix?: string; /** tests: this budget whatever the plan */ points?: number } = {}): ApiRateLimiter {
  const windowSeconds = options.windowSeconds ?? 60;
  const keyPrefix = options.keyPrefix ?? "api";
  // ioredis recommends no offline queue for rate limiting: a command fails at once when Redis is
  // away, and the limiter's insurance (in process) answers instead.
  const redis = options.redisUrl ? new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 }) : null;
  redis?.on("error", () => {}); // reported through the insurance limiter's fallback, not as unhandled events
  // The first requests wait (up to 2 s) for the connection rather than all falling back at start-up.
  let connecting: Promise<void> | null = redis
    ? new Promise<void>((resolve) => {
        redis.once("ready", () => resolve());
        setTimeout(resolve, 2_000).unref();
      })
    : null;
  const limiters = new Map<number, RateLimiterAbstract>();

  const limiterFor = (points: number): RateLimiterAbstract => {
    let limiter = limiters.get(points);
    if (!limiter) {
      const base = { keyPrefix: `${keyPrefix}:${points}`, points, duration: windowSeconds };
      limiter = redis
        ? new RateLimiterRedis({ ...base, storeClient: redis, insuranceLimiter: new RateLimiterMemory(base) })
        : new RateLimiterMemory(base);
      limiters.set(points, limiter);
    }
    return limiter;
  };

  const state = (res: RateLimiterRes, limit: number): RateLimitState => ({
    limit,
    remaining: Math.max(0, res.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
    windowSeconds,
  });

  return {
    async consume(subject, planLimit, whose = "this key on your plan") {
      const perWindow = options.points ?? planLimit;
      if (connecting) await connecting.then(() => (connecting = null));
      try {
        return state(await limiterFor(perWindow).consume(subject), perWindow);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        const refused = state(error, perWindow);
        throw new AppError(
          "rate_limited",
          `Rate limit reached: ${perWindow} requests per ${windowSeconds === 60 ? "minute" : `${windowSeconds} s`} for ${whose}. Retry in ${refused.resetSeconds} s.`,
          { retryAfterSeconds: refused.resetSeconds, rateLimit: refused },
        );
      }
    },
    async close() {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

const KEY = Symbol.for("clickproof.apiRateLimiter");
const globals = globalThis as typeof globalThis & { [KEY]?: ApiRateLimiter };

/** The app's limiter: Redis when REDIS_URL is set, else in process. */
export function apiRateLimiter(): ApiRateLimiter {
  return (globals[KEY] ??= createApiRateLimiter({ redisUrl: getEnv().REDIS_URL }));
}

/** Tests: use this limiter (e.g. a one-second window) instead of the app's. */
export function setApiRateLimiterForTests(limiter: ApiRateLimiter | undefined): void {
  globals[KEY] = limiter;
}

/** The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers), on every answer to a known key. */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    "RateLimit-Limit": String(state.limit),
    "RateLimit-Remaining": String(state.remaining),
    "RateLimit-Reset": String(state.resetSeconds),
    "RateLimit-Policy": `${state.limit};w=${state.windowSeconds}`,
  };
}
