// Series colours that stay apart from each other (Tremor's default run — brand, cyan, sky, indigo,
// violet — is five near-identical blues). Literal class names, so Tailwind generates them.
export const CHART_COLORS = [
  { tremor: "indigo", bg: "bg-indigo-500" },
  { tremor: "amber", bg: "bg-amber-500" },
  { tremor: "emerald", bg: "bg-emerald-500" },
  { tremor: "rose", bg: "bg-rose-500" },
  { tremor: "sky", bg: "bg-sky-500" },
  { tremor: "violet", bg: "bg-violet-500" },
  { tremor: "lime", bg: "bg-lime-500" },
  { tremor: "orange", bg: "bg-orange-500" },
  { tremor: "teal", bg: "bg-teal-500" },
  { tremor: "fuchsia", bg: "bg-fuchsia-500" },
  { tremor: "slate", bg: "bg-slate-500" },
  { tremor: "red", bg: "bg-red-500" },
] as const;

/** The same colour for the same name wherever a page draws it: by the name's place in sorted order. */
export function colorsByName(names: readonly string[]): Map<string, (typeof CHART_COLORS)[number]> {
  const sorted = [...new Set(names)].sort((a, b) => a.localeCompare(b));
  return new Map(sorted.map((name, index) => [name, CHART_COLORS[index % CHART_COLORS.length]!]));
}
