// What every server action returns to its form: success, or a message with per-field errors.
import { AppError } from "@/lib/errors";

export type ActionState<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors: Record<string, string> }
  | null;

export function errorState(error: unknown): { ok: false; error: string; fieldErrors: Record<string, string> } {
  if (error instanceof AppError) {
    const fieldErrors: Record<string, string> = {};
    if (Array.isArray(error.details)) {
      for (const issue of error.details) fieldErrors[issue.path] ??= issue.message;
    }
    const message = Object.keys(fieldErrors).length > 0 ? "Please fix the highlighted fields." : error.message;
    return { ok: false, error: message, fieldErrors };
  }
  throw error; // not ours (a bug, or Next's redirect/notFound signals): let Next handle it
}

export function formObject(formData: FormData): Record<string, string> {
  const object: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !key.startsWith("$")) object[key] = value;
  }
  return object;
}
