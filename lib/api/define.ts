// One definition per REST operation: its path, scope, the zod schemas of its query, body and
// answers, and its handler. route() turns it into a Next route handler (through the one guard,
// lib/api/with-workspace.ts); lib/api/openapi.ts turns the same definitions into the OpenAPI
// document. The schemas a handler validates with are the schemas the document publishes.
import "server-only";
import { z } from "zod";
import { idempotencyKeyOf, requestFingerprint, withIdempotency } from "@/lib/api/idempotency";
import { readJson, withWorkspace, type WorkspaceHandlerContext } from "@/lib/api/with-workspace";
import { AppError, notFound } from "@/lib/errors";
import type { Scope } from "@/lib/api-keys/scopes";
import { assertStorableText, fieldIssues, parseInput, unknownFields, unstorableText } from "@/lib/validation";

type Method = "get" | "post" | "patch" | "put" | "delete";

export type ApiResponseSpec = {
  description: string;
  /** JSON body schema; omit for a body that is not JSON (give contentType) */
  schema?: z.ZodType;
  /** the body's media type (JSON by default); null for an answer without a body (204) */
  contentType?: string | null;
  /** other media types the same answer can come in (e.g. text/csv with format=csv), as text */
  alsoAs?: string[];
};

export type Operation<Q extends z.ZodObject | undefined = z.ZodObject | undefined, B extends z.ZodType | undefined = z.ZodType | undefined, P = Record<string, string>> = {
  method: Method;
  /** OpenAPI path under /api/v1, e.g. "/links/{linkId}" */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** the scope a key needs; a list when it needs several (each is also checked against the role) */
  scope: Scope | readonly [Scope, ...Scope[]];
  pathParams?: z.ZodObject;
  query?: Q;
  body?: B;
  /**
   * "full" (default): the route validates the whole body with `body` (422 naming each field).
   * "envelope": the handler judges parts on its own (bulk: one bad item must not refuse the rest).
   */
  parseBody?: "full" | "envelope";
  /** body size limit (default 1 MB) */
  maxBodyBytes?: number;
  /** error statuses this operation answers beyond the common ones (documented with the error shape) */
  errors?: Record<number, string>;
  /** success answers by status; the common errors (401, 402, 403, 404, 413, 422, 429) are added for every operation */
  responses: Record<number, ApiResponseSpec>;
  handle: (
    ctx: WorkspaceHandlerContext<P> & { query: Q extends z.ZodType ? z.output<Q> : undefined; body: B extends z.ZodType ? z.output<B> : undefined; rawBody: unknown },
  ) => Promise<Response>;
};

/** Any operation, its handler's types erased: what the route list and the document generator read. */
export type AnyOperation = Omit<Operation, "handle"> & { handle: (ctx: never) => Promise<Response> };

export function defineOperation<Q extends z.ZodObject | undefined = undefined, B extends z.ZodType | undefined = undefined, P = Record<string, string>>(
  operation: Operation<Q, B, P>,
): Operation<Q, B, P> {
  return operation;
}

/** Every scope an operation needs. */
export const scopesOf = (operation: Pick<AnyOperation, "scope">): readonly Scope[] => (typeof operation.scope === "string" ? [operation.scope] : operation.scope);

/** Query parameters as an object; `workspace` only names the workspace for signed-in callers. */
function queryObject(request: Request): Record<string, string> {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  delete query.workspace;
  const issue = unstorableText(query);
  if (issue) throw new AppError("invalid_input", "A query parameter holds text that cannot be stored", [issue]);
  return query;
}

/**
 * Parses a body with its schema and refuses the fields the schema does not name, all in one
 * answer: the schema's findings and the unknown fields together, each naming its path.
 */
function parseStrict<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  assertStorableText(input);
  const unknown = unknownFields(schema, input);
  const result = schema.safeParse(input);
  if (result.success && unknown.length === 0) return result.data;
  const issues = [...unknown, ...(result.success ? [] : fieldIssues(result.error))];
  throw new AppError("invalid_input", `Invalid input — ${issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ")}`, issues);
}

/** The Next route handler for an operation. */
export function route<Q extends z.ZodObject | undefined, B extends z.ZodType | undefined, P>(operation: Operation<Q, B, P>) {
  return withWorkspace<P>(operation.scope, async (ctx) => {
    // no id holds a NUL character or a lone surrogate (PostgreSQL could not even compare one)
    if (unstorableText(ctx.params) !== null) throw notFound();
    const query = (operation.query ? parseInput(operation.query, queryObject(ctx.request)) : undefined) as Q extends z.ZodType ? z.output<Q> : undefined;
    // an envelope's parts are judged one by one, NUL characters and unknown fields included
    const rawBody = operation.body ? await readJson(ctx.request, operation.maxBodyBytes, { refuseNul: operation.parseBody !== "envelope", requireJsonType: true }) : undefined;
    if (operation.body && operation.parseBody === "envelope") {
      const outer = unknownFields(operation.body, rawBody && typeof rawBody === "object" && !Array.isArray(rawBody) ? { ...rawBody, items: [] } : rawBody);
      if (outer.length > 0) throw new AppError("invalid_input", `Invalid input — ${outer.map((i) => `${i.path}: ${i.message}`).join("; ")}`, outer);
    }
    // validated inside the run: a replay answers what the first request got even if the same body
    // would be refused now (an expiresAt since passed), and a refusal keeps nothing
    const run = () => {
      const body = (operation.body && operation.parseBody !== "envelope" ? parseStrict(operation.body, rawBody) : undefined) as B extends z.ZodType ? z.output<B> : undefined;
      return operation.handle({ ...ctx, query, body, rawBody });
    };
    // a POST with an Idempotency-Key runs once; the same request again answers what the first got
    const key = operation.method === "post" ? idempotencyKeyOf(ctx.request) : null;
    if (!key) return run();
    return withIdempotency(ctx.workspace.id, key, requestFingerprint(ctx.request.method, ctx.request.url, rawBody ?? null), run);
  });
}

// The type a handler's JSON answer must have: the input side of its documented schema.
export const json = <S extends z.ZodType>(_schema: S, body: z.input<S>, init?: ResponseInit): Response => Response.json(body, init);
