"use client";

// Drawn with recharts directly (Tremor's own drawing library): Tremor's BarChart cannot name every
// bar of a vertical layout with truncation, nor draw the median as a reference line.
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { AXIS, colorsByName } from "@/components/ui/chart-colors";
import { ChartFrame } from "@/components/ui/chart-frame";
import { niceScale, stepDecimals } from "@/lib/charts/nice-scale";
import { median } from "@/lib/analytics/kpi";

const NAME_WIDTH = 112;
const ROW = 34;

/** A creator's name on the axis, cut to fit, the whole name on hover. */
function NameTick({ x, y, payload }: { x?: number; y?: number; payload?: { value: string } }) {
  const name = payload?.value ?? "";
  const short = name.length > 15 ? `${name.slice(0, 14)}…` : name;
  return (
    <text x={(x ?? 0) - 6} y={y ?? 0} dy={4} textAnchor="end" fill={AXIS.tick.fill} fontSize={12}>
      <title>{name}</title>
      {short}
    </text>
  );
}

/**
 * Audience CTR per creator, highest first, every creator named, the median marked: where
 * same-size audiences acting ten times apart shows. `colorNames`: every name the page colours,
 * so a creator has the same colour in each chart.
 */
export function AudienceCtrChart({ data, colorNames }: { data: { name: string; ctrPercent: number }[]; colorNames?: readonly string[] }) {
  const colors = colorsByName(colorNames ?? data.map((d) => d.name));
  const scale = niceScale(Math.max(...data.map((d) => d.ctrPercent), 0));
  const decimals = stepDecimals(scale.step);
  const mid = median(data.map((d) => d.ctrPercent));
  const precise = (value: number) => `${value.toFixed(value >= 1 ? 1 : value >= 0.1 ? 2 : 3)} %`;
  const summary = `Audience CTR by creator, highest first: ${data.map((d) => `${d.name} ${precise(d.ctrPercent)}`).join(", ")}${mid === null ? "" : `; median ${precise(mid)}`}.`;
  return (
    <ChartFrame summary={summary} testId="audience-ctr-chart">
      <div style={{ height: data.length * ROW + 36 }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} layout="vertical" margin={{ top: 18, right: 20, bottom: 0, left: 0 }} barCategoryGap={6}>
            <CartesianGrid horizontal={false} stroke={AXIS.grid} />
            <XAxis type="number" domain={[0, scale.max]} ticks={scale.ticks} tickFormatter={(v: number) => `${v.toFixed(decimals)} %`} tick={AXIS.tick} axisLine={false} tickLine={false} />
            <YAxis type="category" dataKey="name" width={NAME_WIDTH} interval={0} tick={<NameTick />} axisLine={false} tickLine={false} />
            <Bar dataKey="ctrPercent" isAnimationActive={false} radius={[0, 4, 4, 0]}>
              {data.map((d) => (
                <Cell key={d.name} fill={colors.get(d.name)?.hex ?? "#6366f1"} />
              ))}
            </Bar>
            {mid !== null && data.length > 1 ? (
              <ReferenceLine x={mid} stroke={AXIS.reference} strokeDasharray="4 3" label={{ value: `median ${precise(mid)}`, position: "top", fill: AXIS.reference, fontSize: 11 }} />
            ) : null}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}
