"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type CampaignTab = { segment: "" | "timing" | "sources" | "conversions" | "setup"; label: string; hint?: string };

/** The campaign's sections: the story first (Overview), the detail each in its own tab. */
export function CampaignTabs({ base, tabs }: { base: string; tabs: readonly CampaignTab[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Campaign sections" className="-mx-4 overflow-x-auto border-b border-gray-200 px-4 sm:mx-0 sm:px-0">
      <ul className="flex sm:gap-1">
        {tabs.map((tab) => {
          const href = tab.segment ? `${base}/${tab.segment}` : base;
          const active = pathname === href;
          return (
            <li key={tab.segment} className="shrink-0">
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={`-mb-px inline-flex items-center gap-1.5 whitespace-nowrap border-b-2 px-2 py-2.5 text-sm sm:px-3 font-medium ${
                  active ? "border-indigo-600 text-indigo-700" : "border-transparent text-gray-600 hover:border-gray-300 hover:text-gray-900"
                }`}
              >
                {tab.label}
                {tab.hint ? <span className={`rounded-full px-1.5 py-0.5 text-xs tabular-nums ${active ? "bg-indigo-50 text-indigo-700" : "bg-gray-100 text-gray-600"}`}>{tab.hint}</span> : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
