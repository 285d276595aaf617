// Branded short domains: add (within the plan's count), show the DNS records to create, verify
// through the resolver, re-check on a schedule, set a fallback URL, remove. Every query is scoped
// to the workspace; only the host-routing loader (lib/domains/serving.ts) looks a host up across
// workspaces, and it serves a host only for the one workspace holding it verified.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Domain } from "@prisma/client";
import { z } from "zod";
import { assertWithinLimit, lockWorkspace } from "@/lib/billing/gates";
import { getDb } from "@/lib/db";
import { type DnsResolver } from "@/lib/domains/dns";
import { parseHostname } from "@/lib/domains/hostname";
import { invalidateServedDomain } from "@/lib/domains/serving";
import { evaluateCheck, txtValue, verifyName, type DnsAnswers, type RoutingTargets } from "@/lib/domains/verification";
import { getEnv } from "@/lib/env";
import { AppError, invalidField, notFound } from "@/lib/errors";
import { destinationUrlSchema } from "@/lib/urls/destination";
import { isOwnHost, type ShortLinkHosts } from "@/lib/urls/short-url";
import { parseInput } from "@/lib/validation";

export const addDomainSchema = z.object({
  hostname: z.string({ error: "Enter a domain, e.g. go.yourbrand.com" }).max(300, "A domain name is at most 253 characters"),
});

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
export const domainFallbackSchema = z.object({
  fallbackUrl: z.preprocess(blankToNull, destinationUrlSchema.nullable()),
});

/** Where the brand points its domain: our CNAME target, or (for an apex) one of our addresses. */
export function routingTargets(hosts?: ShortLinkHosts): RoutingTargets {
  const env = getEnv();
  const fromHosts = hosts ? new URL(hosts.shortOrigin).hostname : null;
  const appHost = env.APP_URL ? new URL(env.APP_URL).hostname : null;
  return {
    cname: env.BRANDED_DOMAIN_CNAME ?? env.SHORT_DOMAIN ?? appHost ?? fromHosts,
    ips: (env.BRANDED_DOMAIN_IPS ?? "").split(",").map((ip) => ip.trim()).filter(Boolean),
  };
}

export type DnsRecordToCreate = { type: "TXT" | "CNAME" | "A"; name: string; value: string; purpose: string };

/** The records the settings page asks the brand to create. */
export function recordsToCreate(domain: Pick<Domain, "hostname" | "verificationToken">, targets: RoutingTargets): DnsRecordToCreate[] {
  const records: DnsRecordToCreate[] = [
    { type: "TXT", name: verifyName(domain.hostname), value: txtValue(domain.verificationToken), purpose: "proves the domain is yours" },
  ];
  if (targets.cname) records.push({ type: "CNAME", name: domain.hostname, value: targets.cname, purpose: "sends its visitors to Clickproof" });
  for (const ip of targets.ips) records.push({ type: "A", name: domain.hostname, value: ip, purpose: "for a root domain that cannot have a CNAME" });
  return records;
}

export async function listDomains(workspaceId: string): Promise<Domain[]> {
  return getDb().domain.findMany({ where: { workspaceId, status: { not: "removed" } }, orderBy: { createdAt: "asc" } });
}

/** Host names this workspace may create links on now: its verified domains. */
export async function servedHostnames(workspaceId: string): Promise<string[]> {
  const rows = await getDb().domain.findMany({ where: { workspaceId, status: "verified" }, orderBy: { createdAt: "asc" }, select: { hostname: true } });
  return rows.map((row) => row.hostname);
}

export async function getDomain(workspaceId: string, domainId: string): Promise<Domain> {
  const domain = await getDb().domain.findFirst({ where: { id: domainId, workspaceId, status: { not: "removed" } } });
  if (!domain) throw notFound("Domain not found");
  return domain;
}

/**
 * Destinations (and fallbacks) on a domain we serve would send the visitor back through us — a
 * loop, or a chain that counts one visit twice. Returns the URLs among `urls` whose host is one.
 */
export async function servedDestinations(urls: readonly string[]): Promise<Set<string>> {
  // go.brand.com. (a fully qualified name) is the same host as go.brand.com
  const hostOf = (url: string) => new URL(url).hostname.toLowerCase().replace(/\.+$/, "");
  const hosts = [...new Set(urls.map(hostOf))];
  if (hosts.length === 0) return new Set();
  const rows = await getDb().domain.findMany({ where: { hostname: { in: hosts }, status: "verified" }, select: { hostname: true } });
  const served = new Set(rows.map((row) => row.hostname));
  return new Set(urls.filter((url) => served.has(hostOf(url))));
}

export const LOOP_MESSAGE = "Destination cannot be a Clickproof short link or page (it would loop)";

/** Refuses, on its field, a URL whose host is a branded domain we serve. */
export async function assertNotServedDomain(field: string, url: string | null | undefined): Promise<void> {
  if (url && (await servedDestinations([url])).size > 0) throw invalidField(field, LOOP_MESSAGE);
}

export async function addDomain(workspaceId: string, hosts: ShortLinkHosts, rawInput: unknown): Promise<Domain> {
  const input = parseInput(addDomainSchema, rawInput);
  const parsed = parseHostname(input.hostname);
  if (!parsed.ok) throw invalidField("hostname", parsed.message);
  const { hostname } = parsed;
  if (isOwnHost(hosts, `https://${hostname}/`)) throw invalidField("hostname", "This is Clickproof's own domain; add a domain of your brand");
  return getDb().$transaction(async (tx) => {
    // Under the workspace lock, so two adds at once cannot both take the plan's last domain.
    const billing = await lockWorkspace(tx, workspaceId);
    const existing = await tx.domain.findMany({ where: { workspaceId }, select: { id: true, hostname: true, status: true } });
    const live = existing.filter((row) => row.status !== "removed");
    if (live.some((row) => row.hostname === hostname)) {
      throw new AppError("conflict", `${hostname} is already one of this workspace's domains`, [{ path: "hostname", message: "Already added" }]);
    }
    assertWithinLimit(billing, "brandedDomains", live.length);
    const fresh = { status: "pending" as const, verificationToken: randomBytes(16).toString("hex"), verifiedAt: null, failingSince: null, lastCheckedAt: null, lastError: null, routingOk: false, fallbackUrl: null };
    // Added again after a removal: the same row, verified afresh (a new token, nothing kept).
    const removed = existing.find((row) => row.hostname === hostname);
    if (removed) return tx.domain.update({ where: { id: removed.id }, data: { ...fresh, createdAt: new Date() } });
    return tx.domain.create({ data: { workspaceId, hostname, ...fresh } });
  });
}

async function lookupAll(resolver: DnsResolver, hostname: string): Promise<DnsAnswers> {
  try {
    const [txt, cname, a] = await Promise.all([
      resolver.lookup(verifyName(hostname), "TXT"),
      resolver.lookup(hostname, "CNAME"),
      resolver.lookup(hostname, "A"),
    ]);
    return { txt, cname, a };
  } catch (error) {
    return { txt: [], cname: [], a: [], error: error instanceof Error ? error.message : String(error) };
  }
}

/** Asks DNS about one domain and stores what it means (verified, still pending, failing, failed). */
export async function checkDomain(workspaceId: string, domainId: string, resolver: DnsResolver, now: Date = new Date(), hosts?: ShortLinkHosts): Promise<Domain> {
  const domain = await getDomain(workspaceId, domainId);
  const answers = await lookupAll(resolver, domain.hostname);
  const updated = await getDb().$transaction(async (tx) => {
    // One verification of a host at a time, so two workspaces cannot both end up holding it.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`domain:${domain.hostname}`}))`;
    const current = await tx.domain.findFirst({ where: { id: domainId, workspaceId, status: { not: "removed" } } });
    if (!current) throw notFound("Domain not found");
    const heldElsewhere = (await tx.domain.count({ where: { hostname: domain.hostname, status: "verified", workspaceId: { not: workspaceId } } })) > 0;
    const result = evaluateCheck(current, current.verificationToken, answers, routingTargets(hosts), now, heldElsewhere);
    return tx.domain.update({ where: { id: domainId }, data: { ...result, lastCheckedAt: now } });
  });
  invalidateServedDomain(domain.hostname);
  return updated;
}

export async function setDomainFallback(workspaceId: string, domainId: string, hosts: ShortLinkHosts, rawInput: unknown): Promise<Domain> {
  const { fallbackUrl } = parseInput(domainFallbackSchema, rawInput);
  const domain = await getDomain(workspaceId, domainId);
  if (fallbackUrl) {
    const host = new URL(fallbackUrl).hostname.toLowerCase();
    if (host === domain.hostname || isOwnHost(hosts, fallbackUrl) || (await servedDestinations([fallbackUrl])).size > 0) {
      throw invalidField("fallbackUrl", "The fallback cannot be a short domain or Clickproof itself (it would loop)");
    }
  }
  const updated = await getDb().domain.update({ where: { id: domain.id }, data: { fallbackUrl } });
  invalidateServedDomain(domain.hostname);
  return updated;
}

/**
 * Removes a domain: it stops serving (every instance at once, through the invalidation bus). Its
 * links stay, with their clicks, unserved. The row is kept as "removed" so the host is never taken
 * for the app's own: its paths cannot reach the default domain's links of another workspace.
 */
export async function removeDomain(workspaceId: string, domainId: string): Promise<void> {
  const domain = await getDomain(workspaceId, domainId);
  await getDb().domain.update({ where: { id: domain.id }, data: { status: "removed", verifiedAt: null, failingSince: null } });
  invalidateServedDomain(domain.hostname);
}

/** Pending domains are re-checked often for a week (DNS takes a while); verified ones a few times a day. */
export const RECHECK_PENDING_MS = 10 * 60_000;
export const RECHECK_VERIFIED_MS = 6 * 3_600_000;
const PENDING_FOR_MS = 7 * 86_400_000;

/** Re-checks the domains that are due (at most `limit` per run, oldest check first); returns how many were checked. Run by the scheduler (lib/domains/scheduler.ts). */
export async function recheckDueDomains(resolver: DnsResolver, now: Date = new Date(), limit = 50): Promise<number> {
  const due = await getDb().domain.findMany({
    where: {
      OR: [
        { status: "pending", createdAt: { gt: new Date(now.getTime() - PENDING_FOR_MS) }, OR: [{ lastCheckedAt: null }, { lastCheckedAt: { lte: new Date(now.getTime() - RECHECK_PENDING_MS) } }] },
        // failed ones too, so a record put back brings the domain back without a click
        { status: { in: ["verified", "failed"] }, OR: [{ lastCheckedAt: null }, { lastCheckedAt: { lte: new Date(now.getTime() - RECHECK_VERIFIED_MS) } }] },
      ],
    },
    orderBy: { lastCheckedAt: { sort: "asc", nulls: "first" } },
    take: limit,
    select: { id: true, workspaceId: true },
  });
  for (const domain of due) {
    try {
      await checkDomain(domain.workspaceId, domain.id, resolver, now);
    } catch (error) {
      console.error(`[domains] re-check of ${domain.id} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return due.length;
}
