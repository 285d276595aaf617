// Host routing's view of branded domains (used by middleware.ts, Prisma-free): the verified domain
// a request's host names, which workspace it serves, and where its root and unknown slugs go.
import { effectivePlan, PLANS, type BillingState } from "@/lib/billing/plans";
import { getPool } from "@/lib/db/pool";
import { getEnv } from "@/lib/env";
import { isUnavailable } from "@/lib/db/unavailable";
import { loadingCache } from "@/lib/cache/loading-cache";
import { DOMAIN_CACHE } from "@/lib/cache/cache-names";

export type ServedDomain = {
  id: string;
  hostname: string;
  workspaceId: string;
  /** root and unknown slugs go here; null shows our not-found page */
  fallbackUrl: string | null;
};

/**
 * A host some workspace has added (whatever its state): `served` is the domain serving it, or
 * null while it serves nothing (pending, failed, removed, beyond the plan). A known host is never
 * read as the app's own, so its paths can never reach another workspace's default-domain links.
 */
export type BrandedHost = { hostname: string; workspaceId: string | null; served: ServedDomain | null };

const cache = loadingCache<BrandedHost>(DOMAIN_CACHE, (host) => [host.workspaceId, host.served?.workspaceId ?? null], isUnavailable);

type HostRow = { id: string; workspaceId: string; status: string; fallbackUrl: string | null; rank: number } & BillingState;

/**
 * Unscoped by design: the host is all a visitor's request tells us. Only a verified domain is
 * served (at most one workspace holds a host verified), and only while the workspace's plan
 * counts it: with fewer domains in the plan than verified ones (after a downgrade), the oldest
 * verified are served.
 */
async function unsafeLoadBrandedHost(hostname: string): Promise<BrandedHost | null> {
  const { rows } = await getPool().query<HostRow>(
    `SELECT d."id", d."workspaceId", d."status"::text AS "status", d."fallbackUrl", w."plan", w."billingStatus", w."pastDueSince",
            (SELECT count(*) FROM "Domain" o
              WHERE o."workspaceId" = d."workspaceId" AND o."status" = 'verified' AND (o."createdAt", o."id") < (d."createdAt", d."id"))::int AS "rank"
       FROM "Domain" d JOIN "Workspace" w ON w."id" = d."workspaceId"
      WHERE d."hostname" = $1
      ORDER BY (d."status" = 'verified') DESC, d."verifiedAt"`,
    [hostname],
  );
  if (rows.length === 0) return null;
  const row = rows[0]!;
  const served = row.status === "verified" && row.rank < PLANS[effectivePlan(row)].limits.brandedDomains;
  return {
    hostname,
    workspaceId: row.status === "verified" ? row.workspaceId : null,
    served: served ? { id: row.id, hostname, workspaceId: row.workspaceId, fallbackUrl: row.fallbackUrl } : null,
  };
}

/** What a host is to us: null for a host no workspace ever added (the app's own, as far as we know). */
export function getBrandedHost(hostname: string): Promise<BrandedHost | null> {
  return cache.get(hostname, getEnv().LINK_CACHE_TTL_SECONDS * 1000, () => unsafeLoadBrandedHost(hostname));
}

export async function getServedDomain(hostname: string): Promise<ServedDomain | null> {
  return (await getBrandedHost(hostname))?.served ?? null;
}

export function invalidateServedDomain(hostname: string): void {
  cache.invalidate(hostname);
}

/** A plan change can start or stop a workspace's domains. */
export function invalidateWorkspaceDomains(workspaceId: string): void {
  cache.invalidateWorkspace(workspaceId);
}

export function clearDomainCache(): void {
  cache.clear();
}
