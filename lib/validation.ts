// zod failures → the field-path list every refusal carries (API 422 details, form messages).
import { z } from "zod";
import { AppError, type FieldIssue } from "@/lib/errors";

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    message: issue.message,
  }));
}

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = fieldIssues(result.error);
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
    throw new AppError("invalid_input", `Invalid input — ${summary}`, issues);
  }
  return result.data;
}

/** The dotted path of the first string (or key) holding a NUL character; null when there is none. */
export function nulPath(value: unknown, path: (string | number)[]): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], [...path, i]);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key.includes("\u0000")) return [...path, key].join(".");
      const found = nulPath(inner, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}
