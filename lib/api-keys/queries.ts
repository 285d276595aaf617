import "server-only";
import { requireFeature } from "@/lib/billing/gates";
import { getDb } from "@/lib/db";
import { invalidField, notFound } from "@/lib/errors";
import { grantableScopes, SCOPES } from "@/lib/api-keys/scopes";
import { createApiKeySchema } from "@/lib/api-keys/schema";
import { displayPrefix, generateApiKey, hashApiKey } from "@/lib/api-keys/token";
import { parseInput } from "@/lib/validation";

const LAST_USED_PRECISION_MS = 60_000;

export function listApiKeys(workspaceId: string) {
  return getDb().apiKey.findMany({
    where: { workspaceId },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: { id: true, name: true, prefix: true, scopes: true, lastUsedAt: true, revokedAt: true, createdAt: true, createdBy: { select: { email: true } } },
  });
}

/**
 * Creates a key with the scopes asked for, each within what the creator's current role allows,
 * and returns it in full — the only time it exists outside its hash.
 */
export async function createApiKey(workspaceId: string, userId: string, rawInput: unknown) {
  const { name, scopes } = parseInput(createApiKeySchema, rawInput);
  await requireFeature(workspaceId, "api");
  const db = getDb();
  const membership = await db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { role: true } });
  if (!membership) throw notFound("Workspace not found");
  const allowed = new Set(grantableScopes(membership.role));
  const beyond = scopes.filter((scope) => !allowed.has(scope));
  if (beyond.length > 0) {
    throw invalidField("scopes", `A ${membership.role} cannot give a key ${beyond.join(", ")}: ${beyond.map((s) => SCOPES[s].label.toLowerCase()).join("; ")}`);
  }
  const key = generateApiKey();
  const record = await db.apiKey.create({
    data: { workspaceId, createdById: userId, name, scopes, prefix: displayPrefix(key), hashedKey: hashApiKey(key) },
    select: { id: true, name: true, prefix: true, scopes: true },
  });
  return { ...record, key };
}

export async function revokeApiKey(workspaceId: string, keyId: string) {
  const { count } = await getDb().apiKey.updateMany({
    where: { id: keyId, workspaceId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw notFound("API key not found");
}

/**
 * The live key matching a presented secret, unscoped by design: the key is what tells us the
 * workspace. Updates lastUsedAt at most once a minute so busy keys do not write on every call.
 */
export async function unsafeFindApiKeyBySecret(secret: string) {
  const db = getDb();
  const key = await db.apiKey.findUnique({
    where: { hashedKey: hashApiKey(secret) },
    select: { id: true, workspaceId: true, revokedAt: true, lastUsedAt: true, createdById: true, scopes: true },
  });
  if (!key || key.revokedAt) return null;
  const now = Date.now();
  if (!key.lastUsedAt || now - key.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date(now) } });
  }
  return key;
}
