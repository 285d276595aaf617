// Any /api/v1 path no route handles: a JSON 404 in the API's one error shape, not an HTML page.
import { jsonError } from "@/lib/api/error-response";
import { AppError } from "@/lib/errors";

function unknownEndpoint(request: Request): Response {
  const { pathname } = new URL(request.url);
  return jsonError(new AppError("not_found", `No API endpoint ${request.method} ${pathname}`));
}

export const GET = unknownEndpoint;
export const POST = unknownEndpoint;
export const PUT = unknownEndpoint;
export const PATCH = unknownEndpoint;
export const DELETE = unknownEndpoint;
