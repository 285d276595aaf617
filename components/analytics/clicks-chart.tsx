"use client";

import { AreaChart } from "@tremor/react";

type Point = { date: string; clicks: number; uniqueClicks: number };

const label = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

export function ClicksChart({ data }: { data: Point[] }) {
  const rows = data.map((point) => ({
    date: label.format(new Date(`${point.date}T00:00:00Z`)),
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
      valueFormatter={(value) => new Intl.NumberFormat("en-US").format(value)}
      showAnimation={false}
      yAxisWidth={48}
      allowDecimals={false}
    />
  );
}
