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
  // every write passes here: text PostgreSQL cannot store is refused before the schema, naming its field
  assertStorableText(input);
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = fieldIssues(result.error);
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
    throw new AppError("invalid_input", `Invalid input — ${summary}`, issues);
  }
  return result.data;
}

/** How deep a request's JSON may nest: no operation needs more than a few levels. */
export const MAX_JSON_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first thing in a parsed JSON value that PostgreSQL cannot store or that no operation means:
 * a NUL character or a lone UTF-16 surrogate in a string or a key, or nesting deeper than
 * MAX_JSON_DEPTH. Iterative, so no input can overflow the stack. Null when the value is clean.
 */
export function unstorableText(value: unknown): FieldIssue | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  const at = (path: (string | number)[]) => path.join(".") || "(body)";
  const badText = (text: string): string | null =>
    text.includes("\u0000") ? "Text cannot contain NUL (\\u0000) characters" : LONE_SURROGATE.test(text) ? "Text cannot contain a lone UTF-16 surrogate (not a character)" : null;
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === "string") {
      const problem = badText(current);
      if (problem) return { path: at(path), message: problem };
      continue;
    }
    if (!current || typeof current !== "object") continue;
    if (path.length >= MAX_JSON_DEPTH) return { path: at(path), message: `Nested more than ${MAX_JSON_DEPTH} levels deep` };
    const entries: [string | number, unknown][] = Array.isArray(current) ? current.map((inner, i) => [i, inner]) : Object.entries(current);
    // pushed in reverse, so the first problem in reading order is the one reported
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, inner] = entries[i]!;
      if (typeof key === "string") {
        const problem = badText(key);
        if (problem) return { path: at([...path, key]), message: problem };
      }
      stack.push({ value: inner, path: [...path, key] });
    }
  }
  return null;
}

/** unstorableText as a refusal: invalid_input naming the field (`emptyPath` when the whole value is the problem). */
export function assertStorableText(value: unknown, emptyPath = "(body)"): void {
  const issue = unstorableText(value);
  if (issue) throw new AppError("invalid_input", `${issue.path === "(body)" ? emptyPath : issue.path}: ${issue.message}`, [{ path: issue.path === "(body)" ? emptyPath : issue.path, message: issue.message }]);
}
