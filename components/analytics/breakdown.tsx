import { BarList } from "@/components/ui/bar-list";

export type BreakdownItem = { name: string; value: number };

export function Breakdown({ title, items, empty }: { title: string; items: BreakdownItem[]; empty: string }) {
  return (
    <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200" aria-label={title}>
      <div className="flex items-center justify-between text-xs font-medium uppercase tracking-wide text-gray-500">
        <h3>{title}</h3>
        <span>Clicks</span>
      </div>
      {items.length > 0 ? (
        <BarList items={items} label={`Clicks by ${title.toLowerCase()}`} />
      ) : (
        <p className="mt-4 text-sm text-gray-500">{empty}</p>
      )}
    </section>
  );
}
