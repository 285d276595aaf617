// The one place errors become HTTP responses: { "error": { "code", "message", "details"? } }.
import { AppError, ERROR_CODES } from "@/lib/errors";

export function jsonError(error: AppError, headers?: HeadersInit): Response {
  const body = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
  const response = Response.json(body, { status: ERROR_CODES[error.code], headers });
  if (error.code === "rate_limited" && error.details && !Array.isArray(error.details)) {
    const retry = error.details.retryAfterSeconds;
    if (typeof retry === "number") response.headers.set("Retry-After", String(retry));
  }
  return response;
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) return jsonError(error);
  console.error("[api] unexpected error:", error);
  return jsonError(new AppError("internal", "Something went wrong on our side. Please retry."));
}
