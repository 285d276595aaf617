/**
 * Every chart's frame: an HTML legend (named, one colour per series) and a text alternative.
 * The drawing itself is hidden from assistive tech — Tremor's SVG has no names for its shapes and
 * its legend's list markup is invalid — and the same numbers are in the summary (and, on every
 * page, in a table beside the chart).
 */
export type LegendItem = { name: string; colorClass: string; /** a dashed reference line rather than a series */ line?: boolean };

export function ChartFrame({ summary, legend, children, testId }: { summary: string; legend?: LegendItem[]; children: React.ReactNode; testId?: string }) {
  return (
    <figure data-testid={testId}>
      {legend && legend.length > 0 ? (
        <ul className="mb-2 flex flex-wrap justify-end gap-x-4 gap-y-1 text-sm text-gray-600" aria-label="Legend">
          {legend.map((item) => (
            <li key={item.name} className="inline-flex items-center gap-1.5">
              <span aria-hidden className={item.line ? "w-4 border-t-2 border-dashed border-gray-700" : `h-2.5 w-2.5 rounded-full ${item.colorClass}`} />
              {item.name}
            </li>
          ))}
        </ul>
      ) : null}
      <div aria-hidden="true">{children}</div>
      <figcaption className="sr-only">{summary}</figcaption>
    </figure>
  );
}
