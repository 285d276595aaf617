// The conversion and reversal bodies, written once for the API route, /cp.js's collector and
// (later) the OpenAPI document. Money is in minor units (cents) with an ISO 4217 currency.
import { z } from "zod";
import { cursorSchema, encodeCursor, pageLimitSchema } from "@/lib/pagination";
import { currencySchema, MAX_AMOUNT_MINOR } from "@/lib/money";

/** currencySchema itself refuses codes that are not ISO 4217; the name stays for its callers. */
export const isoCurrencySchema = currencySchema;

/** Common events; any other lower-case name (e.g. "trial_started") is accepted as a custom event. */
export const KNOWN_EVENTS = ["purchase", "signup", "lead", "install"] as const;

const amountSchema = z
  .number({ error: "value is a number in minor units (cents)" })
  .int("value is in minor units (cents): a whole number, e.g. 4999 for 49.99")
  .min(0, "value cannot be negative: send a reversal instead")
  .max(MAX_AMOUNT_MINOR, "value is too large: at most 2,147,483,647 minor units");

export const conversionInputSchema = z
  .object({
    clickId: z.string().trim().min(1).max(64).optional(),
    promoCode: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .transform((code) => code.toUpperCase())
      .optional(),
    event: z
      .string({ error: "event is required, e.g. purchase or signup" })
      .trim()
      .toLowerCase()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, "event is a lower-case name such as purchase, signup, lead or install"),
    value: amountSchema.optional(),
    currency: isoCurrencySchema.optional(),
    externalId: z
      .string({ error: "externalId is required: your order or event id, so a retry never counts twice" })
      .trim()
      .min(1, "externalId is required: your order or event id, so a retry never counts twice")
      .max(200),
    occurredAt: z.iso.datetime({ offset: true, error: "occurredAt is an ISO 8601 date-time, e.g. 2026-11-21T10:15:00Z" }).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.value !== undefined && input.value > 0 && !input.currency) {
      ctx.addIssue({ code: "custom", path: ["currency"], message: "currency is required with a value, e.g. USD" });
    }
  });
export type ConversionInput = z.infer<typeof conversionInputSchema>;

export const reversalInputSchema = z.object({
  conversionExternalId: z.string({ error: "conversionExternalId is required: the externalId of the conversion to reverse" }).trim().min(1).max(200),
  externalId: z
    .string({ error: "externalId is required: your refund or cancellation id, so a retry never counts twice" })
    .trim()
    .min(1, "externalId is required")
    .max(200),
  value: amountSchema.positive("value must be above 0; leave it out to reverse what is left").optional(),
  reason: z.string().trim().max(200).optional(),
});
export type ReversalInput = z.infer<typeof reversalInputSchema>;

/** GET /api/v1/conversions: newest first, filtered, a page at a time (`cursor` from the previous page). */
export const listConversionsQuerySchema = z.object({
  campaignId: z.string().trim().min(1).max(64).optional(),
  creatorId: z.string().trim().min(1).max(64).optional(),
  attribution: z.enum(["click", "promo_code", "none"], { error: "attribution is one of click, promo_code, none" }).optional(),
  limit: pageLimitSchema(100, 50),
  cursor: cursorSchema.optional(),
});
export type ListConversionsQuery = z.infer<typeof listConversionsQuerySchema>;

export const conversionCursor = (conversion: { occurredAt: Date; id: string }): string => encodeCursor(conversion.occurredAt, conversion.id);
