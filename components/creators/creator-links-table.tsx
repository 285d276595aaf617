import Link from "next/link";
import { platformLabel } from "@/lib/creators/platforms";
import type { CreatorLink } from "@/lib/creators/queries";
import { formatDate, formatInteger } from "@/lib/format";
import { TableScroll } from "@/components/ui/table-scroll";

export function CreatorLinksTable({ workspaceSlug, links }: { workspaceSlug: string; links: CreatorLink[] }) {
  return (
    <TableScroll label="Links of this creator">
      <table className="min-w-full text-sm" data-testid="creator-links-table">
        <thead>
          <tr className="border-b border-gray-200 text-left text-xs font-medium uppercase tracking-wide text-gray-500">
            <th className="py-2 pr-4">Short link</th>
            <th className="py-2 pr-4">Destination</th>
            <th className="py-2 pr-4">Platform</th>
            <th className="py-2 pr-4 text-right">Clicks</th>
            <th className="py-2 pr-4 text-right" title="Bots and link-preview fetchers, not counted as clicks">Filtered</th>
            <th className="py-2 text-right">Created</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {links.map((link) => (
            <tr key={link.id} className="align-top hover:bg-gray-50" data-slug={link.slug}>
              <td className="py-3 pr-4">
                <Link href={`/w/${workspaceSlug}/links/${link.id}`} className="font-medium text-indigo-700 hover:underline">
                  /{link.slug}
                </Link>
                {link.archivedAt ? <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">Archived</span> : null}
              </td>
              <td className="max-w-xs truncate py-3 pr-4 text-gray-600" title={link.url}>
                {link.url.replace(/^https?:\/\//, "")}
              </td>
              <td className="py-3 pr-4 text-gray-600">{link.platform ? platformLabel(link.platform) : <span className="text-gray-500">—</span>}</td>
              <td className="py-3 pr-4 text-right font-semibold tabular-nums text-gray-900">{formatInteger(link.clicks)}</td>
              <td className="py-3 pr-4 text-right tabular-nums text-gray-500">{formatInteger(link.filtered)}</td>
              <td className="py-3 text-right text-gray-500">{formatDate(link.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
