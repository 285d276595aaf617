// The OpenAPI 3.1 document of /api/v1, generated from the operations' own zod schemas
// (lib/api/v1/*.ts): what the handlers validate with is what the document publishes. A contract
// test (lib/api/openapi-contract.ts) checks real answers against it.
import "server-only";
import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { scopesOf, type AnyOperation, type ApiResponseSpec } from "@/lib/api/define";
import { IDEMPOTENCY_HEADER, IDEMPOTENCY_TTL_HOURS, REPLAYED_HEADER } from "@/lib/api/idempotency";
import { errorResponseSchema } from "@/lib/api/schemas";
import { MAX_BODY_BYTES } from "@/lib/api/with-workspace";
import { OPERATIONS } from "@/lib/api/v1";
import { SCOPES } from "@/lib/api-keys/scopes";
import { PLANS } from "@/lib/billing/plans";

const rateLimitHeaders = z.object({
  "RateLimit-Limit": z.string().meta({ description: "requests allowed per window for this key (the plan's)" }),
  "RateLimit-Remaining": z.string().meta({ description: "requests left in this window" }),
  "RateLimit-Reset": z.string().meta({ description: "seconds until the window resets" }),
  "RateLimit-Policy": z.string().meta({ description: "limit;w=window seconds, e.g. 600;w=60" }),
});

/** Refusals before the rate limit is spent (no key, no plan, no permission) carry no RateLimit-* headers. */
const errorAnswer = (description: string, headers = true) => ({
  description,
  ...(headers ? { headers: rateLimitHeaders } : {}),
  content: { "application/json": { schema: errorResponseSchema } },
});

/** The errors any operation can answer, beside its own. */
function commonErrors(operation: AnyOperation) {
  const scopes = scopesOf(operation).map((scope) => `\`${scope}\``).join(" and ");
  return {
    401: errorAnswer("No key, or an invalid or revoked one", false),
    402: errorAnswer("The workspace's plan does not include the API (or this feature)", false),
    403: errorAnswer(`The key lacks the ${scopes} scope, the role does not allow it, or a plan limit is reached`, false),
    ...(operation.pathParams ? { 404: errorAnswer("No such resource in this workspace (another workspace's ids are not found either)") } : {}),
    ...(operation.body ? { 413: errorAnswer(`The body is over ${Math.round((operation.maxBodyBytes ?? MAX_BODY_BYTES) / 1_048_576)} MB`) } : {}),
    ...(operation.body ? { 415: errorAnswer("The body is not sent as JSON (`Content-Type: application/json`)") } : {}),
    ...Object.fromEntries(Object.entries(operation.errors ?? {}).map(([status, description]) => [status, errorAnswer(description)])),
    ...(operation.method === "post"
      ? {
          409: errorAnswer(
            [operation.errors?.[409] ?? operation.responses[409]?.description, `the \`${IDEMPOTENCY_HEADER}\` was used with another request, or its first request is still running`]
              .filter(Boolean)
              .join("; or ")
              .replace(/^the/, "The"),
          ),
        }
      : {}),
    ...(operation.body || operation.query ? { 422: errorAnswer("Bad input: `details` names each field") } : {}),
    429: {
      ...errorAnswer("Rate limit reached: retry after `Retry-After` seconds"),
      headers: rateLimitHeaders.extend({ "Retry-After": z.string().meta({ description: "seconds to wait" }) }),
    },
    500: errorAnswer("An error of ours (logged); the request may be retried", false),
    503: {
      ...errorAnswer("The database is unavailable for a moment: retry after `Retry-After` seconds", false),
      headers: z.object({ "Retry-After": z.string().meta({ description: "seconds to wait" }) }),
    },
  };
}

type SchemaNode = { $ref?: string; properties?: Record<string, SchemaNode>; additionalProperties?: unknown; [key: string]: unknown };

/**
 * Request bodies as the server takes them, for any generated client:
 * - every object names all its fields (`additionalProperties: false`), as the server refuses
 *   unknown ones (lib/validation.ts unknownFields); records that allow more keep theirs;
 * - a field with a default is optional, and says its default in words: the `default` keyword
 *   itself is left out, since generators (openapi-typescript's defaultNonNullable) make every
 *   field that has one required, and the README's own minimal bodies would not typecheck.
 * Walks the body schemas and the components they reference.
 */
function shapeRequestSchemas(document: { paths?: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: SchemaNode }> } }>>; components?: { schemas?: Record<string, SchemaNode> } }): void {
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach(visit);
    const schema = node as SchemaNode;
    if (typeof schema.$ref === "string" && schema.$ref.startsWith("#/components/schemas/")) visit(document.components?.schemas?.[schema.$ref.slice("#/components/schemas/".length)]);
    if (schema.properties && schema.additionalProperties === undefined) schema.additionalProperties = false;
    if (schema.default !== undefined) {
      const said = `Default: ${JSON.stringify(schema.default)}.`;
      schema.description = typeof schema.description === "string" ? `${schema.description.replace(/\.?$/, ".")} ${said}` : said;
      delete schema.default;
    }
    // the schemas below this one: a properties map's values (its keys are field names, not
    // keywords), and every other keyword's sub-schemas — not examples, constants or enums, nor a
    // `contains`, which describes one item among others rather than a whole object
    for (const [key, value] of Object.entries(schema)) {
      if (key === "properties" && value && typeof value === "object") Object.values(value).forEach(visit);
      else if (!["$ref", "example", "examples", "const", "enum", "contains", "properties"].includes(key)) visit(value);
    }
  };
  for (const item of Object.values(document.paths ?? {})) for (const operation of Object.values(item)) visit(operation.requestBody?.content?.["application/json"]?.schema);
}

const idempotencyHeaders = z.object({
  [IDEMPOTENCY_HEADER]: z
    .string()
    .min(1)
    .max(255)
    .optional()
    .meta({
      description:
        `Any unique string (a UUID): the same request sent again with the same key within ${IDEMPOTENCY_TTL_HOURS} hours answers what the first one got, ` +
        `done once (a replay carries \`${REPLAYED_HEADER}: true\`). The same key with another request is a 409. Only a successful answer is kept: a refused request may be fixed and sent again with the same key.`,
    }),
});

function answer(spec: ApiResponseSpec, operation: AnyOperation) {
  return {
    description: spec.description,
    headers:
      operation.method === "post"
        ? rateLimitHeaders.extend({ [REPLAYED_HEADER]: z.enum(["true", "false"]).optional().meta({ description: `with an ${IDEMPOTENCY_HEADER}: true when this is the first answer again` }) })
        : rateLimitHeaders,
    ...(spec.contentType === null
      ? {}
      : {
          content: {
            [spec.contentType ?? "application/json"]: spec.schema ? { schema: spec.schema } : {},
            ...Object.fromEntries((spec.alsoAs ?? []).map((type) => [type, { schema: z.string() }])),
          },
        }),
  };
}

export function buildOpenApiDocument(serverUrl: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const operation of OPERATIONS) {
    const scopes = scopesOf(operation);
    const item: ZodOpenApiOperationObject = {
      operationId: operation.operationId,
      summary: operation.summary,
      description: `${operation.description ? `${operation.description}\n\n` : ""}${scopes.length > 1 ? "Scopes" : "Scope"}: ${scopes.map((scope) => `\`${scope}\``).join(", ")}.`,
      tags: [operation.tag],
      security: [{ apiKey: [...scopes] }],
      requestParams: {
        ...(operation.pathParams ? { path: operation.pathParams } : {}),
        ...(operation.query ? { query: operation.query } : {}),
        ...(operation.method === "post" ? { header: idempotencyHeaders } : {}),
      },
      // a body that may be left out entirely (every field optional) is not required
      ...(operation.body ? { requestBody: { required: !(operation.body as z.ZodType).safeParse({}).success, content: { "application/json": { schema: operation.body as z.ZodType } } } } : {}),
      responses: {
        ...Object.fromEntries(Object.entries(operation.responses).map(([status, spec]) => [status, answer(spec, operation)])),
        ...commonErrors(operation),
      },
    };
    (paths[operation.path] ??= {})[operation.method] = item;
  }
  const limits = (["single", "team"] as const).map((plan) => `${PLANS[plan].name} ${PLANS[plan].limits.apiRequestsPerMinute}`).join(", ");
  const document = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Clickproof API",
      version: "1",
      description:
        "Per-creator tracked links, creators, campaigns, analytics and conversions. Authenticate with a workspace API key: " +
        "`Authorization: Bearer <key>`. Errors always look like `{ \"error\": { \"code\", \"message\", \"details\"? } }`. " +
        `Rate limits per key and minute by plan (${limits}); every answer carries RateLimit-* headers.`,
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: `A workspace API key (Settings & API). Scopes: ${Object.keys(SCOPES).join(", ")}.`,
        },
      },
    },
    paths,
  });
  shapeRequestSchemas(document as Parameters<typeof shapeRequestSchemas>[0]);
  return document;
}
