"use client";

import { ScatterChart } from "@tremor/react";
import { colorsByName } from "@/components/ui/chart-colors";
import { ChartFrame } from "@/components/ui/chart-frame";
import { formatInteger } from "@/lib/format";

/** Followers against unique clicks, one dot per creator: equal audiences far apart stand out. */
export function FollowersClicksScatter({ data }: { data: { name: string; followers: number; uniqueClicks: number }[] }) {
  const sorted = [...data].sort((a, b) => a.name.localeCompare(b.name));
  const colors = colorsByName(sorted.map((d) => d.name));
  const summary = `Followers against unique clicks, one point per creator: ${data.map((d) => `${d.name} ${formatInteger(d.followers)} followers, ${formatInteger(d.uniqueClicks)} unique clicks`).join("; ")}.`;
  return (
    <ChartFrame summary={summary} legend={sorted.map((d) => ({ name: d.name, colorClass: colors.get(d.name)!.bg }))}>
    <ScatterChart
      className="h-80"
      data={sorted.map((d) => ({ creator: d.name, Followers: d.followers, "Unique clicks": d.uniqueClicks }))}
      category="creator"
      x="Followers"
      y="Unique clicks"
      xAxisLabel="Followers at the time of the post"
      yAxisLabel="Unique clicks"
      valueFormatter={{ x: formatInteger, y: formatInteger }}
      showAnimation={false}
      showOpacity={false}
      yAxisWidth={64}
      colors={sorted.map((d) => colors.get(d.name)!.tremor)}
      showLegend={false}
    />
    </ChartFrame>
  );
}
