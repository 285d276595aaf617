"use client";

import { ScatterChart } from "@tremor/react";
import { formatInteger } from "@/lib/format";

/** Followers against unique clicks, one dot per creator: equal audiences far apart stand out. */
export function FollowersClicksScatter({ data }: { data: { name: string; followers: number; uniqueClicks: number }[] }) {
  return (
    <ScatterChart
      className="h-80"
      data={data.map((d) => ({ creator: d.name, Followers: d.followers, "Unique clicks": d.uniqueClicks }))}
      category="creator"
      x="Followers"
      y="Unique clicks"
      xAxisLabel="Followers at the time of the post"
      yAxisLabel="Unique clicks"
      valueFormatter={{ x: formatInteger, y: formatInteger }}
      showAnimation={false}
      showOpacity={false}
      yAxisWidth={64}
      enableLegendSlider
    />
  );
}
