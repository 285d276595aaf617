"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * The header's menu on small screens: the workspace sections, the account and sign-out, behind one
 * button. A disclosure (works before hydration); it closes itself after each navigation.
 */
export function MobileMenu({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  return (
    <details ref={menu} className="group sm:hidden">
      <summary className="grid h-9 w-9 cursor-pointer list-none place-items-center rounded-md text-gray-700 hover:bg-gray-100 focus-visible:outline-2 focus-visible:outline-indigo-600 [&::-webkit-details-marker]:hidden">
        <span className="sr-only">Menu</span>
        <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5 group-open:hidden" fill="currentColor">
          <path fillRule="evenodd" d="M3 5h14a1 1 0 1 1 0 2H3a1 1 0 0 1 0-2Zm0 4h14a1 1 0 1 1 0 2H3a1 1 0 1 1 0-2Zm0 4h14a1 1 0 1 1 0 2H3a1 1 0 1 1 0-2Z" clipRule="evenodd" />
        </svg>
        <svg aria-hidden viewBox="0 0 20 20" className="hidden h-5 w-5 group-open:block" fill="currentColor">
          <path d="M5.3 5.3a1 1 0 0 1 1.4 0L10 8.6l3.3-3.3a1 1 0 1 1 1.4 1.4L11.4 10l3.3 3.3a1 1 0 0 1-1.4 1.4L10 11.4l-3.3 3.3a1 1 0 0 1-1.4-1.4L8.6 10 5.3 6.7a1 1 0 0 1 0-1.4Z" />
        </svg>
      </summary>
      <div className="absolute inset-x-0 top-full z-30 hidden border-b border-gray-200 bg-white px-4 pb-4 pt-2 shadow-lg group-open:block">{children}</div>
    </details>
  );
}
