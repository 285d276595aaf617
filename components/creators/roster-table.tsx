import Link from "next/link";
import { PlatformChip } from "@/components/creators/platform-chip";
import { formatInteger } from "@/lib/format";
import type { RosterCreator } from "@/lib/creators/queries";
import { rosterQuery, type RosterOptions, type RosterSort } from "@/lib/creators/roster-options";
import { TableScroll } from "@/components/ui/table-scroll";

/** A column header that sorts server-side: first click sorts the natural way, the next reverses. */
function SortHeader({ label, column, options, base, natural, className = "" }: { label: string; column: "name" | "followers"; options: RosterOptions; base: string; natural: RosterSort; className?: string }) {
  const reversed: RosterSort = natural.startsWith("-") ? column : `-${column}`;
  const active = options.sort === natural || options.sort === reversed;
  const next = options.sort === natural ? reversed : natural;
  const arrow = !active ? "" : options.sort.startsWith("-") ? " ↓" : " ↑";
  return (
    <th className={`py-2 pr-4 ${className}`} aria-sort={active ? (options.sort.startsWith("-") ? "descending" : "ascending") : undefined}>
      <Link href={`${base}${rosterQuery({ ...options, sort: next })}`} className={`hover:text-gray-900 ${active ? "text-gray-900" : ""}`}>
        {label}
        {arrow}
      </Link>
    </th>
  );
}

export function RosterTable({ workspaceSlug, creators, options }: { workspaceSlug: string; creators: RosterCreator[]; options: RosterOptions }) {
  const base = `/w/${workspaceSlug}/creators`;
  return (
    <TableScroll label="Creators">
      <table className="min-w-full text-sm" data-testid="creators-table">
        <thead>
          <tr className="border-b border-gray-200 text-left text-xs font-medium uppercase tracking-wide text-gray-500">
            <SortHeader label="Creator" column="name" natural="name" options={options} base={base} />
            <th className="py-2 pr-4">Platforms</th>
            <SortHeader label="Followers" column="followers" natural="-followers" options={options} base={base} className="text-right" />
            <th className="py-2 pr-4">E-mail</th>
            <th className="py-2 text-right" title="Active links assigned to the creator">Links</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {creators.map((creator) => (
            <tr key={creator.id} className="align-top hover:bg-gray-50" data-creator={creator.name}>
              <td className="py-3 pr-4">
                <Link href={`${base}/${creator.id}`} className="font-medium text-indigo-700 hover:underline">
                  {creator.name}
                </Link>
                {creator.niche ? <p className="mt-0.5 text-xs text-gray-500">{creator.niche}</p> : null}
              </td>
              <td className="py-3 pr-4">
                {creator.platforms.length > 0 ? (
                  <div className="flex max-w-md flex-wrap gap-1.5">
                    {creator.platforms.map((platform) => (
                      <PlatformChip key={platform.id} platform={platform.platform} handle={platform.handle} followers={platform.followers} />
                    ))}
                  </div>
                ) : (
                  <span className="text-gray-500">No platforms yet</span>
                )}
              </td>
              <td className="py-3 pr-4 text-right font-semibold tabular-nums text-gray-900" data-testid="creator-total-followers">
                {formatInteger(creator.totalFollowers)}
              </td>
              <td className="py-3 pr-4 text-gray-600">{creator.email ?? <span className="text-gray-500">—</span>}</td>
              <td className="py-3 text-right tabular-nums text-gray-700">{formatInteger(creator.linkCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
