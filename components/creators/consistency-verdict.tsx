import { CONSISTENT_CV, type Consistency } from "@/lib/analytics/kpi";
import { formatKpi, formatRate } from "@/lib/format";

const TONES = {
  consistent: { box: "bg-emerald-50 ring-emerald-200", badge: "bg-emerald-700 text-white", label: "Consistent" },
  variable: { box: "bg-amber-50 ring-amber-300", badge: "bg-amber-700 text-white", label: "Variable" },
  pending: { box: "bg-gray-50 ring-gray-200", badge: "bg-gray-200 text-gray-800", label: "One campaign so far" },
  none: { box: "bg-gray-50 ring-gray-200", badge: "bg-gray-200 text-gray-800", label: "No verdict yet" },
} as const;

function spread(c: { mean: number; cv: number }): string {
  return `mean ${formatKpi("rate", c.mean)}, varies ±${formatRate(c.cv, 0)}`;
}

/**
 * The consistency verdict over the creator's campaigns (audience CTR decides it; conversion rate
 * is shown beside once there are conversions). Renders nothing when there are no campaigns.
 */
export function ConsistencyVerdict({ audienceCtr, conversionRate, campaignCount }: { audienceCtr: Consistency; conversionRate: Consistency; campaignCount: number }) {
  if (campaignCount === 0) return null;
  const tone =
    audienceCtr.verdict === "consistent" ? TONES.consistent : audienceCtr.verdict === "variable" ? TONES.variable : audienceCtr.verdict === "one campaign so far" ? TONES.pending : TONES.none;
  let summary: string;
  if (audienceCtr.verdict === "consistent" || audienceCtr.verdict === "variable") {
    summary = `Audience CTR ${spread(audienceCtr)} across ${audienceCtr.campaigns} campaigns.`;
  } else if (audienceCtr.verdict === "one campaign so far") {
    // Several campaigns but only one with an audience CTR (the others lack a link or a follower
    // count) is still "one campaign so far": say why, or the count of rows below looks wrong.
    summary =
      campaignCount === 1
        ? `Audience CTR ${formatKpi("rate", audienceCtr.mean)} in the one campaign so far; a verdict needs two or more.`
        : `Only one of these campaigns has an audience CTR (${formatKpi("rate", audienceCtr.mean)}); a verdict needs two or more.`;
  } else if (audienceCtr.campaigns > 0) {
    summary = "No clicks in these campaigns yet; a verdict needs clicks in two or more.";
  } else {
    summary = "None of these campaigns has an audience CTR yet: it needs a link for the creator and their follower count on its platform.";
  }
  const conversions = conversionRate.verdict === "consistent" || conversionRate.verdict === "variable" ? conversionRate : null;

  return (
    <div className={`rounded-lg p-4 ring-1 ${tone.box}`} data-testid="consistency-verdict" data-verdict={audienceCtr.verdict}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className={`rounded-full px-2.5 py-0.5 text-sm font-semibold ${tone.badge}`}>{tone.label}</span>
        <p className="text-sm text-gray-800 tabular-nums">{summary}</p>
      </div>
      {conversions && conversions.mean > 0 ? (
        <p className="mt-1 text-sm text-gray-700 tabular-nums">
          Conversion rate {spread(conversions)} ({conversions.verdict}).
        </p>
      ) : null}
      <p className="mt-2 text-xs text-gray-500">
        Consistent: audience CTR varies by ±{formatRate(CONSISTENT_CV, 0)} or less across campaigns (coefficient of variation, standard deviation ÷ mean, at most{" "}
        {CONSISTENT_CV}).
      </p>
    </div>
  );
}
