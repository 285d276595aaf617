// Secrets handed out in links (invitations, creator pages) and keys. They carry 192 bits of
// randomness, so a fast SHA-256 is enough to store them safely; only the hash is kept.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export function newSecretToken(prefix: string): string {
  return prefix + randomBytes(24).toString("base64url");
}

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Whether a token is the one a stored hash was made from (compared in constant time). */
export function secretTokenMatches(token: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecretToken(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}
