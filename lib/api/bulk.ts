// The envelope every bulk endpoint shares: { "items": [ … ] } of at most `max` items, each judged
// on its own by the endpoint, and each refused item reported with the API's error shape.
import "server-only";
import { AppError } from "@/lib/errors";
import type { ErrorResponse } from "@/lib/api/schemas";

/** The bulk body's envelope only: the items are judged one by one. */
export function bulkEnvelope(raw: unknown, max: number, what: string): unknown[] {
  const items = (raw as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) throw new AppError("invalid_input", 'Send { "items": [ … ] }', [{ path: "items", message: `items is a list of ${what}` }]);
  if (items.length === 0) throw new AppError("invalid_input", "Send at least one item", [{ path: "items", message: "Send at least one item" }]);
  if (items.length > max) {
    throw new AppError("invalid_input", `At most ${max} items per call`, [{ path: "items", message: `At most ${max.toLocaleString("en-US")} items per call; split the batch` }]);
  }
  return items;
}

/** An item's refusal, in the error shape of the API. */
export function bulkErrorOf(error: AppError): ErrorResponse["error"] {
  return { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) };
}
