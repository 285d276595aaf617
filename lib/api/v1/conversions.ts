// /api/v1/conversions: report conversions and reversals from a server, list them with their attribution.
import "server-only";
import { z } from "zod";
import { defineOperation, json } from "@/lib/api/define";
import { pageSchema } from "@/lib/api/schemas";
import { listConversionsPage, recordConversion, reverseConversion, serializeConversion } from "@/lib/conversions/record";
import { conversionInputSchema, listConversionsQuerySchema, reversalInputSchema } from "@/lib/conversions/schema";

const TAG = "Conversions";

export const conversionResponseSchema = z
  .object({
    id: z.string(),
    externalId: z.string(),
    event: z.string(),
    value: z.number().int().nullable().meta({ description: "minor units of `currency`" }),
    currency: z.string().nullable(),
    occurredAt: z.string().meta({ format: "date-time" }),
    source: z.string().meta({ description: "api, script (/cp.js) or seed" }),
    attribution: z.object({
      type: z.enum(["click", "promo_code", "none"]),
      reason: z.string().meta({ description: "why, in words" }),
      clickId: z.string().nullable(),
      promoCode: z.string().nullable(),
      linkId: z.string().nullable(),
      creatorId: z.string().nullable(),
      campaignId: z.string().nullable(),
    }),
    reversed: z.object({ value: z.number().int(), cancelled: z.boolean(), netValue: z.number().int().nullable() }),
  })
  .meta({ id: "Conversion" });

const reversalResponseSchema = z
  .object({
    id: z.string(),
    externalId: z.string(),
    value: z.number().int(),
    full: z.boolean().meta({ description: "true when it reversed everything left (a cancellation)" }),
    reason: z.string().nullable(),
    conversion: conversionResponseSchema,
  })
  .meta({ id: "Reversal" });

export const listConversionsOperation = defineOperation({
  method: "get",
  path: "/conversions",
  operationId: "listConversions",
  summary: "List conversions",
  description: "Newest first, each with its attribution and why.",
  tag: TAG,
  scope: "conversions:read",
  query: listConversionsQuerySchema,
  responses: { 200: { description: "A page of conversions", schema: pageSchema(conversionResponseSchema) } },
  handle: async ({ workspace, query }) => json(pageSchema(conversionResponseSchema), await listConversionsPage(workspace.id, query)),
});

export const createConversionOperation = defineOperation({
  method: "post",
  path: "/conversions",
  operationId: "createConversion",
  summary: "Report a conversion",
  description:
    "Attributed by one rule: a click id of this workspace's clicks within the attribution window wins; otherwise a registered promo code; " +
    "otherwise it is kept unattributed. Idempotent on `externalId`: a retry (the same fields) answers 200 with the original; the same externalId with other fields is a 409 naming each.",
  tag: TAG,
  scope: "conversions:write",
  body: conversionInputSchema,
  errors: { 409: "This externalId was recorded with other fields: `details` names each" },
  responses: {
    201: { description: "Recorded", schema: conversionResponseSchema },
    200: { description: "Recorded before (same externalId): the original", schema: conversionResponseSchema },
  },
  handle: async ({ workspace, rawBody }) => {
    const { conversion, created } = await recordConversion(workspace.id, rawBody, "api");
    return json(conversionResponseSchema, serializeConversion(conversion), { status: created ? 201 : 200 });
  },
});

export const createReversalOperation = defineOperation({
  method: "post",
  path: "/conversions/reversals",
  operationId: "createReversal",
  summary: "Report a refund or cancellation",
  description: "With `value`, a partial refund; without, everything left is reversed (a cancellation). Idempotent on `externalId`.",
  tag: TAG,
  scope: "conversions:write",
  body: reversalInputSchema,
  errors: { 404: "No conversion with that externalId in this workspace", 409: "Nothing left to reverse, or this externalId was used for another reversal" },
  responses: {
    201: { description: "Recorded", schema: reversalResponseSchema },
    200: { description: "Recorded before (same externalId)", schema: reversalResponseSchema },
  },
  handle: async ({ workspace, rawBody }) => {
    const { reversal, conversion, created } = await reverseConversion(workspace.id, rawBody);
    return json(
      reversalResponseSchema,
      { id: reversal.id, externalId: reversal.externalId, value: reversal.valueMinor, full: reversal.full, reason: reversal.reason, conversion: serializeConversion(conversion) },
      { status: created ? 201 : 200 },
    );
  },
});

export const CONVERSION_OPERATIONS = [listConversionsOperation, createConversionOperation, createReversalOperation];
