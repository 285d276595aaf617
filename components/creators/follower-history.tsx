import { FollowerHistoryChart } from "@/components/creators/follower-history-chart";
import { formatDateTime, formatInteger } from "@/lib/format";

type Point = { id: string; followers: number; recordedAt: Date };

const HISTORY_ROWS = 6;

/** A platform's recorded follower counts: a line once there are two, and the latest entries with their change. */
export function FollowerHistory({ label, history }: { label: string; history: Point[] }) {
  const latestFirst = [...history].reverse();
  return (
    <div className="space-y-3">
      {/* a line needs counts on at least two days; same-day corrections read better as the table */}
      {new Set(history.map((point) => point.recordedAt.toISOString().slice(0, 10))).size >= 2 ? <FollowerHistoryChart points={history.map((point) => ({ recordedAt: point.recordedAt.toISOString(), followers: point.followers }))} /> : null}
      <table className="min-w-full text-sm" data-testid="follower-history" aria-label={`${label} follower history`}>
        <thead>
          <tr className="border-b border-gray-100 text-left text-xs font-medium uppercase tracking-wide text-gray-500">
            <th className="py-1.5 pr-4">Recorded</th>
            <th className="py-1.5 pr-4 text-right">Followers</th>
            <th className="py-1.5 text-right">Change</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-50">
          {latestFirst.slice(0, HISTORY_ROWS).map((point, index) => {
            const previous = latestFirst[index + 1];
            const change = previous ? point.followers - previous.followers : null;
            return (
              <tr key={point.id}>
                <td className="py-1.5 pr-4 text-gray-600">{formatDateTime(point.recordedAt)}</td>
                <td className="py-1.5 pr-4 text-right tabular-nums text-gray-900">{formatInteger(point.followers)}</td>
                <td className={`py-1.5 text-right tabular-nums ${change === null ? "text-gray-500" : change >= 0 ? "text-emerald-700" : "text-red-600"}`}>
                  {change === null ? "first count" : `${change >= 0 ? "+" : "−"}${formatInteger(Math.abs(change))}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {history.length > HISTORY_ROWS ? <p className="text-xs text-gray-500">Showing the latest {HISTORY_ROWS} of {history.length} counts.</p> : null}
    </div>
  );
}
