// Where clicks came from, as small tables: link clicks vs QR scans, then one table per UTM tag
// of the links' destinations. Server-rendered; the bars are plain CSS.
import type { TrafficTags } from "@/lib/analytics/query";
import { formatInteger } from "@/lib/format";
import { UTM_KEYS } from "@/lib/links/utm";

const SOURCE_NAMES: Record<string, string> = { link: "Link clicks", qr: "QR scans" };

type TagRow = { value: string | null; clicks: number; uniqueClicks?: number };

function TagTable({ title, rows, name, testId }: { title: string; rows: TagRow[]; name: (value: string | null) => string; testId: string }) {
  const max = Math.max(1, ...rows.map((r) => r.clicks));
  return (
    <section aria-label={title} data-testid={testId} className="rounded-lg ring-1 ring-gray-200">
      <table className="w-full text-sm">
        <caption className="border-b border-gray-100 px-3 py-2 text-left font-mono text-xs font-semibold text-gray-700">{title}</caption>
        <thead className="sr-only">
          <tr>
            <th>Value</th>
            <th>Clicks</th>
            {rows.some((r) => r.uniqueClicks !== undefined) ? <th>Unique clicks</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.value ?? ""} data-value={row.value ?? ""}>
              <td className="relative w-full px-3 py-1.5">
                <span aria-hidden className="absolute inset-y-1 left-1 rounded bg-indigo-50" style={{ width: `calc(${(row.clicks / max) * 100}% - 0.5rem)` }} />
                <span className={`relative break-all ${row.value === null ? "italic text-gray-500" : "text-gray-800"}`}>{name(row.value)}</span>
              </td>
              <td className="px-2 py-1.5 text-right font-medium tabular-nums text-gray-900" data-col="clicks">
                {formatInteger(row.clicks)}
              </td>
              {row.uniqueClicks !== undefined ? (
                <td className="whitespace-nowrap py-1.5 pr-3 text-right text-xs tabular-nums text-gray-500" data-col="unique" title="Unique clicks">
                  {formatInteger(row.uniqueClicks)} uniq.
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function TrafficTagsGrid({ traffic }: { traffic: TrafficTags }) {
  const tagged = UTM_KEYS.filter((key) => traffic.tags[key].some((row) => row.value !== null && row.clicks > 0));
  const untagged = UTM_KEYS.filter((key) => !tagged.includes(key));
  return (
    <div className="space-y-3">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TagTable title="Source" testId="traffic-source" rows={traffic.sources} name={(v) => (v ? (SOURCE_NAMES[v] ?? v) : "Unknown")} />
        {tagged.map((key) => (
          <TagTable key={key} title={key} testId={`traffic-${key}`} rows={traffic.tags[key]} name={(v) => v ?? "(not tagged)"} />
        ))}
      </div>
      {untagged.length > 0 ? (
        <p className="text-xs text-gray-500" data-testid="traffic-untagged">
          No clicks carried {untagged.map((key, i) => <span key={key}>{i > 0 ? (i === untagged.length - 1 ? " or " : ", ") : ""}<code className="font-mono">{key}</code></span>)}.
        </p>
      ) : null}
    </div>
  );
}
