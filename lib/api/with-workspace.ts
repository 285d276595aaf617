// The one guard for workspace route handlers: authenticate (API key or session) → resolve the
// workspace → authorise (the role's permission, and for a key also its scope) → check the plan
// includes the API → spend one request of the rate limit → run, with every error mapped by
// lib/api/error-response.ts. A handler receives the resolved workspace and never trusts a
// workspace id from the request. Every answer after authentication carries RateLimit-* headers.
import "server-only";
import type { Role } from "@prisma/client";
import { unsafeFindApiKeyBySecret } from "@/lib/api-keys/queries";
import { crossSiteWrite } from "@/lib/api/csrf";
import { errorResponse } from "@/lib/api/error-response";
import { apiRateLimiter, rateLimitHeaders, type RateLimitState } from "@/lib/api/rate-limit";
import { keyRole, SCOPES, type Scope } from "@/lib/api-keys/scopes";
import { auth } from "@/lib/auth/auth";
import { assertFeature, BILLING_SELECT } from "@/lib/billing/gates";
import { effectivePlan, limitOf, type WorkspaceBilling } from "@/lib/billing/plans";
import { getDb } from "@/lib/db";
import { unstorableText } from "@/lib/validation";
import { AppError } from "@/lib/errors";
import { can, type Action } from "@/lib/workspaces/permissions";
import { getMembership, type WorkspaceMembership } from "@/lib/workspaces/queries";
import type { Feature } from "@/lib/billing/plans";

export type Principal =
  | { kind: "apiKey"; keyId: string; workspaceId: string; userId: string | null; scopes: readonly string[] }
  | { kind: "user"; userId: string };

export type ApiWorkspace = { id: string; slug: string; name: string } & WorkspaceBilling;

export type WorkspaceHandlerContext<P> = {
  request: Request;
  workspace: ApiWorkspace;
  role: Role;
  principal: Principal;
  params: P;
};

async function authenticate(request: Request): Promise<Principal> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new AppError("unauthorized", "Send your API key as: Authorization: Bearer <key>");
    const key = await unsafeFindApiKeyBySecret(match[1]);
    if (!key) throw new AppError("unauthorized", "Invalid or revoked API key");
    return { kind: "apiKey", keyId: key.id, workspaceId: key.workspaceId, userId: key.createdById, scopes: key.scopes };
  }
  const session = await auth();
  if (session?.user?.id) {
    // A session cookie goes wherever the browser sends it; a write must come from our own pages.
    if (crossSiteWrite(request)) throw new AppError("forbidden", "Cross-site request refused: call the API with an API key, or from Clickproof's own pages");
    return { kind: "user", userId: session.user.id };
  }
  throw new AppError("unauthorized", "Authentication required: send an API key as Authorization: Bearer <key>");
}

async function resolveWorkspace(principal: Principal, request: Request): Promise<{ workspace: ApiWorkspace; role: Role }> {
  if (principal.kind === "apiKey") {
    const workspace = await getDb().workspace.findUnique({
      where: { id: principal.workspaceId },
      select: { id: true, slug: true, name: true, ...BILLING_SELECT },
    });
    if (!workspace) throw new AppError("unauthorized", "Invalid or revoked API key");
    // A key acts with its creator's current role, capped at member: it can manage links but not
    // people, keys or billing, and a creator demoted to viewer demotes their keys with them. A
    // key whose creator has left the workspace (or whose account was deleted) is refused.
    if (!principal.userId) throw new AppError("unauthorized", "Invalid or revoked API key");
    const creator = await getDb().membership.findUnique({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: principal.userId } },
      select: { role: true },
    });
    if (!creator) throw new AppError("unauthorized", "Invalid or revoked API key");
    return { workspace, role: keyRole(creator.role) };
  }
  const slug = new URL(request.url).searchParams.get("workspace");
  if (!slug) throw new AppError("invalid_input", "Signed-in requests name their workspace: ?workspace=<slug>", [{ path: "workspace", message: "Required" }]);
  const membership = await getMembership(principal.userId, slug);
  if (!membership) throw new AppError("not_found", "Workspace not found");
  return membership;
}

/** The role's permission, or the refusal every entry point gives (403, naming it). */
function assertRoleMay(role: Role, permission: Action): void {
  if (!can(role, permission)) throw new AppError("forbidden", `This needs the "${permission}" permission, which a ${role} does not have`);
}

/** Both must allow it, for every scope the call needs: the role's permission behind the scope, and for a key the scope itself. */
function authorise(principal: Principal, role: Role, scopes: readonly Scope[]): void {
  for (const scope of scopes) {
    const permission = SCOPES[scope].action;
    assertRoleMay(role, permission);
    if (principal.kind === "apiKey" && !principal.scopes.includes(scope)) {
      throw new AppError("forbidden", `This API key lacks the "${scope}" scope. Create a key with it under Settings & API.`);
    }
  }
}

/** Who spends the rate limit: the key, or a signed-in user in this workspace. */
const rateLimitSubject = (principal: Principal, workspace: ApiWorkspace) =>
  principal.kind === "apiKey" ? `key:${principal.keyId}` : `user:${principal.userId}:${workspace.id}`;

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** `scope`: what the call needs; a list when it needs several (generating a campaign's links writes links too). */
export function withWorkspace<P = Record<string, never>>(scope: Scope | readonly Scope[], handler: (ctx: WorkspaceHandlerContext<P>) => Promise<Response>) {
  return async (request: Request, segment: { params: Promise<P> }): Promise<Response> => {
    let limit: RateLimitState | undefined;
    try {
      const principal = await authenticate(request);
      const { workspace, role } = await resolveWorkspace(principal, request);
      authorise(principal, role, typeof scope === "string" ? [scope] : scope);
      // The REST API is a plan feature (lib/billing/plans.ts), for keys and sessions alike.
      assertFeature(workspace, "api");
      limit = await apiRateLimiter().consume(rateLimitSubject(principal, workspace), limitOf(effectivePlan(workspace), "apiRequestsPerMinute"));
      const response = await handler({ request, workspace, role, principal, params: await segment.params });
      return withHeaders(response, rateLimitHeaders(limit));
    } catch (error) {
      if (error instanceof AppError && error.code === "rate_limited" && error.details && !Array.isArray(error.details)) {
        limit = error.details.rateLimit as RateLimitState | undefined;
      }
      const response = errorResponse(error);
      return limit ? withHeaders(response, rateLimitHeaders(limit)) : response;
    }
  };
}

export type MemberRouteContext<P> = { request: Request; membership: WorkspaceMembership; params: P };

/**
 * The guard for the app's own route handlers under /w/<workspace>/… (CSV exports, the data
 * export, QR downloads): the signed-in member's workspace, the role's permission and the plan's
 * feature when the route needs them, and every refusal in the API's error shape — 404 alike for
 * signed-out visitors, non-members and unknown ids (a URL does not reveal that a workspace
 * exists), 403 naming the permission, 402 plan_required. The same checks and mapper as withWorkspace.
 */
export function withMemberRoute<P extends { workspace: string }>(
  needs: { permission?: Action; feature?: Feature },
  handler: (ctx: MemberRouteContext<P>) => Promise<Response>,
) {
  return async (request: Request, segment: { params: Promise<P> }): Promise<Response> => {
    try {
      const params = await segment.params;
      const session = await auth();
      const membership = session?.user?.id ? await getMembership(session.user.id, params.workspace) : null;
      if (!membership) throw new AppError("not_found", "Not found");
      if (needs.permission) assertRoleMay(membership.role, needs.permission);
      if (needs.feature) assertFeature(membership.workspace, needs.feature);
      return await handler({ request, membership, params });
    } catch (error) {
      const response = errorResponse(error);
      response.headers.set("Cache-Control", "no-store");
      return response;
    }
  };
}

export const MAX_BODY_BYTES = 1_048_576;

/** application/json, or a JSON-based type (application/merge-patch+json), with any parameters. */
export function isJsonMediaType(header: string | null): boolean {
  const type = header?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json" || Boolean(type && /^application\/[\w.+-]+\+json$/.test(type));
}

/**
 * Parses a JSON body; malformed JSON is a 422 like any other bad input, an oversized one a 413.
 * Text with a NUL character or a lone surrogate, and nesting past MAX_JSON_DEPTH, are refused
 * here, naming the field: PostgreSQL cannot store such text, and no operation means it.
 */
export async function readJson(request: Request, maxBytes = MAX_BODY_BYTES, options: { refuseNul?: boolean; requireJsonType?: boolean } = {}): Promise<unknown> {
  const tooLarge = () => new AppError("payload_too_large", `Request bodies are limited to ${Math.round(maxBytes / 1_048_576)} MB`);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw tooLarge();
  if (!text.trim()) return {};
  // a body in another media type (a form post, text/plain) is not JSON that happens to parse
  if (options.requireJsonType && !isJsonMediaType(request.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "Send the body as JSON, with Content-Type: application/json");
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON", [{ path: "(body)", message: "Malformed JSON" }]);
  }
  // A bulk envelope's items are judged one by one (each fails alone); its nesting is bounded all the same.
  const issue = unstorableText(body);
  if (issue && (options.refuseNul !== false || issue.message.startsWith("Nested"))) {
    throw new AppError("invalid_input", issue.message.startsWith("Nested") ? "The request body is nested too deeply" : "The request body holds text that cannot be stored", [issue]);
  }
  return body;
}
