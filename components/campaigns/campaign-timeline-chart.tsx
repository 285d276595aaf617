"use client";

// Drawn with recharts directly (Tremor's own drawing library): Tremor's LineChart cannot mark a
// moment on its axis, and each creator's post going live is what this chart is for.
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { AXIS, colorsByName } from "@/components/ui/chart-colors";
import { ChartFrame } from "@/components/ui/chart-frame";
import { niceScale } from "@/lib/charts/nice-scale";
import { formatCompact, formatDayLabel, formatInteger } from "@/lib/format";

export type TimelineSeries = { name: string; clicks: number[]; postedOn: string | null };

/**
 * Clicks per day of the campaign, one line per creator, a dashed line in the creator's colour on
 * the day their post went live. `days`: ISO days (the x axis); each series has a count per day.
 */
export function CampaignTimelineChart({ days, series, colorNames }: { days: string[]; series: TimelineSeries[]; colorNames?: readonly string[] }) {
  const colors = colorsByName(colorNames ?? series.map((s) => s.name));
  const rows = days.map((day, i) => Object.fromEntries([["day", day], ...series.map((s) => [s.name, s.clicks[i] ?? 0])]));
  const y = niceScale(Math.max(0, ...series.flatMap((s) => s.clicks)), { integer: true, headroom: 0.05 });
  const summary = `Clicks per day from ${formatDayLabel(days[0] ?? "")} to ${formatDayLabel(days[days.length - 1] ?? "")}: ${series
    .map((s) => {
      const total = s.clicks.reduce((a, b) => a + b, 0);
      const peak = s.clicks.indexOf(Math.max(...s.clicks));
      return `${s.name} ${formatInteger(total)}${s.postedOn ? `, posted ${formatDayLabel(s.postedOn)}` : ""}${total > 0 ? `, most on ${formatDayLabel(days[peak] ?? "")}` : ""}`;
    })
    .join("; ")}.`;
  return (
    <ChartFrame summary={summary} testId="campaign-timeline" legend={series.map((s) => ({ name: s.name, colorClass: colors.get(s.name)?.bg ?? "bg-indigo-500" }))}>
      <div className="h-72">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke={AXIS.grid} />
            <XAxis dataKey="day" tickFormatter={formatDayLabel} tick={AXIS.tick} axisLine={false} tickLine={false} interval="preserveStartEnd" minTickGap={24} />
            <YAxis domain={[0, y.max]} ticks={y.ticks} tickFormatter={formatCompact} tick={AXIS.tick} axisLine={false} tickLine={false} width={44} allowDecimals={false} />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(day: string) => formatDayLabel(day)}
              formatter={(value: number, name: string) => [formatInteger(value), name]}
              contentStyle={{ borderRadius: 8, borderColor: AXIS.grid, fontSize: 12 }}
            />
            {series.map((s) =>
              s.postedOn && days.includes(s.postedOn) ? (
                <ReferenceLine key={`post-${s.name}`} x={s.postedOn} stroke={colors.get(s.name)?.hex} strokeDasharray="3 3" strokeOpacity={0.9} />
              ) : null,
            )}
            {series.map((s) => (
              <Line key={s.name} type="monotone" dataKey={s.name} stroke={colors.get(s.name)?.hex} strokeWidth={2} dot={false} isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="mt-2 text-xs text-gray-500">Dashed lines: the day each creator&apos;s post went live.</p>
    </ChartFrame>
  );
}
