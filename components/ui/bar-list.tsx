import { formatInteger } from "@/lib/format";

/**
 * Named bars, largest first, as a real list (Tremor's BarList puts aria-sort on a div, which
 * screen readers reject): each row says its name and value; the bar is decoration.
 */
export function BarList({ items, label }: { items: { name: string; value: number }[]; label: string }) {
  const max = Math.max(...items.map((item) => item.value), 1);
  return (
    <ul className="mt-3 space-y-1.5" aria-label={label}>
      {items.map((item) => (
        <li key={item.name} className="relative flex items-center justify-between gap-3 rounded px-2 py-1 text-sm">
          <span aria-hidden className="absolute inset-y-0 left-0 rounded bg-indigo-50" style={{ width: `${Math.max((item.value / max) * 100, 1)}%` }} />
          <span className="relative min-w-0 truncate text-gray-800" title={item.name}>
            {item.name}
          </span>
          <span className="relative shrink-0 tabular-nums text-gray-900">{formatInteger(item.value)}</span>
        </li>
      ))}
    </ul>
  );
}
