"use client";

import { AreaChart } from "@tremor/react";
import { ChartFrame } from "@/components/ui/chart-frame";
import { formatDayLabel, formatInteger } from "@/lib/format";

type Point = { date: string; clicks: number; uniqueClicks: number };

export function ClicksChart({ data }: { data: Point[] }) {
  const rows = data.map((point) => ({
    date: formatDayLabel(point.date),
    Clicks: point.clicks,
    "Unique clicks": point.uniqueClicks,
  }));
  const total = data.reduce((sum, point) => sum + point.clicks, 0);
  const peak = data.reduce<Point | null>((best, point) => (!best || point.clicks > best.clicks ? point : best), null);
  const summary = `Clicks per day over ${data.length} days: ${formatInteger(total)} in all${peak && peak.clicks > 0 ? `, most on ${formatDayLabel(peak.date)} (${formatInteger(peak.clicks)})` : ""}.`;
  return (
    <ChartFrame summary={summary} legend={[{ name: "Clicks", colorClass: "bg-indigo-500" }, { name: "Unique clicks", colorClass: "bg-cyan-500" }]}>
    <AreaChart
      className="h-72"
      data={rows}
      index="date"
      categories={["Clicks", "Unique clicks"]}
      colors={["indigo", "cyan"]}
      valueFormatter={formatInteger}
      showAnimation={false}
      yAxisWidth={48}
      allowDecimals={false}
      showLegend={false}
    />
    </ChartFrame>
  );
}
