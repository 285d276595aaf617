"use client";

import { BarChart } from "@tremor/react";
import { formatInteger } from "@/lib/format";

/** Clicks per period since the post went live, in the periods' own order (first hour → later). */
export function TimingChart({ data }: { data: { period: string; clicks: number }[] }) {
  return (
    <BarChart
      className="h-64"
      data={data.map((d) => ({ period: d.period, Clicks: d.clicks }))}
      index="period"
      categories={["Clicks"]}
      colors={["indigo"]}
      valueFormatter={formatInteger}
      showAnimation={false}
      showLegend={false}
      allowDecimals={false}
      yAxisWidth={56}
    />
  );
}
