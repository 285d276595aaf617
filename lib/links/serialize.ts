import { z } from "zod";
import { shortUrl, type ShortLinkHosts } from "@/lib/urls/short-url";

type LinkRecord = {
  id: string;
  slug: string;
  domain: string;
  url: string;
  creatorId: string | null;
  campaignId: string | null;
  tags: string[];
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  notes: string | null;
  pausedAt: Date | null;
  expiresAt: Date | null;
  maxClicks: number | null;
  limitedClicks: number;
  expiredUrl: string | null;
};

const isoTime = z.string().meta({ format: "date-time" });

/** The public (API) shape of a link, as the OpenAPI document publishes it. */
export const linkResponseSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    domain: z.string().nullable().meta({ description: "a branded domain; null for the app's short domain" }),
    shortUrl: z.string(),
    url: z.string().meta({ description: "the destination, as given" }),
    creatorId: z.string().nullable(),
    campaignId: z.string().nullable(),
    tags: z.array(z.string()),
    archived: z.boolean(),
    paused: z.boolean().meta({ description: "visitors go to the domain's fallback; their visits are kept as paused hits, not clicks" }),
    expiresAt: isoTime.nullable().meta({ description: "the link stops redirecting at this time" }),
    maxClicks: z.number().int().nullable().meta({ description: "the link expires after this many human clicks" }),
    clicksLeft: z.number().int().nullable().meta({ description: "human clicks left before maxClicks; null without a limit" }),
    expiredUrl: z.string().nullable().meta({ description: "where visitors of the expired link go" }),
    notes: z.string().nullable(),
    createdAt: isoTime,
    updatedAt: isoTime,
    clicks: z.number().int().meta({ description: "human clicks over all time" }),
    filteredClicks: z.number().int().meta({ description: "bot and preview hits over all time, counted apart" }),
  })
  .meta({ id: "Link" });
export type LinkResponse = z.input<typeof linkResponseSchema>;

/** A link as the API answers it, always with its counts (a link just made has none yet: 0). */
export function serializeLink(link: LinkRecord, hosts: ShortLinkHosts, counts: { clicks: number; filtered: number }): LinkResponse {
  return {
    id: link.id,
    slug: link.slug,
    domain: link.domain || null,
    shortUrl: shortUrl(hosts, link),
    url: link.url,
    creatorId: link.creatorId,
    campaignId: link.campaignId,
    tags: link.tags,
    archived: link.archivedAt !== null,
    paused: link.pausedAt !== null,
    expiresAt: link.expiresAt?.toISOString() ?? null,
    maxClicks: link.maxClicks,
    clicksLeft: link.maxClicks === null ? null : Math.max(0, link.maxClicks - link.limitedClicks),
    expiredUrl: link.expiredUrl,
    notes: link.notes,
    createdAt: link.createdAt.toISOString(),
    updatedAt: link.updatedAt.toISOString(),
    clicks: counts.clicks,
    filteredClicks: counts.filtered,
  };
}
