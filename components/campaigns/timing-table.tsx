import { TIMING_BUCKETS } from "@/lib/analytics/kpi";
import type { Timing } from "@/lib/analytics/timing";
import { formatInteger, formatRate } from "@/lib/format";

/** Per creator: the share of clicks in each period after the post went live, and the half-life. */
export function TimingTable({ rows }: { rows: { name: string; timing: Timing }[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm" data-testid="timing-table">
        <thead>
          <tr className="border-b border-gray-200 text-xs font-medium uppercase tracking-wide text-gray-500">
            <th className="py-2 pr-4 text-left">Creator</th>
            {TIMING_BUCKETS.map((b) => (
              <th key={b.key} className="py-2 pr-3 text-right">
                {b.label}
              </th>
            ))}
            <th className="py-2 pr-3 text-right">Half-life</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {rows.map(({ name, timing }) => (
            <tr key={name} data-creator={name}>
              <td className="py-2 pr-4 font-medium text-gray-900">
                {name} <span className="text-xs font-normal text-gray-400">{formatInteger(timing.clicks)} clicks</span>
              </td>
              {TIMING_BUCKETS.map((b) => {
                const share = timing.clicks ? timing.buckets[b.key] / timing.clicks : 0;
                return (
                  <td key={b.key} className="py-2 pr-3 text-right tabular-nums" style={{ backgroundColor: `rgba(79, 70, 229, ${(share * 0.6).toFixed(3)})` }}>
                    <span className={share > 0.35 ? "text-white" : "text-gray-700"}>{timing.clicks ? formatRate(share, 0) : "—"}</span>
                  </td>
                );
              })}
              <td className="py-2 pr-3 text-right font-semibold tabular-nums text-gray-900" data-testid="half-life">
                {timing.halfLifeHours === null ? "—" : `${timing.halfLifeHours} h`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
