"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function WorkspaceNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  const items = [
    { href: `/w/${slug}`, label: "Links", active: pathname === `/w/${slug}` || pathname.startsWith(`/w/${slug}/links`) },
    { href: `/w/${slug}/creators`, label: "Creators", active: pathname.startsWith(`/w/${slug}/creators`) },
    { href: `/w/${slug}/campaigns`, label: "Campaigns", active: pathname.startsWith(`/w/${slug}/campaigns`) },
    { href: `/w/${slug}/compare`, label: "Compare", active: pathname.startsWith(`/w/${slug}/compare`) },
    { href: `/w/${slug}/settings`, label: "Settings & API", active: pathname.startsWith(`/w/${slug}/settings`) },
  ];
  return (
    <nav className="flex gap-1">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={item.active ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 text-sm font-medium ${
            item.active ? "bg-indigo-50 text-indigo-700" : "text-gray-600 hover:bg-gray-100 hover:text-gray-900"
          }`}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
