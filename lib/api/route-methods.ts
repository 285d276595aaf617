// The app's HTTP API surface — every route handler under app/api and the methods it exports — so
// middleware.ts can refuse what no handler would take before Next does (an empty 405, an empty
// 400 for TRACE or an invented method, a text/plain 500 for a path that is not valid
// percent-encoding). Pure and small: it runs on the redirect path's module graph, never zod or
// Prisma. route-methods.test.ts reads app/api and fails when a route file and this table disagree.
import { AppError } from "@/lib/errors";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Route folders as Next names them under app/ (`[param]` one segment, `[...rest]` the rest). */
export const API_ROUTES: Readonly<Record<string, readonly HttpMethod[]>> = {
  "/api/auth/[...nextauth]": ["GET", "POST"],
  "/api/collect": ["POST"],
  "/api/health": ["GET"],
  "/api/stripe/webhook": ["POST"],
  "/api/v1/analytics": ["GET"],
  "/api/v1/campaigns": ["GET", "POST"],
  "/api/v1/campaigns/[campaignId]": ["GET", "PATCH", "DELETE"],
  "/api/v1/campaigns/[campaignId]/creators": ["GET"],
  "/api/v1/campaigns/[campaignId]/creators/[creatorId]": ["PUT", "DELETE"],
  "/api/v1/campaigns/[campaignId]/links": ["POST"],
  "/api/v1/conversions": ["GET", "POST"],
  "/api/v1/conversions/reversals": ["POST"],
  "/api/v1/creators": ["GET", "POST"],
  "/api/v1/creators/[creatorId]": ["GET", "PATCH", "DELETE"],
  "/api/v1/creators/bulk": ["POST"],
  "/api/v1/links": ["GET", "POST"],
  "/api/v1/links/[linkId]": ["GET", "PATCH", "DELETE"],
  "/api/v1/links/[linkId]/qr": ["GET"],
  "/api/v1/links/bulk": ["POST"],
  "/api/v1/openapi.json": ["GET"],
};

type Compiled = { route: string; segments: readonly string[]; methods: readonly HttpMethod[] };

const compiled: readonly Compiled[] = Object.entries(API_ROUTES).map(([route, methods]) => ({ route, segments: route.split("/").slice(1), methods }));

const KIND_ORDER = { literal: 0, param: 1, rest: 2 } as const;

function segmentKind(segment: string): keyof typeof KIND_ORDER {
  if (segment.startsWith("[...")) return "rest";
  return segment.startsWith("[") ? "param" : "literal";
}

function matches(route: Compiled, segments: readonly string[]): boolean {
  for (let index = 0; index < route.segments.length; index++) {
    const pattern = route.segments[index]!;
    const kind = segmentKind(pattern);
    if (kind === "rest") return segments.length > index;
    if (index >= segments.length) return false;
    if (kind === "literal" && pattern !== segments[index]) return false;
  }
  return route.segments.length === segments.length;
}

/** Next's precedence where two routes match: at the first segment they differ, a literal beats a parameter, which beats a catch-all. */
function moreSpecific(a: Compiled, b: Compiled): boolean {
  for (let index = 0; index < Math.min(a.segments.length, b.segments.length); index++) {
    const difference = KIND_ORDER[segmentKind(a.segments[index]!)] - KIND_ORDER[segmentKind(b.segments[index]!)];
    if (difference !== 0) return difference < 0;
  }
  return false;
}

/** The route folder that serves a path (its segments percent-decoded), if any. */
export function apiRouteOf(segments: readonly string[]): Compiled | null {
  let best: Compiled | null = null;
  for (const route of compiled) {
    if (matches(route, segments) && (!best || moreSpecific(route, best))) best = route;
  }
  return best;
}

function allows(route: Compiled, method: string): boolean {
  if (method === "OPTIONS") return true; // Next answers it with the Allow header (CORS routes answer their own)
  if (method === "HEAD") return route.methods.includes("GET");
  return (route.methods as readonly string[]).includes(method);
}

/** The methods a route answers, as an Allow header lists them (HEAD with GET, OPTIONS always). */
export function allowHeader(methods: readonly HttpMethod[]): string {
  const all = new Set<string>([...methods, "OPTIONS"]);
  if (all.has("GET")) all.add("HEAD");
  return [...all].sort().join(", ");
}

/** Path segments percent-decoded, or null when one is not valid percent-encoded UTF-8. */
export function decodedSegments(pathname: string): string[] | null {
  const segments = pathname.split("/").slice(1);
  try {
    return segments.map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

export type ApiRefusal = { error: AppError; headers?: Record<string, string> };

/**
 * Why no API route handler should see this request, or null when one will take it: the path is
 * not valid percent-encoding (400), names no endpoint (404), or the endpoint does not take the
 * method (405 with Allow). `pathname` starts with /api/.
 */
export function apiRefusal(method: string, pathname: string): ApiRefusal | null {
  const segments = decodedSegments(pathname);
  if (!segments) return { error: new AppError("bad_request", "The request path is not valid percent-encoded UTF-8") };
  const route = apiRouteOf(segments);
  if (!route) return { error: new AppError("not_found", `No API endpoint ${method} ${pathname}`) };
  if (allows(route, method)) return null;
  const allow = allowHeader(route.methods);
  return {
    error: new AppError("method_not_allowed", `${method} is not allowed on this endpoint; it answers ${allow}`, { allow: allow.split(", ") }),
    headers: { Allow: allow },
  };
}
