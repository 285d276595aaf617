"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function SettingsNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  const items = [
    { href: `/w/${slug}/settings`, label: "Workspace and API keys" },
    { href: `/w/${slug}/settings/members`, label: "Members" },
    { href: `/w/${slug}/settings/conversions`, label: "Conversions" },
    { href: `/w/${slug}/settings/domains`, label: "Domains" },
    { href: `/w/${slug}/settings/billing`, label: "Plan and billing" },
  ];
  return (
    <nav aria-label="Settings sections" className="-mx-4 mt-3 flex gap-4 overflow-x-auto border-b border-gray-200 px-4 sm:mx-0 sm:px-0">
      {items.map((item) => {
        const active = pathname === item.href;
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={`-mb-px shrink-0 whitespace-nowrap border-b-2 px-1 pb-2 text-sm font-medium ${active ? "border-indigo-600 text-indigo-700" : "border-transparent text-gray-600 hover:text-gray-800"}`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
