// Revenue in currencies the brand has no exchange rate for: never summed into the totals, so it
// is said here, per currency, with the way to include it.
import { formatMoney } from "@/lib/format";

export function RevenueApart({ apart, currency }: { apart: ReadonlyMap<string, number>; currency: string }) {
  if (apart.size === 0) return null;
  const amounts = [...apart.entries()].map(([code, minor]) => formatMoney(minor, code)).join(" + ");
  const codes = [...apart.keys()].join(", ");
  return (
    <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900 ring-1 ring-inset ring-amber-200" data-testid="revenue-apart">
      Also {amounts} of revenue, not included in the {currency} figures above: there is no exchange rate for {codes}. Add one under Settings → Conversions to include it.
    </p>
  );
}
