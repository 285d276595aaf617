// Attempt limits for sign-in and sign-up, in process (a Redis store joins when REDIS_URL lands).
// Sign-in counts failures per account+IP (stops guessing one account), per IP (stops spraying
// many accounts) and per account from anywhere (an attacker who rotates or forges addresses);
// a success clears the account+IP counter. The per-account budget is larger, so a stranger
// cannot lock a user out as quickly as they could guess.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

type Limiters = { signInAccount: RateLimiterMemory; signInAnywhere: RateLimiterMemory; signInIp: RateLimiterMemory; signUpIp: RateLimiterMemory; magicLinkIp: RateLimiterMemory };
const KEY = Symbol.for("clickproof.authLimiters");
const globals = globalThis as typeof globalThis & { [KEY]?: Limiters };

function limiters(): Limiters {
  return (globals[KEY] ??= {
    signInAccount: new RateLimiterMemory({ keyPrefix: "signin-account", points: 5, duration: 15 * 60 }),
    signInAnywhere: new RateLimiterMemory({ keyPrefix: "signin-anywhere", points: 20, duration: 15 * 60 }),
    signInIp: new RateLimiterMemory({ keyPrefix: "signin-ip", points: 30, duration: 15 * 60 }),
    signUpIp: new RateLimiterMemory({ keyPrefix: "signup-ip", points: getEnv().SIGNUPS_PER_IP_PER_HOUR, duration: 60 * 60 }),
    magicLinkIp: new RateLimiterMemory({ keyPrefix: "magic-ip", points: 10, duration: 60 * 60 }),
  });
}

function minutes(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
}

async function consume(limiter: RateLimiterMemory, key: string, what: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new AppError("rate_limited", `Too many ${what}. Try again in ${minutes(error)} minute${minutes(error) === 1 ? "" : "s"}.`, {
        retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000),
      });
    }
    throw error;
  }
}

/**
 * Spends one sign-in attempt for this account and address, before the password is checked, so
 * parallel guesses cannot all slip past a read-only check. Refuses when any budget is spent.
 */
export async function consumeSignInAttempt(email: string, ip: string): Promise<void> {
  const { signInAccount, signInAnywhere, signInIp } = limiters();
  try {
    await Promise.all([signInAccount.consume(`${email}|${ip}`), signInAnywhere.consume(email), signInIp.consume(ip)]);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new AppError("rate_limited", `Too many sign-in attempts. Try again in ${minutes(error)} minute${minutes(error) === 1 ? "" : "s"}.`);
    }
    throw error;
  }
}

/** A correct password gives the attempt back and clears this account's failures from this address. */
export async function recordSignInSuccess(email: string, ip: string): Promise<void> {
  const { signInAccount, signInAnywhere, signInIp } = limiters();
  await Promise.all([signInAccount.delete(`${email}|${ip}`), signInAnywhere.reward(email, 1), signInIp.reward(ip, 1)]);
}

export function consumeSignUpAttempt(ip: string): Promise<void> {
  return consume(limiters().signUpIp, ip, "sign-ups from this address");
}

export function consumeMagicLinkAttempt(ip: string): Promise<void> {
  return consume(limiters().magicLinkIp, ip, "sign-in e-mails from this address");
}
