import { z } from "zod";
import { shortUrl, type ShortLinkHosts } from "@/lib/links/short-url";

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
    createdAt: isoTime,
    updatedAt: isoTime,
    clicks: z.number().int().optional().meta({ description: "human clicks over all time (lists only)" }),
    filteredClicks: z.number().int().optional().meta({ description: "bot and preview hits, counted apart (lists only)" }),
  })
  .meta({ id: "Link" });
export type LinkResponse = z.input<typeof linkResponseSchema>;

export function serializeLink(link: LinkRecord, hosts: ShortLinkHosts, counts?: { clicks: number; filtered: number }): LinkResponse {
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
    createdAt: link.createdAt.toISOString(),
    updatedAt: link.updatedAt.toISOString(),
    ...(counts ? { clicks: counts.clicks, filteredClicks: counts.filtered } : {}),
  };
}
