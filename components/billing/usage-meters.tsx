// Usage this billing period against the plan's limits, as progress bars; amber from 80 %.
import { formatDate, formatInteger, formatPercent } from "@/lib/format";
import type { Usage } from "@/lib/billing/usage";

export function UsageMeters({ usage, planName }: { usage: Usage; planName: string }) {
  const lastDay = new Date(usage.period.end.getTime() - 1);
  return (
    <div className="space-y-5" data-testid="usage-meters">
      <p className="text-sm text-gray-500">
        Billing period {formatDate(usage.period.start)} – {formatDate(lastDay)} · {planName} plan
      </p>
      {usage.meters.map((meter) => {
        const width = Math.min(100, meter.share * 100);
        const tone = meter.over ? "bg-red-500" : meter.warning ? "bg-amber-500" : "bg-indigo-500";
        return (
          <div key={meter.limit} data-testid={`usage-${meter.limit}`} data-warning={meter.warning ? "true" : "false"}>
            <div className="flex items-baseline justify-between gap-4 text-sm">
              <span className="font-medium text-gray-900">{meter.label}</span>
              <span className="tabular-nums text-gray-600">
                {formatInteger(meter.used)} of {formatInteger(meter.allowed)} <span className="text-gray-500">({formatPercent(meter.share)})</span>
              </span>
            </div>
            <div
              className="mt-1.5 h-2 overflow-hidden rounded-full bg-gray-100"
              role="progressbar"
              aria-label={meter.label}
              aria-valuemin={0}
              aria-valuemax={meter.allowed}
              aria-valuenow={meter.used}
            >
              <div className={`h-full rounded-full ${tone}`} style={{ width: `${width}%` }} />
            </div>
            {meter.warning ? (
              <p className={`mt-1.5 text-xs ${meter.over ? "text-red-700" : "text-amber-700"}`} role="status">
                {meterWarning(meter.limit, meter.over)}
              </p>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

function meterWarning(limit: Usage["meters"][number]["limit"], over: boolean): string {
  if (limit === "linksPerMonth") {
    return over ? "Limit reached: new links are refused until the next period or an upgrade. Existing links keep working." : "80 % or more of this period's links are used.";
  }
  return over
    ? "Over this period's click allowance. Every click is still tracked and every link still redirects; upgrade to stay within your plan."
    : "80 % or more of this period's click allowance is used. Clicks are never dropped, but consider upgrading.";
}
