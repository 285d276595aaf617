"use client";

import { BarChart } from "@tremor/react";
import { ChartFrame } from "@/components/ui/chart-frame";

/** Audience CTR per creator, highest first: where same-size audiences acting ten times apart shows. */
export function AudienceCtrChart({ data }: { data: { name: string; ctrPercent: number }[] }) {
  // Enough decimals for the axis to tell its ticks apart, whatever the scale of the CTRs.
  const max = Math.max(...data.map((d) => d.ctrPercent), 0);
  const decimals = max >= 1 ? 1 : max >= 0.1 ? 2 : 3;
  const summary = `Audience CTR by creator, highest first: ${data.map((d) => `${d.name} ${d.ctrPercent.toFixed(decimals)} %`).join(", ")}.`;
  return (
    <ChartFrame summary={summary}>
    <BarChart
      className="h-72"
      data={data.map((d) => ({ name: d.name, "Audience CTR": d.ctrPercent }))}
      index="name"
      categories={["Audience CTR"]}
      colors={["indigo"]}
      valueFormatter={(value) => `${value.toFixed(decimals)} %`}
      showAnimation={false}
      yAxisWidth={56}
      showLegend={false}
    />
    </ChartFrame>
  );
}
