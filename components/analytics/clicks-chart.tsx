"use client";

import { AreaChart } from "@tremor/react";
import { formatDayLabel, formatInteger } from "@/lib/format";

type Point = { date: string; clicks: number; uniqueClicks: number };

export function ClicksChart({ data }: { data: Point[] }) {
  const rows = data.map((point) => ({
    date: formatDayLabel(point.date),
    Clicks: point.clicks,
    "Unique clicks": point.uniqueClicks,
  }));
  return (
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
    />
  );
}
