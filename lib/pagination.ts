// Cursor pagination for every list (the API's and the pages' alike, so it sits below both): newest
// first by a timestamp, ties broken by id. The cursor is opaque to callers (base64url of
// "<ISO time>|<id>"); pass `nextCursor` back as `cursor`.
import { z } from "zod";

export type Cursor = { at: Date; id: string };

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`, "utf8").toString("base64url");
}

export const cursorSchema = z
  .string()
  .max(200)
  .transform((value, ctx): Cursor => {
    const [at, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
    const when = at ? new Date(at) : null;
    // a date PostgreSQL can hold (a forged cursor must be a 422, not a database error)
    if (!when || Number.isNaN(when.getTime()) || when.getUTCFullYear() < 1970 || when.getUTCFullYear() > 9999 || !id || id.length > 64) {
      ctx.addIssue({ code: "custom", message: "cursor is not one this API returned" });
      return z.NEVER;
    }
    return { at: when, id };
  })
  .meta({ description: "nextCursor of the previous page" });

const limitSchema = (max: number) =>
  z.coerce
    .number({ error: `limit is a number from 1 to ${max}` })
    .int("limit is a whole number")
    .min(1, "limit is at least 1")
    .max(max, `limit is at most ${max}`);

/** A page size from 1 to `max`, `fallback` when not given. */
export const pageLimitSchema = (max: number, fallback: number) => limitSchema(max).default(fallback);

/** Rows fetched with take = limit + 1 → the page and the cursor of the next one (null on the last page). */
export function pageOf<T>(rows: T[], limit: number, cursorOf: (row: T) => string): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}

/** Prisma where-clause for rows after a cursor, newest first by `field` (oldest first with "asc"). */
export function afterCursor<F extends string>(field: F, cursor: Cursor | undefined, order: "desc" | "asc" = "desc") {
  if (!cursor) return {};
  const beyond = order === "desc" ? "lt" : "gt";
  return { OR: [{ [field]: { [beyond]: cursor.at } }, { [field]: cursor.at, id: { [beyond]: cursor.id } }] } as {
    OR: ({ [K in F]: { lt: Date } | { gt: Date } } | ({ [K in F]: Date } & { id: { lt: string } | { gt: string } }))[];
  };
}

/** The query every paged list takes: a page size and the cursor of the page before. */
export const pageQuerySchema = (max: number, fallback: number) =>
  z.object({ limit: pageLimitSchema(max, fallback).meta({ description: `page size, 1–${max} (${fallback} by default)` }), cursor: cursorSchema.optional() });

/** `archived=true` lists archived rows instead of active ones; anything but true/false is a 422. */
export const archivedFlagSchema = (what: string) =>
  z
    .enum(["true", "false"], { error: "archived is true or false" })
    .optional()
    .transform((value) => value === "true")
    .meta({ description: `true: archived ${what} instead of active ones` });
