// The one place errors become HTTP responses: { "error": { "code", "message", "details"? } }.
import { isUnavailable } from "@/lib/db/unavailable";
import { AppError, ERROR_CODES } from "@/lib/errors";

/** Seconds a caller is asked to wait when the database is out (it is usually back within them). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** The API's error shape for one error. */
export function errorBody(error: AppError) {
  return { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
}

export function jsonError(error: AppError, headers?: HeadersInit): Response {
  const response = Response.json(errorBody(error), { status: ERROR_CODES[error.code], headers });
  if (error.code === "unavailable" && !response.headers.has("Retry-After")) response.headers.set("Retry-After", String(UNAVAILABLE_RETRY_AFTER_SECONDS));
  if (error.code === "rate_limited" && error.details && !Array.isArray(error.details)) {
    const retry = error.details.retryAfterSeconds;
    if (typeof retry === "number") response.headers.set("Retry-After", String(retry));
  }
  return response;
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) return jsonError(error);
  // an outage is not our bug and not the caller's: 503 and when to come back, never a 500
  if (isUnavailable(error)) {
    console.error("[api] database unavailable:", error instanceof Error ? error.message : error);
    return jsonError(new AppError("unavailable", "The service is briefly unavailable. Please retry shortly."));
  }
  console.error("[api] unexpected error:", error);
  return jsonError(new AppError("internal", "Something went wrong on our side. Please retry."));
}
