import { shortUrl, type ShortLinkHosts } from "@/lib/links/short-url";

type LinkRecord = {
  id: string;
  slug: string;
  domain: string;
  url: string;
  creatorId: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The public (API) shape of a link. */
export function serializeLink(link: LinkRecord, hosts: ShortLinkHosts, counts?: { clicks: number; filtered: number }) {
  return {
    id: link.id,
    slug: link.slug,
    domain: link.domain || null,
    shortUrl: shortUrl(hosts, link.slug),
    url: link.url,
    creatorId: link.creatorId,
    archived: link.archivedAt !== null,
    createdAt: link.createdAt.toISOString(),
    updatedAt: link.updatedAt.toISOString(),
    ...(counts ? { clicks: counts.clicks, filteredClicks: counts.filtered } : {}),
  };
}
