// The link input rules, written once: forms, server actions, the REST API and (later) the
// OpenAPI document all use these schemas.
import { z } from "zod";
import { PLATFORM_VALUES } from "@/lib/creators/platforms";
import { isReservedSlug } from "@/lib/links/reserved";
import { SLUG_MAX, SLUG_PATTERN } from "@/lib/links/slug-rule";
import { destinationUrlSchema } from "@/lib/urls/destination";

export { SLUG_MAX } from "@/lib/links/slug-rule";

export const slugSchema = z
  .string({ error: "Slug must be text" })
  .trim()
  .min(1, "Slug cannot be empty")
  .max(SLUG_MAX, `Slug can be at most ${SLUG_MAX} characters`)
  .refine((slug) => SLUG_PATTERN.test(slug), {
    message: "Slug may use only lowercase letters, digits and single hyphens between them (e.g. maya-lopez)",
    abort: true, // one reason per field is clearer than two
  });

const RESERVED_MESSAGE = "This slug is reserved for the app's own pages; choose another";

/** Forms post "" for an empty optional field; that means "not given", not "invalid". */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const TAGS_MAX = 10;
export const tagSchema = z
  .string({ error: "A tag is text" })
  .trim()
  .toLowerCase()
  .min(1, "A tag cannot be empty")
  .max(32, "A tag can be at most 32 characters")
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u, "A tag uses letters, digits, - and _ (e.g. q3-push)");
export const tagsSchema = z
  .array(tagSchema, { error: "tags is a list of text labels" })
  .max(TAGS_MAX, `At most ${TAGS_MAX} tags`)
  .transform((tags) => [...new Set(tags)])
  .meta({ description: "free labels to filter by, lowercased", example: ["tiktok", "q3-push"] });

const blankToNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : value);
export const NOTES_MAX = 2_000;
const INT_MAX = 2_147_483_647; // the columns are 32-bit

/**
 * A link's options: private notes, expiry (a time, or a number of human clicks) with where the
 * expired link goes, and pause. Null clears an option.
 */
export const PAST_EXPIRY_MESSAGE = "Choose a time in the future (to stop a link now, pause or archive it)";
const expiryDate = z.coerce.date({ error: "Use a date and time like 2026-12-31T23:59" }).max(new Date("2100-01-01T00:00:00Z"), "The expiry is before 2100");
const expiryMeta = () => ({ override: { type: ["string", "null"] as ("string" | "null")[], format: "date-time" }, description: "the link stops redirecting at this time" });

const linkOptionsShape = {
  notes: z.preprocess(
    blankToNull,
    z.string({ error: "Notes are text" }).trim().max(NOTES_MAX, `Notes can be at most ${NOTES_MAX.toLocaleString("en-US")} characters`).nullable().optional(),
  ),
  // On a change, only a new time must be in the future (lib/links/update-link.ts): a form saved
  // again after its link expired sends the old time back, which is no change.
  expiresAt: z.preprocess(blankToNull, expiryDate.nullable().optional().meta(expiryMeta())),
  maxClicks: z.preprocess(
    blankToNull,
    z.coerce
      .number({ error: "The click limit is a whole number" })
      .int("The click limit is a whole number")
      .min(1, "The click limit is at least 1")
      .max(INT_MAX, "The click limit is at most 2,147,483,647")
      .nullable()
      .optional()
      .meta({ description: "the link expires once it has served this many human clicks (bots do not count)" }),
  ),
  expiredUrl: z.preprocess(blankToNull, destinationUrlSchema.nullable().optional().meta({ description: "where visitors of the expired link go; else the domain's fallback, else an 'expired' page" })),
  paused: z.boolean({ error: "paused is true or false" }).optional().meta({ description: "a paused link sends visitors to the domain's fallback and keeps their visits as paused hits" }),
};
export const linkOptionsSchema = z.object(linkOptionsShape);
export type LinkOptionsInput = z.infer<typeof linkOptionsSchema>;

export const createLinkSchema = z
  .object({
    url: destinationUrlSchema,
    slug: z.preprocess(blankToUndefined, slugSchema.optional()),
    domain: z.preprocess(
      blankToUndefined,
      z
        .string({ error: "domain must be text" })
        .trim()
        .toLowerCase()
        .max(253)
        .optional()
        .meta({ description: "one of the workspace's verified branded domains; omitted for the default short domain" }),
    ),
    creatorId: z.preprocess(blankToUndefined, z.string({ error: "creatorId must be text" }).trim().max(64).optional()),
    campaignId: z.preprocess(blankToUndefined, z.string({ error: "campaignId must be text" }).trim().max(64).optional()),
    tags: tagsSchema.optional(),
    ...linkOptionsShape,
    expiresAt: z.preprocess(
      blankToNull,
      expiryDate
        .refine((date) => date.getTime() > Date.now(), { message: PAST_EXPIRY_MESSAGE })
        .nullable()
        .optional()
        .meta(expiryMeta()),
    ),
  })
  .superRefine((input, ctx) => {
    // The app's own pages share the default domain; a branded domain is the brand's alone.
    if (!input.domain && input.slug && isReservedSlug(input.slug)) ctx.addIssue({ code: "custom", path: ["slug"], message: RESERVED_MESSAGE });
  })
  .meta({ id: "LinkCreate" });
export type CreateLinkInput = z.infer<typeof createLinkSchema>;

export const updateLinkSchema = z.object({
  url: destinationUrlSchema,
});

export type UpdateLinkInput = z.infer<typeof updateLinkSchema>;

/** Who and where a link is for: creator, campaign, the platform and when the post went live, and
 * the platform's own numbers for the post when the brand has them (shown beside, never mixed in). */
const linkPostShape = {
  creatorId: z.preprocess(blankToUndefined, z.string().trim().max(64).nullable().optional()),
  campaignId: z.preprocess(blankToUndefined, z.string().trim().max(64).nullable().optional()),
  platform: z.preprocess(blankToUndefined, z.enum(PLATFORM_VALUES, { error: "Unknown platform" }).nullable().optional()),
  postedAt: z.preprocess(
    blankToUndefined,
    z.coerce
      .date({ error: "Use a date and time like 2026-03-01T18:30" })
      .min(new Date("2000-01-01T00:00:00Z"), "The post time is after 2000")
      .max(new Date("2100-01-01T00:00:00Z"), "The post time is before 2100")
      .nullable()
      .optional()
      .meta({ override: { type: ["string", "null"], format: "date-time" } }),
  ),
  reach: z.preprocess(blankToUndefined, z.coerce.number({ error: "Reach is a whole number" }).int("Reach is a whole number").min(0).max(INT_MAX, "Reach is at most 2,147,483,647").nullable().optional()),
  impressions: z.preprocess(
    blankToUndefined,
    z.coerce.number({ error: "Impressions is a whole number" }).int("Impressions is a whole number").min(0).max(INT_MAX, "Impressions is at most 2,147,483,647").nullable().optional(),
  ),
  /** as a fraction (0.034 = 3.4 %) */
  engagementRate: z.preprocess(blankToUndefined, z.coerce.number({ error: "Engagement rate is a number" }).min(0).max(1, "Engagement rate is a fraction between 0 and 1").nullable().optional()),
};
export const linkPostSchema = z.object(linkPostShape);

/** PATCH /api/v1/links/:id — any of the destination, tags, and who and where the link is for (null clears). */
export const patchLinkSchema = z
  .object({ url: destinationUrlSchema.optional(), tags: tagsSchema.optional(), ...linkPostShape, ...linkOptionsShape })
  .refine((input) => Object.values(input).some((value) => value !== undefined), { message: "Send at least one field to change" })
  .meta({ id: "LinkPatch" });
export type PatchLinkInput = z.infer<typeof patchLinkSchema>;
export type LinkPostInput = z.infer<typeof linkPostSchema>;
