// Counting unique visitors without storing who they are: the IP address only ever enters a
// salted hash, and the raw address is never returned or persisted.
import { createHash } from "node:crypto";

/**
 * Hex SHA-256 of `salt + "\n" + ip + "\n" + userAgent`; a missing IP or user agent counts as
 * the empty string. The salt is the caller's: rotating it (e.g. per day) makes hashes from
 * different periods unlinkable, and keeping it secret stops anyone from re-deriving the IP
 * by hashing all 2^32 IPv4 addresses.
 */
export function visitorHash(ip: string | null, userAgent: string | null, salt: string): string {
  return createHash("sha256")
    .update(`${salt}\n${ip ?? ""}\n${userAgent ?? ""}`)
    .digest("hex");
}

/** Calendar day of `date` in UTC as "YYYY-MM-DD" (the bucket daily stats are kept in). */
export function utcDay(date: Date): string {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError("utcDay: invalid date");
  // toISOString always starts with YYYY-MM-DD for years 0000–9999, which covers every click.
  return date.toISOString().slice(0, 10);
}
