// Tests call the REST API through the real route modules (app/api/v1/**/route.ts) and every answer
// is checked against the published OpenAPI document: its status must be documented for that
// operation and its JSON body must validate against the documented schema. A handler that drifts
// from its document fails whichever test touched it.
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { OPERATIONS } from "@/lib/api/v1";

const ORIGIN = "http://localhost:3000";
const document = buildOpenApiDocument(`${ORIGIN}/api/v1`);
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(document as object, "openapi");

export type ApiAnswer<T = unknown> = { status: number; body: T; headers: Headers; text: string };

type Call = { key?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> };

const escapePointer = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

function matchOperation(method: string, pathname: string) {
  for (const operation of OPERATIONS) {
    if (operation.method !== method) continue;
    const names: string[] = [];
    const pattern = new RegExp(`^/api/v1${operation.path.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), "([^/]+)"))}$`);
    const match = pattern.exec(pathname);
    if (match) return { operation, params: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)])) };
  }
  return null;
}

/** Throws when an answer is not what the document says this operation answers. */
export function assertConformsToOpenApi(method: string, template: string, status: number, contentType: string | null, body: unknown): void {
  const base = `openapi#/paths/${escapePointer(template)}/${method}/responses/${status}`;
  const documented = ajv.getSchema(base);
  if (!documented) throw new Error(`${method.toUpperCase()} ${template} answered ${status}, which the OpenAPI document does not list`);
  if (!contentType?.includes("application/json")) return;
  const validate = ajv.getSchema(`${base}/content/${escapePointer("application/json")}/schema`);
  if (!validate) throw new Error(`${method.toUpperCase()} ${template} ${status}: the document has no JSON schema for this answer`);
  if (!validate(body)) {
    throw new Error(`${method.toUpperCase()} ${template} ${status} does not match its OpenAPI schema: ${ajv.errorsText(validate.errors, { separator: "; " })}\n${JSON.stringify(body).slice(0, 500)}`);
  }
}

/** Calls an endpoint as a client would (Authorization: Bearer <key>) and checks the answer against the document. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are checked against the OpenAPI schema at run time
export async function api<T = any>(method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", pathAndQuery: string, call: Call = {}): Promise<ApiAnswer<T>> {
  const url = new URL(pathAndQuery, ORIGIN);
  const found = matchOperation(method.toLowerCase(), url.pathname);
  if (!found) throw new Error(`No documented operation for ${method} ${url.pathname}`);
  const folder = found.operation.path.replace(/\{(\w+)\}/g, "[$1]");
  const routeModule = (await import(/* @vite-ignore */ path.resolve(import.meta.dirname, `../../app/api/v1${folder}/route.ts`))) as Record<string, unknown>;
  const handler = routeModule[method] as ((request: Request, segment: { params: Promise<unknown> }) => Promise<Response>) | undefined;
  if (!handler) throw new Error(`app/api/v1${folder}/route.ts exports no ${method}, but the document lists it`);
  const headers: Record<string, string> = { ...(call.key ? { authorization: `Bearer ${call.key}` } : {}), ...call.headers };
  const payload = call.rawBody ?? (call.body === undefined ? undefined : JSON.stringify(call.body));
  if (payload !== undefined) headers["content-type"] ??= "application/json";
  const response = await handler(new Request(url, { method, headers, body: payload }), { params: Promise.resolve(found.params) });
  const text = await response.text();
  const contentType = response.headers.get("content-type");
  const body = contentType?.includes("application/json") && text ? JSON.parse(text) : text;
  assertConformsToOpenApi(found.operation.method, found.operation.path, response.status, contentType, body);
  return { status: response.status, body: body as T, headers: response.headers, text };
}
