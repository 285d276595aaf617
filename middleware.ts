// Short-link redirects and click logging, and the requests no handler should see (an API call no
// route takes, a page's form posted from another site). Runs on the Node.js runtime (Prisma-free:
// lib/redirect uses the shared pg pool) so a cached link costs no database round trip and the
// click is written by the batched, durable writer before the visitor is answered.
//
// Routing by Host: on a verified branded domain (lib/domains/serving.ts) every path is a slug of
// that domain, and the root and unknown slugs go to the domain's fallback URL (or our not-found
// page). On the app's own hosts, paths that are slugs by the one slug rule (lib/links/slug-rule.ts)
// and not the app's are links of the default short domain; everything else is the app's.
import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { parseHostname, requestHostname } from "@/lib/domains/hostname";
import { crossSiteWrite } from "@/lib/api/csrf";
import { jsonError } from "@/lib/api/error-response";
import { apiRefusal, decodedSegments } from "@/lib/api/route-methods";
import { getBrandedHost, type BrandedHost, type ServedDomain } from "@/lib/domains/serving";
import { getEnv } from "@/lib/env";
import { isReservedSlug } from "@/lib/links/reserved";
import { slugFromPath } from "@/lib/links/slug-rule";
import { serveShortLink, type ShortLinkOutcome } from "@/lib/redirect/serve-short-link";
import { linkStatePage } from "@/lib/redirect/status-page";
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "@/lib/security/csp";

export const config = {
  runtime: "nodejs",
  // Every path (a branded domain's slugs may be any word), except Next's own assets.
  matcher: ["/((?!_next/static|_next/image).*)"],
};

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0|.+\.localhost)$/;

let appHostnames: Set<string> | undefined;
/**
 * Hosts that are the app itself, never looked up as branded domains: the configured ones,
 * loopback, and anything that could never be added as a domain (IP addresses — health checks —,
 * private names).
 */
function isAppHostname(hostname: string): boolean {
  if (!appHostnames) {
    const env = getEnv();
    const names = [env.APP_URL && new URL(env.APP_URL).hostname, env.SHORT_DOMAIN?.split(":")[0], env.BRANDED_DOMAIN_CNAME];
    appHostnames = new Set(names.filter((name): name is string => Boolean(name)).map((name) => name.toLowerCase()));
  }
  return appHostnames.has(hostname) || LOOPBACK.test(hostname) || !parseHostname(hostname).ok;
}

/**
 * The app answers this request (a page, the API, its not-found page): with a fresh script nonce
 * and the CSP that requires it. Next.js reads the nonce from the request's CSP header and puts it
 * on its own scripts; the browser gets the same policy on the response. Redirects never get here.
 */
function toApp(request: NextRequest, rewriteTo?: string): NextResponse {
  const production = getEnv().NODE_ENV === "production";
  const policy = contentSecurityPolicy(randomBytes(16).toString("base64"), { development: !production });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = rewriteTo ? NextResponse.rewrite(new URL(rewriteTo, request.url), { request: { headers } }) : NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  // HTTPS only, from the first visit on — for our own hosts: never pinned on a brand's domain,
  // whose other sites are not ours to decide for (browsers ignore it over plain HTTP anyway).
  const hostname = requestHostname(request.headers.get("host"));
  if (production && hostname && isAppHostname(hostname)) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

function redirectTo(location: string): NextResponse {
  const response = NextResponse.redirect(location, 302);
  // Every visit must reach us to be counted, so nothing may cache the redirect.
  response.headers.set("Cache-Control", "private, no-store");
  response.headers.set("X-Robots-Tag", "noindex");
  return response;
}

function unavailable(what: string, reason: string): NextResponse {
  console.error(`[redirect] ${what}: ${reason}`);
  return new NextResponse("This link is temporarily unavailable. Please try again in a moment.", {
    status: 503,
    headers: { "Retry-After": "5", "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function crossSiteRefused(): NextResponse {
  return new NextResponse("This form was sent from another site, so it was refused. Open the page on Clickproof and send it again.", {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** Where a visit goes when the link cannot serve it: the domain's fallback, or our own page. */
function answer(request: NextRequest, outcome: ShortLinkOutcome, domain: ServedDomain | null): Response {
  const fallback = domain?.fallbackUrl ?? null;
  switch (outcome.kind) {
    case "redirect":
      return redirectTo(outcome.location);
    case "paused":
      return fallback ? redirectTo(fallback) : linkStatePage("paused");
    case "expired": {
      const target = outcome.expiredUrl ?? fallback;
      return target ? redirectTo(target) : linkStatePage("expired");
    }
    case "not_found":
      return notFoundOn(request, domain);
    case "unavailable":
      return unavailable(request.nextUrl.pathname, outcome.reason);
    case "loop":
      return linkStatePage("loop");
  }
}

function notFoundOn(request: NextRequest, domain: ServedDomain | null): NextResponse {
  if (!domain) return toApp(request); // the app has no page at /<slug>: its not-found page
  if (domain.fallbackUrl) return redirectTo(domain.fallbackUrl);
  // A path with no page, so the app answers 404 with its not-found page (never its own pages).
  return toApp(request, "/link-not-found");
}

async function serveBranded(request: NextRequest, domain: ServedDomain): Promise<Response> {
  const slug = slugFromPath(request.nextUrl.pathname);
  const isVisit = request.method === "GET" || request.method === "HEAD";
  if (!isVisit || !slug) return notFoundOn(request, domain);
  const outcome = await serveShortLink({
    domain: domain.hostname,
    workspaceId: domain.workspaceId,
    slug,
    method: request.method,
    headers: request.headers,
    search: request.nextUrl.search,
  });
  return answer(request, outcome, domain);
}

export async function middleware(request: NextRequest): Promise<Response> {
  const hostname = requestHostname(request.headers.get("host"));
  if (hostname && !isAppHostname(hostname)) {
    let branded: BrandedHost | null;
    try {
      branded = await getBrandedHost(hostname);
    } catch (error) {
      return unavailable(hostname, `domain lookup failed: ${String(error)}`);
    }
    if (branded?.served) return serveBranded(request, branded.served);
    // A brand's host that serves nothing now (pending, failed, removed, beyond the plan): never
    // the app's pages, never another workspace's default-domain links — our not-found page.
    if (branded) return toApp(request, "/link-not-found");
  }

  const path = request.nextUrl.pathname.slice(1);
  if (path.startsWith("api/")) {
    // the API answers in its JSON error shape even where no handler would run (lib/api/route-methods.ts)
    const refusal = apiRefusal(request.method, request.nextUrl.pathname);
    return refusal ? jsonError(refusal.error, refusal.headers) : toApp(request);
  }
  // A path that is not valid percent-encoded UTF-8 (/w/%FF) names no page: the not-found page,
  // 404, rather than the router failing on it with a bare 500. (Only a path with a "%" can be
  // one: a short link's path never has one, so redirects skip the decoding.)
  if (path.includes("%") && !decodedSegments(request.nextUrl.pathname)) return toApp(request, "/link-not-found");
  // A page's only writes are server actions: one posted from another site is refused here with a
  // 403 (Next's own check would throw and answer 500).
  if (request.method === "POST" && crossSiteWrite(request)) return crossSiteRefused();
  if (path === "bench-ceiling" && getEnv().BENCH_CEILING) {
    return NextResponse.redirect("https://example.com/ceiling", 302);
  }
  if (path.startsWith("bench-naive/") && getEnv().BENCH_CEILING) {
    const { unsafeNaiveRedirect } = await import("@/lib/bench/naive-redirect");
    return unsafeNaiveRedirect(path.slice("bench-naive/".length), request);
  }
  // Slugs are one segment by the slug rule (lib/links/slug-rule.ts); anything else (favicon.ico,
  // /w/…, reserved words in any case) is the app's.
  const slug = slugFromPath(request.nextUrl.pathname);
  if (!slug || isReservedSlug(slug)) return toApp(request);
  // A short link is followed with GET (people) or HEAD (unfurlers); anything else is not a visit.
  if (request.method !== "GET" && request.method !== "HEAD") return toApp(request);

  const outcome = await serveShortLink({ domain: "", slug, method: request.method, headers: request.headers, search: request.nextUrl.search });
  return answer(request, outcome, null);
}
