import Link from "next/link";

/** The mark and the name; `compact`: the name only from the small breakpoint up (it stays for screen readers). */
export function Logo({ href = "/", compact = false }: { href?: string; compact?: boolean }) {
  return (
    <Link href={href} className="flex shrink-0 items-center gap-2 font-semibold tracking-tight text-gray-900">
      <span aria-hidden className="grid h-7 w-7 place-items-center rounded-lg bg-indigo-600 text-sm font-bold text-white">
        C
      </span>
      <span className={compact ? "sr-only sm:not-sr-only" : undefined}>Clickproof</span>
    </Link>
  );
}
