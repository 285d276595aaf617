// GET /api/v1/openapi.json — the OpenAPI 3.1 document, public (it describes, it does not grant).
// Its `servers` URL is APP_URL's, or relative ("/api/v1": clients resolve it against where they
// fetched the document) — never a request's Host header, since the answer is cached publicly.
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { getEnv } from "@/lib/env";

export async function GET(): Promise<Response> {
  const configured = getEnv().APP_URL;
  const server = configured ? `${new URL(configured).origin}/api/v1` : "/api/v1";
  return Response.json(buildOpenApiDocument(server), { headers: { "Cache-Control": "public, max-age=300" } });
}
