import Link from "next/link";
import { KPI_CATALOG, kpiValue } from "@/lib/analytics/kpi";
import { BREAKDOWN_COLUMNS, type SortKey } from "@/lib/campaigns/breakdown";
import type { CreatorPerformance } from "@/lib/campaigns/performance";
import { platformLabel } from "@/lib/creators/platforms";
import { formatInteger, formatKpi } from "@/lib/format";

function SortHeader({ label, sortKey, current, dir, align = "right", extra }: { label: string; sortKey: SortKey; current: SortKey; dir: "asc" | "desc"; align?: "left" | "right"; extra: string }) {
  const active = current === sortKey;
  const next = active && dir === "desc" ? "asc" : "desc";
  return (
    <th className={`py-2 pr-4 ${align === "right" ? "text-right" : "text-left"}`} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : undefined}>
      <Link href={`?${extra}sort=${sortKey}&dir=${next}`} scroll={false} className={`hover:text-gray-900 ${active ? "text-indigo-700" : ""}`}>
        {label}
        {active ? (dir === "desc" ? " ↓" : " ↑") : ""}
      </Link>
    </th>
  );
}

export function CreatorBreakdownTable({
  rows,
  sort,
  dir,
  currency,
  campaignParam,
  followersLabel = "Followers",
}: {
  rows: CreatorPerformance[];
  sort: SortKey;
  dir: "asc" | "desc";
  currency: string;
  /** kept in the sort links of the comparison page */
  campaignParam?: string;
  /** across campaigns the audiences of every campaign's posts are added up, and the header says so */
  followersLabel?: string;
}) {
  const extra = campaignParam ? `campaign=${encodeURIComponent(campaignParam)}&` : "";
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="creator-breakdown">
        <thead>
          <tr className="border-b border-gray-200 text-xs font-medium uppercase tracking-wide text-gray-500">
            <SortHeader label="Creator" sortKey="name" current={sort} dir={dir} align="left" extra={extra} />
            <th className="py-2 pr-4 text-left">Platform</th>
            <SortHeader label={followersLabel} sortKey="followers" current={sort} dir={dir} extra={extra} />
            {BREAKDOWN_COLUMNS.map((key) => (
              <SortHeader key={key} label={KPI_CATALOG[key].label} sortKey={key} current={sort} dir={dir} extra={extra} />
            ))}
            <SortHeader label="Cost" sortKey="cost" current={sort} dir={dir} extra={extra} />
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map((row) => (
            <tr key={row.creatorId} className="hover:bg-gray-50" data-creator={row.name}>
              <td className="py-2.5 pr-4 font-medium text-gray-900">{row.name}</td>
              <td className="py-2.5 pr-4 text-gray-600">{row.platforms.map(platformLabel).join(", ") || <span className="text-gray-400">—</span>}</td>
              <td className="py-2.5 pr-4 text-right tabular-nums text-gray-700">{row.kpis.followers === null ? "—" : formatInteger(row.kpis.followers)}</td>
              {BREAKDOWN_COLUMNS.map((key) => (
                <td key={key} className={`py-2.5 pr-4 text-right tabular-nums ${key === "audience_ctr" ? "font-semibold text-gray-900" : "text-gray-700"}`} data-kpi={key}>
                  {formatKpi(KPI_CATALOG[key].unit, kpiValue(row.kpis, key), currency)}
                </td>
              ))}
              <td className="py-2.5 pr-4 text-right tabular-nums text-gray-700">{formatKpi("money", row.kpis.costMinor, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
