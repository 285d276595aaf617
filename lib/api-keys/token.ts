// API key format and hashing (lib/secret-token.ts): only the SHA-256 of a key is stored.
import { hashSecretToken, newSecretToken } from "@/lib/secret-token";

export const API_KEY_PREFIX = "cp_";

export function generateApiKey(): string {
  return newSecretToken(API_KEY_PREFIX);
}

export const hashApiKey = hashSecretToken;

/** What the UI shows to tell keys apart: the first characters, never enough to use. */
export function displayPrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX.length + 6);
}
