"use client";

import { BarList } from "@tremor/react";
import { formatInteger } from "@/lib/format";

export type BreakdownItem = { name: string; value: number };

export function Breakdown({ title, items, empty }: { title: string; items: BreakdownItem[]; empty: string }) {
  return (
    <section className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-gray-200" aria-label={title}>
      <div className="flex items-center justify-between text-xs font-medium uppercase tracking-wide text-gray-500">
        <h3>{title}</h3>
        <span>Clicks</span>
      </div>
      {items.length > 0 ? (
        <BarList data={items} className="mt-3" valueFormatter={formatInteger} />
      ) : (
        <p className="mt-4 text-sm text-gray-400">{empty}</p>
      )}
    </section>
  );
}
