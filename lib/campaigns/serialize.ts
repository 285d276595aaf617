// The public (API) shapes of a campaign and of a creator's terms in it, as the OpenAPI document publishes them.
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { KPI_KEYS } from "@/lib/analytics/kpi";
import { campaignInputOf } from "@/lib/campaigns/campaigns";
import { OBJECTIVES } from "@/lib/campaigns/schema";
import { UTM_KEYS } from "@/lib/links/utm";

const isoTime = z.string().meta({ format: "date-time" });
const isoDay = z.string().meta({ format: "date" });

export const campaignResponseSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    slug: z.string().meta({ description: "the campaign's part of generated link slugs" }),
    objective: z.enum(OBJECTIVES),
    startsOn: isoDay.nullable(),
    endsOn: isoDay.nullable(),
    budgetMinor: z.number().int().nullable().meta({ description: "minor units of `currency`" }),
    currency: z.string(),
    destinationUrl: z.string().nullable(),
    utmTemplate: z.partialRecord(z.enum(UTM_KEYS), z.string()).nullable(),
    kpis: z.array(z.object({ kpi: z.enum(KPI_KEYS), target: z.number().nullable(), primary: z.boolean() })).meta({ description: "the primary KPI first" }),
    archived: z.boolean(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: "Campaign" });
export type CampaignResponse = z.input<typeof campaignResponseSchema>;

type CampaignRecord = Parameters<typeof campaignInputOf>[0] & { id: string; slug: string; archivedAt: Date | null; createdAt: Date; updatedAt: Date; utmTemplate: Prisma.JsonValue };

export function serializeCampaign(campaign: CampaignRecord): CampaignResponse {
  const input = campaignInputOf(campaign);
  return {
    id: campaign.id,
    slug: campaign.slug,
    ...input,
    kpis: [...input.kpis].sort((a, b) => Number(b.primary) - Number(a.primary)),
    archived: campaign.archivedAt !== null,
    createdAt: campaign.createdAt.toISOString(),
    updatedAt: campaign.updatedAt.toISOString(),
  };
}

export const campaignCreatorResponseSchema = z
  .object({
    creatorId: z.string(),
    name: z.string(),
    flatFeeMinor: z.number().int().meta({ description: "minor units of `currency`" }),
    giftedValueMinor: z.number().int().meta({ description: "minor units of `currency`" }),
    commissionRate: z.number().meta({ description: "a fraction of attributed revenue: 0.1 = 10 %" }),
    currency: z.string().meta({ description: "the campaign's currency" }),
    addedAt: isoTime,
  })
  .meta({ id: "CampaignCreator" });
export type CampaignCreatorResponse = z.input<typeof campaignCreatorResponseSchema>;

type TermsRecord = { creatorId: string; flatFeeMinor: number; giftedValueMinor: number; commissionRate: number; createdAt: Date; creator: { name: string } };

export function serializeCampaignCreator(terms: TermsRecord, currency: string): CampaignCreatorResponse {
  return {
    creatorId: terms.creatorId,
    name: terms.creator.name,
    flatFeeMinor: terms.flatFeeMinor,
    giftedValueMinor: terms.giftedValueMinor,
    commissionRate: terms.commissionRate,
    currency,
    addedAt: terms.createdAt.toISOString(),
  };
}
