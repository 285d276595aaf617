// The redirect hot path: slug → cached link → classify the visit → durably record the click →
// tell middleware.ts where to send the visitor. No Prisma, no session, no React here.
import { randomBytes } from "node:crypto";
import { planIncludes, type BillingState } from "@/lib/billing/plans";
import { classifyRequest } from "@/lib/clicks/classify";
import { clientIp, createCountryLookup, resolveCountry } from "@/lib/clicks/geo";
import { getDailySalt } from "@/lib/clicks/salt";
import { visitorHash } from "@/lib/clicks/visitor";
import { ClickWriter, insertClicks } from "@/lib/clicks/writer";
import { getPool } from "@/lib/db/pool";
import { getEnv } from "@/lib/env";
import { getCachedLink, type CachedLink } from "@/lib/redirect/link-cache";
import { buildDestination } from "@/lib/redirect/destination";

export type ShortLinkRequest = {
  domain: string;
  slug: string;
  method: string;
  headers: Headers;
  search: string;
};

export type ShortLinkOutcome =
  | { kind: "redirect"; location: string; clickId: string }
  | { kind: "not_found" }
  | { kind: "unavailable"; reason: string };

type Runtime = {
  writer: ClickWriter;
  lookupCountry: Promise<(ip: string | null) => string | null>;
};

const KEY = Symbol.for("clickproof.redirectRuntime");
const globals = globalThis as typeof globalThis & { [KEY]?: Runtime };

export function getRedirectRuntime(): Runtime {
  if (!globals[KEY]) {
    const env = getEnv();
    const pool = getPool();
    globals[KEY] = {
      writer: new ClickWriter((rows) => insertClicks(pool, rows), env.CLICK_BATCH_WINDOW_MS),
      lookupCountry: createCountryLookup(env.GEOIP_DB),
    };
  }
  return globals[KEY];
}

/**
 * Unscoped by design: a short link is addressed by domain and slug alone (unique across all
 * workspaces), and the row found is what tells us the workspace.
 */
async function unsafeLoadLinkBySlug(domain: string, slug: string): Promise<CachedLink | null> {
  const { rows } = await getPool().query<Omit<CachedLink, "clickIdParam"> & BillingState & { conversionTracking: boolean; clickIdParam: string }>(
    `SELECT l."id", l."workspaceId", l."url", (l."archivedAt" IS NOT NULL) AS "archived",
            w."conversionTracking", w."clickIdParam", w."plan", w."billingStatus", w."pastDueSince"
       FROM "Link" l JOIN "Workspace" w ON w."id" = l."workspaceId"
      WHERE l."domain" = $1 AND l."slug" = $2`,
    [domain, slug],
  );
  const row = rows[0];
  if (!row) return null;
  // Click ids go out only where conversions can come back: tracking on, and in the plan.
  const tracking = row.conversionTracking && planIncludes(row, "conversions");
  return { id: row.id, workspaceId: row.workspaceId, url: row.url, archived: row.archived, clickIdParam: tracking ? row.clickIdParam : null };
}

export async function serveShortLink(request: ShortLinkRequest): Promise<ShortLinkOutcome> {
  const env = getEnv();
  let link: CachedLink | null;
  try {
    link = await getCachedLink(request.domain, request.slug, env.LINK_CACHE_TTL_SECONDS * 1000, () =>
      unsafeLoadLinkBySlug(request.domain, request.slug),
    );
  } catch (error) {
    return { kind: "unavailable", reason: `link lookup failed: ${String(error)}` };
  }
  if (!link || link.archived) return { kind: "not_found" };

  const runtime = getRedirectRuntime();
  const userAgent = request.headers.get("user-agent");
  const traits = classifyRequest({ method: request.method, userAgent, referer: request.headers.get("referer") });
  const ip = clientIp(request.headers, env.TRUST_PROXY);
  const now = new Date();
  const clickId = randomBytes(16).toString("base64url");
  try {
    const [lookup, salt] = await Promise.all([runtime.lookupCountry, getDailySalt(getPool(), now)]);
    await runtime.writer.record({
      id: clickId,
      workspaceId: link.workspaceId,
      linkId: link.id,
      createdAt: now,
      country: resolveCountry(request.headers, ip, lookup),
      device: traits.device,
      browser: traits.browser,
      os: traits.os,
      referrer: traits.referrer,
      isBot: traits.isBot,
      visitorHash: visitorHash(ip, userAgent, salt),
    });
  } catch (error) {
    // The click could not be made durable: answering would lose it. (A local spool for this
    // case is tracked in the hardening issue.)
    return { kind: "unavailable", reason: `click not stored: ${String(error)}` };
  }
  const clickParam = link.clickIdParam ? { name: link.clickIdParam, value: clickId } : undefined;
  return { kind: "redirect", location: buildDestination(link.url, request.search, clickParam), clickId };
}
