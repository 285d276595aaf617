import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDate, formatInteger } from "@/lib/format";
import type { LinkRow } from "@/lib/links/queries";
import { shortUrl, type ShortLinkHosts } from "@/lib/urls/short-url";
import type { LinkSort } from "@/lib/links/table";
import { SortHeader } from "@/components/ui/sort-header";
import { TableScroll } from "@/components/ui/table-scroll";

export function LinksTable({
  workspaceSlug,
  links,
  hosts,
  sort,
  dir,
  archived,
}: {
  workspaceSlug: string;
  links: LinkRow[];
  hosts: ShortLinkHosts;
  sort: LinkSort;
  dir: "asc" | "desc";
  archived: boolean;
}) {
  const keep = { view: archived ? "archived" : undefined };
  const sortProps = { current: sort, dir, keep };
  return (
    <TableScroll label="Links">
      <table className="min-w-full text-sm" data-testid="links-table">
        <thead>
          <tr className="border-b border-gray-200 text-left text-xs font-medium uppercase tracking-wide text-gray-500">
            <SortHeader label="Short link" sortKey="slug" firstDir="asc" align="left" {...sortProps} />
            <th className="py-2 pr-4">Destination</th>
            <SortHeader label="Creator" sortKey="creator" firstDir="asc" align="left" {...sortProps} />
            <SortHeader label="Clicks" sortKey="clicks" {...sortProps} />
            <SortHeader label="Filtered" sortKey="filtered" title="Bots and link-preview fetchers, not counted as clicks" {...sortProps} />
            <SortHeader label="Created" sortKey="created" className="py-2" {...sortProps} />
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {links.map((link) => {
            const url = shortUrl(hosts, link);
            return (
              <tr key={link.id} className="align-top hover:bg-gray-50" data-slug={link.slug}>
                <td className="py-3 pr-4">
                  <div className="flex items-center gap-2">
                    <Link href={`/w/${workspaceSlug}/links/${link.id}`} className="font-medium text-indigo-700 hover:underline">
                      /{link.slug}
                    </Link>
                    <CopyButton value={url} />
                  </div>
                  {link.domain ? <p className="mt-0.5 text-xs text-gray-500">{link.domain}</p> : null}
                </td>
                <td className="max-w-xs truncate py-3 pr-4 text-gray-600" title={link.url}>
                  {link.url.replace(/^https?:\/\//, "")}
                </td>
                <td className="py-3 pr-4 text-gray-700">{link.creator?.name ?? <span className="text-gray-500">—</span>}</td>
                <td className="py-3 pr-4 text-right font-semibold tabular-nums text-gray-900" data-testid="link-clicks">
                  {formatInteger(link.clicks)}
                </td>
                <td className="py-3 pr-4 text-right tabular-nums text-gray-500">{formatInteger(link.filtered)}</td>
                <td className="py-3 text-right text-gray-500">{formatDate(link.createdAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
