// How much of a campaign's conversions and revenue visitors' browsers reported (/cp.js) rather
// than the brand's own server: a publishable key sits in the brand's pages, so such a report can
// come from anyone who copies it. Said apart, so the brand knows what it can trust.
import { formatMoney } from "@/lib/format";

export function ReportedByBrowser({ reported, totalConversions, currency }: { reported: { conversions: number; revenueMinor: number }; totalConversions: number; currency: string }) {
  if (reported.conversions === 0) return null;
  const all = reported.conversions === totalConversions;
  const count = `${reported.conversions.toLocaleString("en-US")} ${reported.conversions === 1 ? "conversion" : "conversions"}`;
  return (
    <p className="mt-3 rounded-md bg-gray-50 px-3 py-2 text-xs text-gray-700 ring-1 ring-inset ring-gray-200" data-testid="reported-by-browser">
      <span className="font-medium text-gray-900">Browser-reported:</span> {all ? `all ${count}` : count}
      {reported.revenueMinor !== 0 ? ` and ${formatMoney(reported.revenueMinor, currency)} of the revenue above` : ""} came from visitors&apos; browsers (cp.js), not from
      your server. Anyone with your page&apos;s publishable key can send such reports; send purchases server to server (<code>POST /api/v1/conversions</code>) to have them
      verified.
    </p>
  );
}
