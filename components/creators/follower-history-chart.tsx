"use client";

import { LineChart } from "@tremor/react";
import { ChartFrame } from "@/components/ui/chart-frame";
import { formatInteger } from "@/lib/format";

const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "2-digit", timeZone: "UTC" });

export function FollowerHistoryChart({ points }: { points: { recordedAt: string; followers: number }[] }) {
  const data = points.map((point) => ({ date: day.format(new Date(point.recordedAt)), Followers: point.followers }));
  const first = data[0];
  const last = data[data.length - 1];
  const summary = first && last ? `Followers from ${formatInteger(first.Followers)} on ${first.date} to ${formatInteger(last.Followers)} on ${last.date}.` : "No follower history.";
  return (
    <ChartFrame summary={summary}>
    <LineChart
      className="h-40"
      data={data}
      index="date"
      categories={["Followers"]}
      colors={["indigo"]}
      valueFormatter={formatInteger}
      showAnimation={false}
      showLegend={false}
      yAxisWidth={64}
      allowDecimals={false}
      autoMinValue
    />
    </ChartFrame>
  );
}
