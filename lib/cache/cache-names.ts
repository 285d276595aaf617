// The names of the shared caches, as the invalidation bus carries them: the caches themselves
// (lib/cache/link-cache.ts, lib/domains/serving.ts) and processes that only announce changes
// (`npm run plan`) use the same words. Free of Prisma and "server-only".
export const LINK_CACHE = "linkCache";
export const DOMAIN_CACHE = "domainCache";

/** What a workspace's plan change invalidates: its links (click ids follow the plan) and its branded domains. */
export const planChangeInvalidations = (workspaceId: string) => [
  { cache: LINK_CACHE, workspaceId },
  { cache: DOMAIN_CACHE, workspaceId },
];
