// Attempt limits for sign-in, sign-up, sign-in e-mails and password changes. Counted in process by
// default; with REDIS_URL, in Redis, so an attacker cannot multiply the budget by the number of app
// instances behind the load balancer. If Redis stops answering, each instance counts in process
// (the insurance limiter): an outage of Redis must not lock everyone out, nor open the door.
//
// Sign-in counts failures per account+IP (stops guessing one account), per IP (stops spraying
// many accounts) and per account from anywhere (an attacker who rotates or forges addresses);
// a success clears the account+IP counter. The per-account budget is larger, so a stranger
// cannot lock a user out as quickly as they could guess. Sign-in e-mails are limited per address
// and per recipient (no mail-bombing one inbox from many addresses).
import "server-only";
import Redis from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

const BUDGETS = {
  signInAccount: { points: 5, duration: 15 * 60 },
  signInAnywhere: { points: 20, duration: 15 * 60 },
  signInIp: { points: 30, duration: 15 * 60 },
  signUpIp: { points: 10, duration: 60 * 60 },
  magicLinkIp: { points: 10, duration: 60 * 60 },
  magicLinkAccount: { points: 5, duration: 60 * 60 },
} as const;
type LimiterName = keyof typeof BUDGETS;

export type AuthLimiters = Record<LimiterName, RateLimiterAbstract> & {
  /** settles once Redis is connected (or after 2 s), so the first attempts after a start count in Redis too */
  ready: Promise<void>;
  close(): Promise<void>;
};

export function createAuthLimiters(options: { redisUrl?: string; keyPrefix?: string; signUpsPerIpPerHour?: number } = {}): AuthLimiters {
  const prefix = options.keyPrefix ?? "auth";
  // As for the API's limits: no offline queue, so a command fails at once while Redis is away and
  // the insurance limiter answers.
  const redis = options.redisUrl ? new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000 }) : null;
  redis?.on("error", () => {}); // answered by the insurance limiter, not unhandled events
  const make = (name: LimiterName): RateLimiterAbstract => {
    const points = name === "signUpIp" ? (options.signUpsPerIpPerHour ?? BUDGETS.signUpIp.points) : BUDGETS[name].points;
    const base = { keyPrefix: `${prefix}:${name}`, points, duration: BUDGETS[name].duration };
    return redis ? new RateLimiterRedis({ ...base, storeClient: redis, insuranceLimiter: new RateLimiterMemory(base) }) : new RateLimiterMemory(base);
  };
  const limiters = Object.fromEntries((Object.keys(BUDGETS) as LimiterName[]).map((name) => [name, make(name)])) as Record<LimiterName, RateLimiterAbstract>;
  const ready = redis
    ? new Promise<void>((resolve) => {
        redis.once("ready", () => resolve());
        setTimeout(resolve, 2_000).unref();
      })
    : Promise.resolve();
  return {
    ...limiters,
    ready,
    async close() {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

const KEY = Symbol.for("clickproof.authLimiters");
const globals = globalThis as typeof globalThis & { [KEY]?: AuthLimiters };

function limiters(): AuthLimiters {
  return (globals[KEY] ??= createAuthLimiters({ redisUrl: getEnv().REDIS_URL, signUpsPerIpPerHour: getEnv().SIGNUPS_PER_IP_PER_HOUR }));
}

async function readyLimiters(): Promise<AuthLimiters> {
  const current = limiters();
  await current.ready;
  return current;
}

/** Tests: use these limiters (e.g. two instances sharing one Redis) instead of the app's. */
export function setAuthLimitersForTests(replacement: AuthLimiters | undefined): void {
  globals[KEY] = replacement;
}

function minutes(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
}

function tooMany(what: string, res: RateLimiterRes): AppError {
  return new AppError("rate_limited", `Too many ${what}. Try again in ${minutes(res)} minute${minutes(res) === 1 ? "" : "s"}.`, {
    retryAfterSeconds: Math.ceil(res.msBeforeNext / 1000),
  });
}

/** Spends one point of each budget at once; refuses when any is spent. */
async function consumeAll(what: string, spends: [RateLimiterAbstract, string][]): Promise<void> {
  try {
    await Promise.all(spends.map(([limiter, key]) => limiter.consume(key)));
  } catch (error) {
    if (error instanceof RateLimiterRes) throw tooMany(what, error);
    throw error;
  }
}

/**
 * Spends one sign-in attempt for this account and address, before the password is checked, so
 * parallel guesses cannot all slip past a read-only check. Refuses when any budget is spent.
 * A password change spends the same budgets: a stolen session must not become a way to guess the
 * current password without limit.
 */
export async function consumeSignInAttempt(email: string, ip: string): Promise<void> {
  const { signInAccount, signInAnywhere, signInIp } = await readyLimiters();
  return consumeAll("sign-in attempts", [
    [signInAccount, `${email}|${ip}`],
    [signInAnywhere, email],
    [signInIp, ip],
  ]);
}

/** A correct password gives the attempt back and clears this account's failures from this address. */
export async function recordSignInSuccess(email: string, ip: string): Promise<void> {
  const { signInAccount, signInAnywhere, signInIp } = await readyLimiters();
  await Promise.all([signInAccount.delete(`${email}|${ip}`), signInAnywhere.reward(email, 1), signInIp.reward(ip, 1)]);
}

export async function consumeSignUpAttempt(ip: string): Promise<void> {
  return consumeAll("sign-ups from this address", [[(await readyLimiters()).signUpIp, ip]]);
}

/** One sign-in e-mail: per requesting address, and per recipient whoever asks. */
export async function consumeMagicLinkAttempt(ip: string, email?: string): Promise<void> {
  const { magicLinkIp, magicLinkAccount } = await readyLimiters();
  return consumeAll("sign-in e-mails", email ? [[magicLinkIp, ip], [magicLinkAccount, email]] : [[magicLinkIp, ip]]);
}
