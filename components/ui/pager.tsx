import Link from "next/link";
import { formatInteger } from "@/lib/format";

/** "21–40 of 53" with Previous / Next links that keep the page's other parameters. */
export function Pager({ page, pageSize, total, href, label }: { page: number; pageSize: number; total: number; href: (page: number) => string; label: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const link = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset ring-gray-300 bg-white text-gray-700 hover:bg-gray-50";
  const off = "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset ring-gray-200 text-gray-500";
  return (
    <nav aria-label={label} className="mt-4 flex items-center justify-between gap-3">
      <p className="text-sm text-gray-600" data-testid="pager-range">
        {formatInteger(first)}–{formatInteger(last)} of {formatInteger(total)}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={link} rel="prev">
            Previous
          </Link>
        ) : (
          <span className={off} aria-disabled="true">
            Previous
          </span>
        )}
        {page < pages ? (
          <Link href={href(page + 1)} className={link} rel="next">
            Next
          </Link>
        ) : (
          <span className={off} aria-disabled="true">
            Next
          </span>
        )}
      </div>
    </nav>
  );
}
