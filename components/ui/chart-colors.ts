// Series colours that stay apart from each other (Tremor's default run — brand, cyan, sky, indigo,
// violet — is five near-identical blues). Literal class names, so Tailwind generates them; `hex`
// for the charts drawn with recharts directly (Tailwind's 500 shades, the same colours).
export const CHART_COLORS = [
  { tremor: "indigo", bg: "bg-indigo-500", hex: "#6366f1" },
  { tremor: "amber", bg: "bg-amber-500", hex: "#f59e0b" },
  { tremor: "emerald", bg: "bg-emerald-500", hex: "#10b981" },
  { tremor: "rose", bg: "bg-rose-500", hex: "#f43f5e" },
  { tremor: "sky", bg: "bg-sky-500", hex: "#0ea5e9" },
  { tremor: "violet", bg: "bg-violet-500", hex: "#8b5cf6" },
  { tremor: "lime", bg: "bg-lime-500", hex: "#84cc16" },
  { tremor: "orange", bg: "bg-orange-500", hex: "#f97316" },
  { tremor: "teal", bg: "bg-teal-500", hex: "#14b8a6" },
  { tremor: "fuchsia", bg: "bg-fuchsia-500", hex: "#d946ef" },
  { tremor: "slate", bg: "bg-slate-500", hex: "#64748b" },
  { tremor: "red", bg: "bg-red-500", hex: "#ef4444" },
] as const;

export type ChartColor = (typeof CHART_COLORS)[number];

/** The same colour for the same name wherever a page draws it: by the name's place in sorted order. */
export function colorsByName(names: readonly string[]): Map<string, ChartColor> {
  const sorted = [...new Set(names)].sort((a, b) => a.localeCompare(b));
  return new Map(sorted.map((name, index) => [name, CHART_COLORS[index % CHART_COLORS.length]!]));
}

/** Axis text and grid, as Tremor draws them. */
export const AXIS = { tick: { fill: "#6b7280", fontSize: 12 }, grid: "#e5e7eb", reference: "#374151" } as const;
