// The creator input rules, written once: the roster forms, the server actions, the CSV import and
// (later) the REST API all parse with these schemas, so a value refused in one is refused in all.
import { z } from "zod";
import { FOLLOWERS_MAX, parseFollowerCount } from "@/lib/creators/follower-count";
import { PLATFORMS, parsePlatform } from "@/lib/creators/platforms";

export const NAME_MAX = 120;
export const NICHE_MAX = 80;
export const NOTES_MAX = 2_000;
export const HANDLE_MAX = 100;

/** Forms post "" for an empty optional field; that means "not given", not "invalid". */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const creatorNameSchema = z
  .string({ error: "Name must be text" })
  .trim()
  .min(1, "Name is required")
  .max(NAME_MAX, `Name can be at most ${NAME_MAX} characters`);

// Lowercased: e-mail addresses are matched case-insensitively (CSV re-imports find the creator
// by e-mail, and later the creator signs in with it).
export const creatorEmailSchema = z
  .string({ error: "E-mail must be text" })
  .trim()
  .toLowerCase()
  .max(254, "E-mail can be at most 254 characters")
  .pipe(z.email("Enter a valid e-mail address, such as maya@example.com"));

const optionalText = (label: string, max: number) =>
  z.preprocess(blankToUndefined, z.string({ error: `${label} must be text` }).trim().max(max, `${label} can be at most ${max.toLocaleString("en-US")} characters`).optional());

export const platformSchema = z.string({ error: "Platform must be text" }).transform((value, ctx) => {
  if (value.trim() === "") {
    ctx.addIssue({ code: "custom", message: "Choose a platform" });
    return z.NEVER;
  }
  const platform = parsePlatform(value);
  if (!platform) {
    ctx.addIssue({ code: "custom", message: `Unknown platform "${value.trim()}"; use one of ${PLATFORMS.map((p) => p.label).join(", ")}` });
    return z.NEVER;
  }
  return platform;
}).meta({ description: `One of ${PLATFORMS.map((p) => p.value).join(", ")} (labels such as "TikTok" or "Twitter" are read too)` });

const HANDLE_CHARS = /^[\p{L}\p{N}._-]+$/u;

// Stored without the leading "@" people copy from profiles, so "@maya" and "maya" are one handle.
export const handleSchema = z
  .string({ error: "Handle must be text" })
  .trim()
  .transform((value) => value.replace(/^@+/, "").trim())
  .pipe(
    z
      .string()
      .min(1, { message: "Handle is required", abort: true }) // one reason per field is clearer than two
      .max(HANDLE_MAX, { message: `Handle can be at most ${HANDLE_MAX} characters`, abort: true })
      .regex(HANDLE_CHARS, "Handle may use letters, digits, dots, underscores and hyphens — paste the handle (e.g. @maya.eats), not the profile URL"),
  );

export const followersSchema = z
  .union([z.number(), z.string()], { error: "Followers must be a number" })
  .transform((value, ctx) => {
    if (typeof value === "string" && value.trim() === "") {
      ctx.addIssue({ code: "custom", message: "Follower count is required" });
      return z.NEVER;
    }
    const followers = parseFollowerCount(value);
    if (followers === null) {
      const tooMany = typeof value === "number" ? value > FOLLOWERS_MAX : /^\d[\d,]*$/.test(value.trim()) && Number(value.replace(/,/g, "")) > FOLLOWERS_MAX;
      ctx.addIssue({
        code: "custom",
        message: tooMany ? `Followers can be at most ${FOLLOWERS_MAX.toLocaleString("en-US")}` : "Use a whole number like 12400, 12,400, 12.4k or 1.2m",
      });
      return z.NEVER;
    }
    return followers;
  });

export const platformEntrySchema = z.object({
  platform: platformSchema,
  handle: handleSchema,
  followers: followersSchema,
});
export type PlatformEntry = z.infer<typeof platformEntrySchema>;

export const updatePlatformSchema = platformEntrySchema.omit({ platform: true });
export type UpdatePlatformInput = z.infer<typeof updatePlatformSchema>;

export const creatorDetailsSchema = z.object({
  name: creatorNameSchema,
  email: z.preprocess(blankToUndefined, creatorEmailSchema.optional()),
  niche: optionalText("Niche", NICHE_MAX),
  notes: optionalText("Notes", NOTES_MAX),
});
export type CreatorDetailsInput = z.infer<typeof creatorDetailsSchema>;

const field = (row: object, key: string): unknown => Object.getOwnPropertyDescriptor(row, key)?.value;
const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/**
 * A platform row with neither handle nor follower count is an unused row of the form, not an
 * error: it becomes null and is dropped, while the other rows keep their index (and so their
 * field paths, e.g. "platforms.2.handle").
 */
const platformRowSchema = z.preprocess(
  (row) => (typeof row === "object" && row !== null && isBlank(field(row, "handle")) && isBlank(field(row, "followers")) ? null : row),
  platformEntrySchema.nullable(),
);

export const createCreatorSchema = creatorDetailsSchema
  .extend({
    platforms: z.array(platformRowSchema, { error: "Platforms must be a list" }).max(PLATFORMS.length, `A creator has at most ${PLATFORMS.length} platforms`),
  })
  .superRefine((input, ctx) => {
    if (!input.platforms.some((row) => row !== null)) {
      ctx.addIssue({ code: "custom", path: ["platforms"], message: "Add at least one platform with its handle and follower count" });
    }
    const seen = new Set<string>();
    input.platforms.forEach((row, index) => {
      if (!row) return;
      if (seen.has(row.platform)) {
        ctx.addIssue({ code: "custom", path: ["platforms", index, "platform"], message: "This platform is already listed above; one account per platform" });
      }
      seen.add(row.platform);
    });
  })
  .transform(({ platforms, ...details }) => {
    const kept = platforms.flatMap((row, index) => (row ? [{ row, index }] : []));
    // where each kept account was on the form, so a refusal names the row the person filled in
    return { ...details, platforms: kept.map((k) => k.row), platformPaths: kept.map((k) => `platforms.${k.index}`) };
  });
export type CreateCreatorInput = z.infer<typeof createCreatorSchema>;

/** One data row of a creator CSV import (see lib/creators/csv-import.ts). */
export const creatorCsvRowSchema = z.object({
  name: creatorNameSchema,
  email: z.preprocess(blankToUndefined, creatorEmailSchema.optional()),
  platform: platformSchema,
  handle: handleSchema,
  followers: followersSchema,
});
export type CreatorCsvRow = z.infer<typeof creatorCsvRowSchema>;

/** Platform accounts given to the API: each platform at most once. */
const platformListSchema = z
  .array(platformEntrySchema, { error: "Platforms must be a list" })
  .max(PLATFORMS.length, `A creator has at most ${PLATFORMS.length} platforms`)
  .superRefine((platforms, ctx) => {
    const seen = new Set<string>();
    platforms.forEach((row, index) => {
      if (seen.has(row.platform)) ctx.addIssue({ code: "custom", path: [index, "platform"], message: "This platform is listed twice; one account per platform" });
      seen.add(row.platform);
    });
  });

const nullableText = (label: string, max: number) =>
  z.string({ error: `${label} must be text` }).trim().max(max, `${label} can be at most ${max.toLocaleString("en-US")} characters`).nullable();

/**
 * PATCH /api/v1/creators/{id}: only the fields sent change; `null` clears e-mail, niche or notes.
 * Platforms listed are added or updated (a changed follower count joins the history); platforms
 * not listed stay.
 */
export const patchCreatorSchema = z
  .object({
    name: creatorNameSchema.optional(),
    email: creatorEmailSchema.nullable().optional(),
    niche: nullableText("Niche", NICHE_MAX).optional(),
    notes: nullableText("Notes", NOTES_MAX).optional(),
    platforms: platformListSchema.optional(),
  })
  .meta({ id: "CreatorPatch" });
export type PatchCreatorInput = z.infer<typeof patchCreatorSchema>;

/** POST /api/v1/creators, and each item of the bulk upsert: a creator with at least one platform account. */
export const creatorInputSchema = z
  .object({
    name: creatorNameSchema,
    email: creatorEmailSchema.optional().meta({ description: "matched case-insensitively; the bulk upsert finds creators by it" }),
    niche: nullableText("Niche", NICHE_MAX).optional(),
    notes: nullableText("Notes", NOTES_MAX).optional(),
    platforms: platformListSchema.min(1, "Add at least one platform with its handle and follower count"),
  })
  .meta({ id: "CreatorCreate" });
export type CreatorInput = z.infer<typeof creatorInputSchema>;
