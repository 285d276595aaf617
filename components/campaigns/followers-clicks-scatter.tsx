"use client";

// Drawn with recharts directly (Tremor's own drawing library): Tremor's ScatterChart cannot label
// its points nor draw the median audience CTR as a reference line, which is the point of the chart.
import { CartesianGrid, Cell, LabelList, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, XAxis, YAxis, ZAxis } from "recharts";
import { AXIS, colorsByName } from "@/components/ui/chart-colors";
import { ChartFrame } from "@/components/ui/chart-frame";
import { niceScale } from "@/lib/charts/nice-scale";
import { median } from "@/lib/analytics/kpi";
import { formatCompact, formatInteger } from "@/lib/format";

type Point = { name: string; followers: number; uniqueClicks: number };

/**
 * Followers against unique clicks, one labelled dot per creator, and the line where a creator's
 * audience CTR equals the median: dots level on audience but far apart on clicks are the same
 * reach with a different pull, above the line is better than usual.
 */
export function FollowersClicksScatter({ data, colorNames }: { data: Point[]; colorNames?: readonly string[] }) {
  const colors = colorsByName(colorNames ?? data.map((d) => d.name));
  const x = niceScale(Math.max(...data.map((d) => d.followers), 0), { headroom: 0.08 });
  const y = niceScale(Math.max(...data.map((d) => d.uniqueClicks), 0), { headroom: 0.12, integer: true });
  const mid = median(data.map((d) => (d.followers > 0 ? d.uniqueClicks / d.followers : null)));
  const pct = (rate: number) => `${(rate * 100).toFixed(rate >= 0.01 ? 1 : 2)} %`;
  const summary = `Followers against unique clicks, one point per creator: ${data
    .map((d) => `${d.name} ${formatInteger(d.followers)} followers, ${formatInteger(d.uniqueClicks)} unique clicks`)
    .join("; ")}${mid === null ? "" : `. The line marks the median audience CTR, ${pct(mid)}`}.`;
  const placement = placeLabels(data, x.max, y.max);
  // the median line from the origin to where it leaves the plot
  const lineEnd = mid === null || mid <= 0 ? null : mid * x.max <= y.max ? { x: x.max, y: mid * x.max } : { x: y.max / mid, y: y.max };
  return (
    <ChartFrame
      summary={summary}
      testId="followers-clicks-scatter"
      legend={lineEnd && mid !== null ? [{ name: `Median audience CTR (${pct(mid)})`, colorClass: "bg-gray-700", line: true }] : undefined}
    >
      <div className="h-80">
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 12, right: 16, bottom: 22, left: 4 }}>
            <CartesianGrid stroke={AXIS.grid} />
            <XAxis
              type="number"
              dataKey="followers"
              name="Followers"
              domain={[0, x.max]}
              ticks={x.ticks}
              tickFormatter={formatCompact}
              tick={AXIS.tick}
              axisLine={false}
              tickLine={false}
              label={{ value: "Followers when the post went live", position: "insideBottom", offset: -14, fill: AXIS.tick.fill, fontSize: 12 }}
            />
            <YAxis
              type="number"
              dataKey="uniqueClicks"
              name="Unique clicks"
              domain={[0, y.max]}
              ticks={y.ticks}
              tickFormatter={formatCompact}
              tick={AXIS.tick}
              axisLine={false}
              tickLine={false}
              width={52}
              label={{ value: "Unique clicks", angle: -90, position: "insideLeft", offset: 10, fill: AXIS.tick.fill, fontSize: 12, style: { textAnchor: "middle" } }}
            />
            <ZAxis range={[90, 90]} />
            {lineEnd ? (
              <ReferenceLine
                segment={[
                  { x: 0, y: 0 },
                  { x: lineEnd.x, y: lineEnd.y },
                ]}
                stroke={AXIS.reference}
                strokeDasharray="4 3"
                ifOverflow="hidden"
              />
            ) : null}
            <Scatter data={data} isAnimationActive={false}>
              {data.map((d) => (
                <Cell key={d.name} fill={colors.get(d.name)?.hex ?? "#6366f1"} stroke="#ffffff" strokeWidth={1.5} />
              ))}
              <LabelList dataKey="name" content={<PointLabel placement={placement} />} />
            </Scatter>
          </ScatterChart>
        </ResponsiveContainer>
      </div>
    </ChartFrame>
  );
}

/** Approximate height of the plot area (h-80 less the margins and the x axis), to turn shifts into pixels. */
const PLOT_HEIGHT_PX = 250;

/**
 * Where each point's name goes: beside the point (to its left in the right third of the plot),
 * moved up or down — in steps of a line — when it would sit on a name placed before it.
 * Greedy, in the plot's 0–1 coordinates; returns the vertical shift of each label, as a fraction.
 */
export function placeLabels(points: readonly Point[], xMax: number, yMax: number): { left: boolean; shift: number }[] {
  const LINE = 0.06;
  const placed: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const order = points.map((_, i) => i).sort((a, b) => points[b]!.uniqueClicks - points[a]!.uniqueClicks);
  const result: { left: boolean; shift: number }[] = points.map(() => ({ left: false, shift: 0 }));
  for (const i of order) {
    const p = points[i]!;
    const nx = xMax > 0 ? p.followers / xMax : 0;
    const ny = yMax > 0 ? p.uniqueClicks / yMax : 0;
    const left = nx > 0.66;
    const width = Math.min(16, p.name.length) * 0.014 + 0.02;
    const [x0, x1] = left ? [nx - width, nx] : [nx, nx + width];
    const shift = [0, LINE, -LINE, 2 * LINE, -2 * LINE, 3 * LINE, -3 * LINE].find((d) =>
      placed.every((box) => x1 <= box.x0 || x0 >= box.x1 || ny + d + LINE / 2 <= box.y0 || ny + d - LINE / 2 >= box.y1),
    ) ?? 0;
    placed.push({ x0, x1, y0: ny + shift - LINE / 2, y1: ny + shift + LINE / 2 });
    result[i] = { left, shift };
  }
  return result;
}

/** A point's creator, placed by placeLabels, cut to fit, the whole name on hover. */
function PointLabel({ x, y, value, index, placement }: { x?: number | string; y?: number | string; value?: string | number; index?: number; placement: readonly { left: boolean; shift: number }[] }) {
  const name = String(value ?? "");
  const short = name.length > 16 ? `${name.slice(0, 15)}…` : name;
  const px = Number(x ?? 0);
  const py = Number(y ?? 0) - (placement[index ?? 0]?.shift ?? 0) * PLOT_HEIGHT_PX;
  const left = placement[index ?? 0]?.left ?? false;
  return (
    <text x={left ? px - 9 : px + 9} y={py} dy={4} textAnchor={left ? "end" : "start"} fill="#374151" fontSize={11} fontWeight={500}>
      <title>{name}</title>
      {short}
    </text>
  );
}
