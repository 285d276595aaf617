// What every server action returns to its form: success, or a message with per-field errors.
import { AppError } from "@/lib/errors";

/** A refusal, with what was typed so the form can show it again (React resets forms after actions). */
export type FailedState = { ok: false; error: string; fieldErrors: Record<string, string>; values: Record<string, string> };

export type ActionState<T = undefined> = { ok: true; data: T; message?: string } | FailedState | null;

/** What a form sent, minus secrets: passwords are never echoed back into the page. */
export function echoValues(formData: FormData | undefined): Record<string, string> {
  if (!formData) return {};
  const values = formObject(formData);
  for (const key of Object.keys(values)) if (/password/i.test(key)) delete values[key];
  return values;
}

export function failure(error: string, formData?: FormData): FailedState {
  return { ok: false, error, fieldErrors: {}, values: echoValues(formData) };
}

export function errorState(error: unknown, formData?: FormData): FailedState {
  if (error instanceof AppError) {
    const fieldErrors: Record<string, string> = {};
    if (Array.isArray(error.details)) {
      for (const issue of error.details) fieldErrors[issue.path] ??= issue.message;
    }
    const message = Object.keys(fieldErrors).length > 0 ? "Please fix the highlighted fields." : error.message;
    return { ok: false, error: message, fieldErrors, values: echoValues(formData) };
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
