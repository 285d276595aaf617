// GET /api/v1/openapi.json — the OpenAPI 3.1 document, public (it describes, it does not grant).
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { getEnv } from "@/lib/env";
import { publicOrigin } from "@/lib/http/public-origin";

export async function GET(request: Request): Promise<Response> {
  const configured = getEnv().APP_URL;
  const origin = configured ? new URL(configured).origin : publicOrigin(request.headers, request.url);
  return Response.json(buildOpenApiDocument(`${origin}/api/v1`), { headers: { "Cache-Control": "public, max-age=300" } });
}
