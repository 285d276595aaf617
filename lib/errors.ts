// The one error type of the domain. lib/api/error-response.ts maps it to HTTP in one place;
// lib/actions/action-state.ts maps it to form state for server actions.
export const ERROR_CODES = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  /** an Idempotency-Key used with another request (lib/api/idempotency.ts) */
  idempotency_key_reused: 409,
  /** an Idempotency-Key whose first request is running, or never finished */
  idempotency_key_in_use: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  invalid_input: 422,
  plan_required: 402,
  limit_reached: 403,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export type FieldIssue = { path: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: FieldIssue[] | Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: FieldIssue[] | Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what = "Not found") => new AppError("not_found", what);

/** One refusal on one field, e.g. a slug already taken, shaped like a zod failure. */
export function invalidField(path: string, message: string): AppError {
  return new AppError("invalid_input", message, [{ path, message }]);
}
