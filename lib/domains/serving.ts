// Host routing's view of branded domains (used by middleware.ts, Prisma-free): the verified domain
// a request's host names, which workspace it serves, and where its root and unknown slugs go.
import { effectivePlan, PLANS, type BillingState } from "@/lib/billing/plans";
import { getPool } from "@/lib/db/pool";
import { getEnv } from "@/lib/env";
import { loadingCache } from "@/lib/redirect/loading-cache";

export type ServedDomain = {
  id: string;
  hostname: string;
  workspaceId: string;
  /** root and unknown slugs go here; null shows our not-found page */
  fallbackUrl: string | null;
};

const cache = loadingCache<ServedDomain>("domainCache");

/**
 * Unscoped by design: the host is all a visitor's request tells us. Only a verified domain is
 * served (at most one workspace holds a host verified), and only while the workspace's plan
 * counts it: with fewer domains in the plan than it has (after a downgrade), the oldest are served.
 */
async function unsafeLoadServedDomain(hostname: string): Promise<ServedDomain | null> {
  const { rows } = await getPool().query<{ id: string; workspaceId: string; fallbackUrl: string | null; rank: number } & BillingState>(
    `SELECT d."id", d."workspaceId", d."fallbackUrl", w."plan", w."billingStatus", w."pastDueSince",
            (SELECT count(*) FROM "Domain" o WHERE o."workspaceId" = d."workspaceId" AND (o."createdAt", o."id") < (d."createdAt", d."id"))::int AS "rank"
       FROM "Domain" d JOIN "Workspace" w ON w."id" = d."workspaceId"
      WHERE d."hostname" = $1 AND d."status" = 'verified'
      ORDER BY d."verifiedAt" LIMIT 1`,
    [hostname],
  );
  const row = rows[0];
  if (!row || row.rank >= PLANS[effectivePlan(row)].limits.brandedDomains) return null;
  return { id: row.id, hostname, workspaceId: row.workspaceId, fallbackUrl: row.fallbackUrl };
}

export function getServedDomain(hostname: string): Promise<ServedDomain | null> {
  return cache.get(hostname, getEnv().LINK_CACHE_TTL_SECONDS * 1000, () => unsafeLoadServedDomain(hostname));
}

export function invalidateServedDomain(hostname: string): void {
  cache.invalidate(hostname);
}

/** A plan change can start or stop a workspace's domains. */
export function invalidateWorkspaceDomains(workspaceId: string): void {
  cache.invalidateWhere((domain) => domain.workspaceId === workspaceId);
}

export function clearDomainCache(): void {
  cache.clear();
}
