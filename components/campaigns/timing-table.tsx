import { SortHeader } from "@/components/ui/sort-header";
import { TIMING_BUCKETS, timingShares } from "@/lib/analytics/kpi";
import type { CreatorTiming } from "@/lib/analytics/timing";
import { TIMING_SORT_PARAMS, timingSortFirstDir, type TimingSortKey } from "@/lib/campaigns/timing-table";
import { formatInteger, formatRate } from "@/lib/format";
import type { SortDir } from "@/lib/table-sort";
import { TableScroll } from "@/components/ui/table-scroll";

/**
 * Per creator: the share of clicks in each period after the post went live, and the half-life.
 * Rows come sorted (lib/campaigns/timing-table.ts); the headers link to ?tsort=&tdir=, keeping
 * the page's other parameters (the breakdown's sort) in `keep`.
 */
export function TimingTable({ rows, sort, dir, keep }: { rows: CreatorTiming[]; sort: TimingSortKey; dir: SortDir; keep: Readonly<Record<string, string | undefined>> }) {
  const header = (key: TimingSortKey, label: string, align: "left" | "right", className: string) => (
    <SortHeader label={label} sortKey={key} current={sort} dir={dir} firstDir={timingSortFirstDir(key)} params={TIMING_SORT_PARAMS} keep={keep} align={align} className={className} />
  );
  return (
    <TableScroll label="Timing by creator">
      <table className="min-w-full text-sm" data-testid="timing-table">
        <thead>
          <tr className="border-b border-gray-200 text-xs font-medium uppercase tracking-wide text-gray-500">
            {header("name", "Creator", "left", "py-2 pr-4")}
            {TIMING_BUCKETS.map((b) => (
              <th key={b.key} className="py-2 pr-3 text-right">
                {b.label}
              </th>
            ))}
            {header("half_life", "Half-life", "right", "whitespace-nowrap py-2 pr-3")}
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map(({ creatorId, name, timing }) => {
            const shares = timingShares(timing.buckets);
            return (
              <tr key={creatorId} data-creator={name}>
                <td className="py-2 pr-4 font-medium text-gray-900">
                  {name} <span className="text-xs font-normal text-gray-500">{formatInteger(timing.clicks)} clicks</span>
                </td>
                {TIMING_BUCKETS.map((b) => {
                  const share = shares?.[b.key] ?? 0;
                  return (
                    <td key={b.key} className="py-2 pr-3 text-right tabular-nums" style={{ backgroundColor: `rgba(79, 70, 229, ${(share * 0.45).toFixed(3)})` }}>
                      {/* a light tint at most, so dark text stays readable on every cell */}
                      <span className={share >= 0.2 ? "font-semibold text-gray-900" : "text-gray-700"}>{shares ? formatRate(share, 0) : "—"}</span>
                    </td>
                  );
                })}
                <td className="py-2 pr-3 text-right font-semibold tabular-nums text-gray-900" data-testid="half-life">
                  {timing.halfLifeHours === null ? "—" : `${formatInteger(timing.halfLifeHours)} h`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
