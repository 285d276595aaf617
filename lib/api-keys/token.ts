// API key format and hashing. Keys carry 192 bits of randomness, so a fast SHA-256 is enough to
// store them safely (a slow hash protects low-entropy secrets such as passwords).
import { createHash, randomBytes } from "node:crypto";

export const API_KEY_PREFIX = "cp_";

export function generateApiKey(): string {
  return API_KEY_PREFIX + randomBytes(24).toString("base64url");
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** What the UI shows to tell keys apart: the first characters, never enough to use. */
export function displayPrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX.length + 6);
}
