// Shapes every endpoint shares, as zod schemas the OpenAPI document publishes.
import { z } from "zod";
import { ERROR_CODES } from "@/lib/errors";

export const fieldIssueSchema = z.object({ path: z.string().meta({ example: "items.3.url" }), message: z.string() }).meta({ id: "FieldIssue" });

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_CODES) as [keyof typeof ERROR_CODES, ...(keyof typeof ERROR_CODES)[]]),
      message: z.string(),
      details: z.union([z.array(fieldIssueSchema), z.record(z.string(), z.unknown())]).optional(),
    }),
  })
  .meta({ id: "Error" });
export type ErrorResponse = z.input<typeof errorResponseSchema>;

/** A page of a list: the items, and the cursor of the next page (null on the last). */
export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), nextCursor: z.string().nullable().meta({ description: "pass back as `cursor` for the next page" }) });

export const idParam = (name: string, what: string) => z.object({ [name]: z.string().meta({ description: `the ${what}'s id` }) });
