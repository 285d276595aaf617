// Counting unique visitors without storing who they are: the IP address only ever enters a
// keyed hash, and the raw address is never returned or persisted.
import { createHmac, randomBytes } from "node:crypto";

/**
 * Hex HMAC-SHA256, under `key`, of `salt + "\n" + ip + "\n" + userAgent`; a missing IP or user
 * agent counts as the empty string. The salt is the day's (lib/clicks/salt.ts): rotating it makes
 * hashes from different days unlinkable. It lives in the database, beside the hashes, so on its
 * own it would let a dump be reversed by hashing all 2^32 IPv4 addresses; the key never does
 * (visitorHashKey), so a dump alone reveals nothing.
 */
export function visitorHash(ip: string | null, userAgent: string | null, salt: string, key: string): string {
  return createHmac("sha256", key)
    .update(`${salt}\n${ip ?? ""}\n${userAgent ?? ""}`)
    .digest("hex");
}

let processKey: string | undefined;

/**
 * The key visitor hashes are made with: VISITOR_HASH_SECRET, else AUTH_SECRET (which every app
 * instance of a deployment shares, and which scripts/run-app.ts always sets) — never anything the
 * database holds. With neither, a random key for this process, so that the promise still holds
 * (unique counts would then differ between instances; the warning says so).
 */
export function visitorHashKey(env: { VISITOR_HASH_SECRET?: string; AUTH_SECRET?: string }): string {
  const secret = env.VISITOR_HASH_SECRET || env.AUTH_SECRET;
  if (secret) return createHmac("sha256", secret).update("clickproof visitor hash v1").digest("hex");
  if (!processKey) {
    processKey = randomBytes(32).toString("hex");
    console.warn("[clicks] neither VISITOR_HASH_SECRET nor AUTH_SECRET is set: visitor hashes use a key of this process only");
  }
  return processKey;
}

/** Calendar day of `date` in UTC as "YYYY-MM-DD" (the bucket daily stats are kept in). */
export function utcDay(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError("utcDay: invalid date");
  // toISOString always starts with YYYY-MM-DD for years 0000–9999, which covers every click.
  return date.toISOString().slice(0, 10);
}
