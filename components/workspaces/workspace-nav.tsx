"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { LockIcon } from "@/components/billing/plan-locked";
import { plansWith } from "@/lib/billing/plans";

/**
 * The workspace sections. `locked`: sections the plan does not include; they stay reachable and
 * explain the upgrade. `vertical`: stacked, for the small-screen menu.
 */
export function WorkspaceNav({ slug, locked = [], vertical = false }: { slug: string; locked?: ("campaigns" | "compare")[]; vertical?: boolean }) {
  const pathname = usePathname();
  const items = [
    { href: `/w/${slug}`, label: "Links", active: pathname === `/w/${slug}` || pathname.startsWith(`/w/${slug}/links`) },
    { href: `/w/${slug}/creators`, label: "Creators", active: pathname.startsWith(`/w/${slug}/creators`) },
    { href: `/w/${slug}/campaigns`, label: "Campaigns", active: pathname.startsWith(`/w/${slug}/campaigns`), locked: locked.includes("campaigns") },
    { href: `/w/${slug}/compare`, label: "Compare", active: pathname.startsWith(`/w/${slug}/compare`), locked: locked.includes("compare") },
    { href: `/w/${slug}/settings`, label: "Settings & API", active: pathname.startsWith(`/w/${slug}/settings`) },
  ];
  const lockedTitle = `Included in the ${plansWith("campaigns").map((plan) => plan.name).join(" and ")} plans`;
  return (
    <nav aria-label="Workspace" className={vertical ? "flex flex-col gap-0.5" : "-mx-3 flex gap-1 overflow-x-auto px-3"}>
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.active ? "page" : undefined}
          title={"locked" in item && item.locked ? lockedTitle : undefined}
          className={`inline-flex shrink-0 items-center gap-1.5 whitespace-nowrap rounded-md px-3 font-medium ${vertical ? "py-2.5 text-base" : "py-1.5 text-sm"} ${
            item.active ? "bg-indigo-50 text-indigo-700" : "text-gray-600 hover:bg-gray-100 hover:text-gray-900"
          }`}
        >
          {item.label}
          {"locked" in item && item.locked ? <LockIcon className="h-3.5 w-3.5 text-gray-500" /> : null}
        </Link>
      ))}
    </nav>
  );
}
