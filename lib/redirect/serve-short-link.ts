// The redirect hot path: slug → cached link → classify the visit → durably record the click →
// tell middleware.ts where to send the visitor. No Prisma, no session, no React here.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { planIncludes, type BillingState } from "@/lib/billing/plans";
import { classifyRequest } from "@/lib/clicks/classify";
import { createCountryLookup, resolveCountry } from "@/lib/clicks/geo";
import { clientIp } from "@/lib/http/client-ip";
import { getDailySalt } from "@/lib/clicks/salt";
import { visitorHash, visitorHashKey } from "@/lib/clicks/visitor";
import { DurableClickSink } from "@/lib/clicks/durable-sink";
import { ClickSpool } from "@/lib/clicks/spool";
import { ClickWriter, insertClicks } from "@/lib/clicks/writer";
import { getPool } from "@/lib/db/pool";
import { getEnv } from "@/lib/env";
import { QR_SCAN_PARAM } from "@/lib/urls/short-url";
import { getCachedLink, type CachedLink } from "@/lib/cache/link-cache";
import { buildDestination } from "@/lib/redirect/destination";

export type ShortLinkRequest = {
  /** "" for the app's short domain, else the branded host the request came to */
  domain: string;
  /** a branded domain serves only the links of the workspace holding it verified */
  workspaceId?: string;
  slug: string;
  method: string;
  headers: Headers;
  search: string;
};

export type ShortLinkOutcome =
  | { kind: "redirect"; location: string; clickId: string }
  | { kind: "not_found" }
  /** the link is paused: the visit was kept as a paused hit; send the visitor to the domain's fallback */
  | { kind: "paused" }
  /** past its date or its click limit: kept as an expired hit; `expiredUrl` is the link's own destination for this */
  | { kind: "expired"; expiredUrl: string | null }
  | { kind: "unavailable"; reason: string }
  /** the destination is the very host this visit came to: following it would come straight back (not counted) */
  | { kind: "loop" };

type Runtime = {
  writer: ClickWriter;
  /** the database, or the local spool while it is down */
  sink: DurableClickSink;
  lookupCountry: Promise<(ip: string | null) => string | null>;
  /** the key of visitor hashes, from a secret the database never holds */
  visitorKey: string;
};

const KEY = Symbol.for("clickproof.redirectRuntime");
const globals = globalThis as typeof globalThis & { [KEY]?: Runtime };

export function getRedirectRuntime(): Runtime {
  if (!globals[KEY]) {
    const env = getEnv();
    const pool = getPool();
    const sink = new DurableClickSink({
      insert: (rows) => insertClicks(pool, rows),
      probe: () => pool.query("SELECT 1"),
      spool: new ClickSpool(path.resolve(env.CLICK_SPOOL_DIR ?? path.join(env.DATA_DIR, "click-spool"))),
    });
    globals[KEY] = {
      writer: new ClickWriter(sink.write, env.CLICK_BATCH_WINDOW_MS),
      sink,
      lookupCountry: createCountryLookup(env.GEOIP_DB),
      visitorKey: visitorHashKey(env),
    };
  }
  return globals[KEY];
}

type LinkRow = {
  id: string;
  workspaceId: string;
  url: string;
  archived: boolean;
  paused: boolean;
  expiresAt: Date | null;
  maxClicks: number | null;
  expiredUrl: string | null;
  conversionTracking: boolean;
  clickIdParam: string;
} & BillingState;

/**
 * Unscoped by design: a short link is addressed by domain and slug alone (unique across all
 * workspaces), and the row found is what tells us the workspace.
 */
async function unsafeLoadLinkBySlug(domain: string, slug: string): Promise<CachedLink | null> {
  const { rows } = await getPool().query<LinkRow>(
    `SELECT l."id", l."workspaceId", l."url", (l."archivedAt" IS NOT NULL) AS "archived", (l."pausedAt" IS NOT NULL) AS "paused",
            l."expiresAt", l."maxClicks", l."expiredUrl",
            w."conversionTracking", w."clickIdParam", w."plan", w."billingStatus", w."pastDueSince"
       FROM "Link" l JOIN "Workspace" w ON w."id" = l."workspaceId"
      WHERE l."domain" = $1 AND l."slug" = $2`,
    [domain, slug],
  );
  const row = rows[0];
  if (!row) return null;
  // Click ids go out only where conversions can come back: tracking on, and in the plan.
  const tracking = row.conversionTracking && planIncludes(row, "conversions");
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    url: row.url,
    urlHost: hostOf(row.url),
    archived: row.archived,
    clickIdParam: tracking ? row.clickIdParam : null,
    paused: row.paused,
    expiresAt: row.expiresAt?.getTime() ?? null,
    maxClicks: row.maxClicks,
    expiredUrl: row.expiredUrl,
    expiredUrlHost: row.expiredUrl ? hostOf(row.expiredUrl) : null,
  };
}

/** host[:port] of a stored URL, lowercase (parsed once, when the link is loaded into the cache). */
function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return "";
  }
}

/** The visitor's query without our QR scan marker, and whether it was there. */
export function takeScanMarker(search: string): { search: string; scanned: boolean } {
  if (!search || search === "?") return { search: "", scanned: false };
  const params = new URLSearchParams(search);
  if (!params.has(QR_SCAN_PARAM)) return { search, scanned: false };
  params.delete(QR_SCAN_PARAM);
  const rest = params.toString();
  return { search: rest ? `?${rest}` : "", scanned: true };
}

/**
 * Whether a click-limited link may serve this visit. A person's click takes one of the link's
 * clicks atomically (two visitors cannot both take the last one); a bot takes none and is served
 * while clicks are left.
 */
async function claimLimitedClick(linkId: string, isBot: boolean): Promise<boolean> {
  const { rows } = isBot
    ? await getPool().query(`SELECT 1 FROM "Link" WHERE "id" = $1 AND "limitedClicks" < "maxClicks"`, [linkId])
    : await getPool().query(`UPDATE "Link" SET "limitedClicks" = "limitedClicks" + 1 WHERE "id" = $1 AND "limitedClicks" < "maxClicks" RETURNING 1`, [linkId]);
  return rows.length > 0;
}

async function releaseLimitedClick(linkId: string): Promise<void> {
  try {
    await getPool().query(`UPDATE "Link" SET "limitedClicks" = "limitedClicks" - 1 WHERE "id" = $1 AND "limitedClicks" > 0`, [linkId]);
  } catch (error) {
    console.error(`[redirect] click slot of ${linkId} not given back: ${String(error)}`);
  }
}

/** A visit that was not served: kept so the brand sees people still arrive. Best effort — the visitor is answered either way. */
async function recordUnserved(link: CachedLink, reason: "paused" | "expired", isBot: boolean, scanned: boolean, at: Date): Promise<void> {
  try {
    await getPool().query(
      `INSERT INTO "UnservedHit" ("id", "workspaceId", "linkId", "createdAt", "reason", "isBot", "source") VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [randomBytes(16).toString("base64url"), link.workspaceId, link.id, at, reason, isBot, scanned ? "qr" : "link"],
    );
  } catch (error) {
    console.error(`[redirect] ${reason} hit on ${link.id} not stored: ${String(error)}`);
  }
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
  // A host that moved to another workspace never serves the links its previous holder made on it.
  if (request.workspaceId !== undefined && link.workspaceId !== request.workspaceId) return { kind: "not_found" };

  const runtime = getRedirectRuntime();
  const { search, scanned } = takeScanMarker(request.search);
  const userAgent = request.headers.get("user-agent");
  const traits = classifyRequest({ method: request.method, userAgent, referer: request.headers.get("referer") });
  const now = new Date();

  // A chain that comes back to us (a link to this server's own address, on a host the creation
  // check could not know) stops at the first hop that would send the visitor to where it is now.
  const arrivedOn = request.headers.get("host")?.toLowerCase() ?? "";
  if (link.paused) {
    await recordUnserved(link, "paused", traits.isBot, scanned, now);
    return { kind: "paused" };
  }
  let claimed = false;
  try {
    const pastTime = link.expiresAt !== null && now.getTime() >= link.expiresAt;
    if (!pastTime && link.maxClicks !== null) claimed = await claimLimitedClick(link.id, traits.isBot);
    const expired = pastTime || (link.maxClicks !== null && !claimed);
    if (expired) {
      if (link.expiredUrlHost === arrivedOn) return { kind: "loop" };
      await recordUnserved(link, "expired", traits.isBot, scanned, now);
      return { kind: "expired", expiredUrl: link.expiredUrl };
    }
  } catch (error) {
    return { kind: "unavailable", reason: `click limit not checked: ${String(error)}` };
  }

  if (link.urlHost === arrivedOn) {
    if (claimed && !traits.isBot) await releaseLimitedClick(link.id);
    console.warn(`[redirect] ${request.domain || "(default domain)"}/${request.slug} points back to ${arrivedOn}: not followed`);
    return { kind: "loop" };
  }
  const ip = clientIp(request.headers, env.TRUST_PROXY);
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
      visitorHash: visitorHash(ip, userAgent, salt, runtime.visitorKey),
      source: scanned ? "qr" : "link",
    });
  } catch (error) {
    // The click could be made durable neither in the database nor in the local spool:
    // answering would lose it. A click slot it took is given back.
    if (claimed && !traits.isBot) await releaseLimitedClick(link.id);
    return { kind: "unavailable", reason: `click not stored: ${String(error)}` };
  }
  const clickParam = link.clickIdParam ? { name: link.clickIdParam, value: clickId } : undefined;
  return { kind: "redirect", location: buildDestination(link.url, search, clickParam), clickId };
}
