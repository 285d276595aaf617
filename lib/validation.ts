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
