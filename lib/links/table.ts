// The links table's ordering and its CSV, shared by the page and the export.
import { toCsv } from "@/lib/csv";
import type { LinkRow } from "@/lib/links/queries";
import { shortUrl, type ShortLinkHosts } from "@/lib/urls/short-url";

export const LINK_SORTS = ["created", "slug", "clicks", "filtered", "creator"] as const;
export type LinkSort = (typeof LINK_SORTS)[number];

export function parseLinkSort(sort: string | null | undefined, dir: string | null | undefined): { sort: LinkSort; dir: "asc" | "desc" } {
  const key = (LINK_SORTS as readonly string[]).includes(sort ?? "") ? (sort as LinkSort) : "created";
  return { sort: key, dir: dir === "asc" ? "asc" : "desc" };
}

export function sortLinks(links: readonly LinkRow[], sort: LinkSort, dir: "asc" | "desc"): LinkRow[] {
  const key = (link: LinkRow): number | string =>
    sort === "created" ? link.createdAt.getTime() : sort === "slug" ? link.slug : sort === "clicks" ? link.clicks : sort === "filtered" ? link.filtered : (link.creator?.name ?? "");
  return [...links].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const order = typeof ka === "string" && typeof kb === "string" ? ka.localeCompare(kb) : Number(ka) - Number(kb);
    return (dir === "asc" ? order : -order) || a.slug.localeCompare(b.slug);
  });
}

export function linksCsv(links: readonly LinkRow[], hosts: ShortLinkHosts): string {
  return toCsv(links, [
    { header: "Short URL", value: (l) => shortUrl(hosts, l) },
    { header: "Slug", value: (l) => l.slug },
    { header: "Destination", value: (l) => l.url },
    { header: "Creator", value: (l) => l.creator?.name ?? "" },
    { header: "Clicks", value: (l) => l.clicks },
    { header: "Filtered", value: (l) => l.filtered },
    { header: "Created", value: (l) => l.createdAt },
    { header: "Archived", value: (l) => (l.archivedAt ? l.archivedAt : "") },
  ]);
}
