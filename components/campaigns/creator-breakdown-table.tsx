import { SortHeader } from "@/components/ui/sort-header";
import { KPI_CATALOG, kpiValue } from "@/lib/analytics/kpi";
import { BREAKDOWN_COLUMNS, CONVERSION_KPIS, type SortKey } from "@/lib/campaigns/breakdown";
import type { CreatorPerformance } from "@/lib/campaigns/performance";
import { platformLabel } from "@/lib/creators/platforms";
import { formatInteger, formatKpi } from "@/lib/format";
import { TableScroll } from "@/components/ui/table-scroll";

export function CreatorBreakdownTable({
  rows,
  sort,
  dir,
  currency,
  campaignParam,
  followersLabel = "Followers",
  keep = {},
  conversionsTracked = true,
}: {
  rows: CreatorPerformance[];
  sort: SortKey;
  dir: "asc" | "desc";
  currency: string;
  /** kept in the sort links of the comparison page */
  campaignParam?: string;
  /** across campaigns the audiences of every campaign's posts are added up, and the header says so */
  followersLabel?: string;
  /** the page's other query parameters (another table's sort), kept in the sort links */
  keep?: Readonly<Record<string, string | undefined>>;
  /** false: the conversion KPIs say "not tracked" rather than a 0 that reads as failure */
  conversionsTracked?: boolean;
}) {
  const kept = { campaign: campaignParam, ...keep };
  // Untracked conversions: one quiet column that says so, instead of six columns of zeros.
  const columns = conversionsTracked ? BREAKDOWN_COLUMNS : BREAKDOWN_COLUMNS.filter((key) => !CONVERSION_KPIS.includes(key));
  return (
    <TableScroll label="Creators compared">
      <table className="min-w-full text-sm" data-testid="creator-breakdown">
        <thead>
          <tr className="border-b border-gray-200 text-xs font-medium uppercase tracking-wide text-gray-500">
            <SortHeader label="Creator" sortKey="name" current={sort} dir={dir} align="left" keep={kept} />
            <th className="hidden py-2 pr-4 text-left sm:table-cell">Platform</th>
            <SortHeader label={followersLabel} sortKey="followers" current={sort} dir={dir} keep={kept} />
            {columns.map((key) => (
              <SortHeader key={key} label={KPI_CATALOG[key].label} sortKey={key} current={sort} dir={dir} keep={kept} />
            ))}
            {conversionsTracked ? null : <th className="py-2 pr-4 text-right">Conversions, revenue, ROAS</th>}
            <SortHeader label="Cost" sortKey="cost" current={sort} dir={dir} keep={kept} />
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map((row) => (
            <tr key={row.creatorId} className="hover:bg-gray-50" data-creator={row.name}>
              <td className="py-2.5 pr-4 font-medium text-gray-900">{row.name}</td>
              <td className="hidden py-2.5 pr-4 text-gray-600 sm:table-cell">{row.platforms.map(platformLabel).join(", ") || <span className="text-gray-500">—</span>}</td>
              <td className="py-2.5 pr-4 text-right tabular-nums text-gray-700">{row.kpis.followers === null ? "—" : formatInteger(row.kpis.followers)}</td>
              {columns.map((key) => (
                <td key={key} className={`py-2.5 pr-4 text-right tabular-nums ${key === "audience_ctr" ? "font-semibold text-gray-900" : "text-gray-700"}`} data-kpi={key}>
                  {formatKpi(KPI_CATALOG[key].unit, kpiValue(row.kpis, key), currency)}
                </td>
              ))}
              {conversionsTracked ? null : (
                <td className="whitespace-nowrap py-2.5 pr-4 text-right text-xs text-gray-500" data-untracked="conversions">
                  not tracked
                </td>
              )}
              <td className="py-2.5 pr-4 text-right tabular-nums text-gray-700">{formatKpi("money", row.kpis.costMinor, currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
