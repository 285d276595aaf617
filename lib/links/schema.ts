// The link input rules, written once: forms, server actions, the REST API and (later) the
// OpenAPI document all use these schemas.
import { z } from "zod";
import { isReservedSlug } from "@/lib/links/reserved";

export const SLUG_MAX = 64;
export const URL_MAX = 2048;
const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slugSchema = z
  .string({ error: "Slug must be text" })
  .trim()
  .min(1, "Slug cannot be empty")
  .max(SLUG_MAX, `Slug can be at most ${SLUG_MAX} characters`)
  .refine((slug) => SLUG_PATTERN.test(slug), {
    message: "Slug may use only lowercase letters, digits and single hyphens between them (e.g. maya-lopez)",
    abort: true, // one reason per field is clearer than two
  })
  .refine((slug) => !isReservedSlug(slug), {
    message: "This slug is reserved for the app's own pages; choose another",
  });

export const destinationUrlSchema = z
  .string({ error: "Destination URL must be text" })
  .trim()
  .min(1, "Destination URL is required")
  .max(URL_MAX, `Destination URL can be at most ${URL_MAX.toLocaleString("en-US")} characters`)
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "Destination must be a full URL starting with https:// or http://" });
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      ctx.addIssue({ code: "custom", message: `Destination must use http or https, not ${url.protocol.replace(":", "")}` });
    } else if (url.username || url.password) {
      // user:pass@host URLs are a classic phishing disguise
      ctx.addIssue({ code: "custom", message: "Destination cannot contain a user name or password" });
    } else if (!url.hostname) {
      ctx.addIssue({ code: "custom", message: "Destination must name a host" });
    }
  });

/** Forms post "" for an empty optional field; that means "not given", not "invalid". */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const createLinkSchema = z.object({
  url: destinationUrlSchema,
  slug: z.preprocess(blankToUndefined, slugSchema.optional()),
  creatorId: z.preprocess(blankToUndefined, z.string({ error: "creatorId must be text" }).trim().optional()),
});
export type CreateLinkInput = z.infer<typeof createLinkSchema>;

export const updateLinkSchema = z.object({
  url: destinationUrlSchema,
});
export type UpdateLinkInput = z.infer<typeof updateLinkSchema>;
