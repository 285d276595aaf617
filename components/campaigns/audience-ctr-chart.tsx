"use client";

import { BarChart } from "@tremor/react";

/** Audience CTR per creator, highest first: where same-size audiences acting ten times apart shows. */
export function AudienceCtrChart({ data }: { data: { name: string; ctrPercent: number }[] }) {
  return (
    <BarChart
      className="h-72"
      data={data.map((d) => ({ name: d.name, "Audience CTR": Number(d.ctrPercent.toFixed(2)) }))}
      index="name"
      categories={["Audience CTR"]}
      colors={["indigo"]}
      valueFormatter={(value) => `${value.toFixed(2)} %`}
      showAnimation={false}
      yAxisWidth={56}
    />
  );
}
