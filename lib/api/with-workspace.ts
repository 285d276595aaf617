// The one guard for workspace route handlers: authenticate (API key or session) → resolve the
// workspace → authorise → check the plan includes the API → run, with every error mapped by lib/api/error-response.ts.
// A handler receives the resolved workspace and never trusts a workspace id from the request.
import "server-only";
import type { Role } from "@prisma/client";
import { unsafeFindApiKeyBySecret } from "@/lib/api-keys/queries";
import { errorResponse } from "@/lib/api/error-response";
import { auth } from "@/lib/auth/auth";
import { assertFeature, BILLING_SELECT } from "@/lib/billing/gates";
import type { WorkspaceBilling } from "@/lib/billing/plans";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { atMost, can, type Action } from "@/lib/workspaces/permissions";
import { getMembership } from "@/lib/workspaces/queries";

export type Principal =
  | { kind: "apiKey"; keyId: string; workspaceId: string; userId: string | null }
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
    return { kind: "apiKey", keyId: key.id, workspaceId: key.workspaceId, userId: key.createdById };
  }
  const session = await auth();
  if (session?.user?.id) return { kind: "user", userId: session.user.id };
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
    return { workspace, role: atMost(creator.role, "member") };
  }
  const slug = new URL(request.url).searchParams.get("workspace");
  if (!slug) throw new AppError("invalid_input", "Signed-in requests name their workspace: ?workspace=<slug>", [{ path: "workspace", message: "Required" }]);
  const membership = await getMembership(principal.userId, slug);
  if (!membership) throw new AppError("not_found", "Workspace not found");
  return membership;
}

function authorise(role: Role, permission: Action): void {
  if (!can(role, permission)) throw new AppError("forbidden", `This needs the "${permission}" permission, which a ${role} does not have`);
}

export function withWorkspace<P = Record<string, never>>(
  permission: Action,
  handler: (ctx: WorkspaceHandlerContext<P>) => Promise<Response>,
) {
  return async (request: Request, segment: { params: Promise<P> }): Promise<Response> => {
    try {
      const principal = await authenticate(request);
      const { workspace, role } = await resolveWorkspace(principal, request);
      authorise(role, permission);
      // The REST API is a plan feature (lib/billing/plans.ts), for keys and sessions alike.
      assertFeature(workspace, "api");
      return await handler({ request, workspace, role, principal, params: await segment.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export const MAX_BODY_BYTES = 1_048_576;

function tooLarge(): AppError {
  return new AppError("payload_too_large", `Request bodies are limited to ${MAX_BODY_BYTES / 1_048_576} MB`);
}

/** Parses a JSON body; malformed JSON is a 422 like any other bad input, an oversized one a 413. */
export async function readJson(request: Request): Promise<unknown> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw tooLarge();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_input", "The request body is not valid JSON", [{ path: "(body)", message: "Malformed JSON" }]);
  }
}
