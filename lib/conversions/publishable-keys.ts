// Publishable keys: what /cp.js sends conversions with from a brand's own pages. Public by
// nature (they sit in page source), so they can only *add* conversions, only from the hostnames
// the brand allowed, and are stored hashed like API keys (shown once).
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { requireFeature } from "@/lib/billing/gates";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

export const PUBLISHABLE_KEY_PREFIX = "pk_";

const HOSTNAME = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export const publishableKeyInputSchema = z.object({
  allowedHostnames: z
    .string({ error: "List the hostnames of your shop, e.g. shop.example.com" })
    .transform((text) => [...new Set(text.split(/[\s,]+/).map((h) => h.trim().toLowerCase()).filter(Boolean))])
    .pipe(
      z
        .array(z.string().max(253).regex(HOSTNAME, "Hostnames only, e.g. shop.example.com or *.example.com (no https://, paths or ports)"))
        .min(1, "List at least one hostname, e.g. shop.example.com")
        .max(20, "At most 20 hostnames"),
    ),
});

const hash = (key: string) => createHash("sha256").update(key).digest("hex");

export async function createPublishableKey(workspaceId: string, rawInput: unknown) {
  const { allowedHostnames } = parseInput(publishableKeyInputSchema, rawInput);
  await requireFeature(workspaceId, "conversions");
  const key = PUBLISHABLE_KEY_PREFIX + randomBytes(18).toString("base64url");
  const record = await getDb().publishableKey.create({
    data: { workspaceId, prefix: key.slice(0, PUBLISHABLE_KEY_PREFIX.length + 6), hashedKey: hash(key), allowedHostnames },
    select: { id: true, prefix: true, allowedHostnames: true },
  });
  return { ...record, key };
}

export function listPublishableKeys(workspaceId: string) {
  return getDb().publishableKey.findMany({
    where: { workspaceId },
    orderBy: { createdAt: "desc" },
    select: { id: true, prefix: true, allowedHostnames: true, createdAt: true, revokedAt: true },
  });
}

export async function revokePublishableKey(workspaceId: string, keyId: string) {
  const { count } = await getDb().publishableKey.updateMany({ where: { id: keyId, workspaceId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw notFound("Key not found");
}

/** Unscoped by design: the key is what names the workspace. Revoked keys are not found. */
export async function unsafeFindPublishableKey(key: string) {
  if (!key.startsWith(PUBLISHABLE_KEY_PREFIX)) return null;
  return getDb().publishableKey.findFirst({ where: { hashedKey: hash(key), revokedAt: null }, select: { id: true, workspaceId: true, allowedHostnames: true } });
}

/** Whether a page on `hostname` may use a key allowing these hostnames ("*.x.com" covers subdomains). */
export function hostnameAllowed(hostname: string, allowed: readonly string[]): boolean {
  const host = hostname.toLowerCase();
  return allowed.some((entry) => (entry.startsWith("*.") ? host.endsWith(entry.slice(1)) && host.length > entry.length - 1 : host === entry));
}
