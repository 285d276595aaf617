"use client";

import { BarChart } from "@tremor/react";
import { ChartFrame } from "@/components/ui/chart-frame";
import { formatInteger } from "@/lib/format";

/** Clicks per period since the post went live, in the periods' own order (first hour → later). */
export function TimingChart({ data }: { data: { period: string; clicks: number }[] }) {
  const summary = `Clicks by time since the post went live: ${data.map((d) => `${d.period} ${formatInteger(d.clicks)}`).join(", ")}.`;
  return (
    <ChartFrame summary={summary}>
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
    </ChartFrame>
  );
}
