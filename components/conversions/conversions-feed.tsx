// Each conversion with its attribution (click id / promo code / none) and the reason, newest first;
// those a visitor's browser reported are marked so.
import { EmptyState } from "@/components/ui/card";
import type { FeedEntry } from "@/lib/conversions/record";
import { isBrowserReported } from "@/lib/conversions/sources";
import { formatDateTime, formatMoney } from "@/lib/format";
import { TableScroll } from "@/components/ui/table-scroll";

const ATTRIBUTION: Record<FeedEntry["attribution"], { label: string; tone: string }> = {
  click: { label: "Click id", tone: "bg-emerald-50 text-emerald-800 ring-emerald-200" },
  promo_code: { label: "Promo code", tone: "bg-indigo-50 text-indigo-800 ring-indigo-200" },
  none: { label: "Not attributed", tone: "bg-gray-100 text-gray-700 ring-gray-200" },
};

/** A conversion a visitor's browser reported (cp.js): anyone with the page's publishable key could have. */
function BrowserReported({ entry, className = "" }: { entry: FeedEntry; className?: string }) {
  if (!isBrowserReported(entry.source)) return null;
  return (
    <span
      className={`${className} inline-flex rounded-full bg-amber-50 px-1.5 py-0.5 align-middle text-[11px] font-medium text-amber-900 ring-1 ring-inset ring-amber-200`}
      title="Reported by the visitor's browser (cp.js), not by your server"
      data-testid="browser-reported"
    >
      Browser-reported
    </span>
  );
}

function valueCell(entry: FeedEntry) {
  if (entry.valueMinor === null || !entry.currency) return <span className="text-gray-500">—</span>;
  const reversed = entry.reversals.reduce((sum, r) => sum + r.valueMinor, 0);
  const cancelled = entry.reversals.some((r) => r.full);
  return (
    <span>
      <span className={cancelled ? "text-gray-500 line-through" : ""}>{formatMoney(entry.valueMinor, entry.currency)}</span>
      {reversed > 0 ? (
        <span className="block text-xs text-red-700">{cancelled ? "cancelled" : `−${formatMoney(reversed, entry.currency)} refunded`}</span>
      ) : null}
    </span>
  );
}

export function ConversionsFeed({ entries, showCampaign = false }: { entries: FeedEntry[]; showCampaign?: boolean }) {
  if (entries.length === 0) {
    return <EmptyState title="No conversions yet">They appear here as your site or your server reports them, each with who it is attributed to and why.</EmptyState>;
  }
  return (
    <>
      {/* phones: one card per conversion, everything in reading order (the table below from sm up) */}
      <ul className="divide-y divide-gray-100 sm:hidden" data-testid="conversions-list">
        {entries.map((entry) => (
          <li key={entry.id} className="py-3 first:pt-0">
            <div className="flex items-baseline justify-between gap-3">
              <p className="min-w-0">
                <span className="font-medium text-gray-900">{entry.event}</span>{" "}
                <span className="text-sm text-gray-600">· {entry.creator?.name ?? "no creator"}</span>
              </p>
              <p className="shrink-0 text-right text-sm font-medium tabular-nums text-gray-900">{valueCell(entry)}</p>
            </div>
            <p className="mt-0.5 text-xs text-gray-500">
              {formatDateTime(entry.occurredAt)}
              {entry.link ? <span className="font-mono"> · /{entry.link.slug}</span> : null}
              {showCampaign && entry.campaign ? ` · ${entry.campaign.name}` : null}
            </p>
            <p className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-gray-500">
              <BrowserReported entry={entry} />
              <span className={`inline-flex rounded-full px-2 py-0.5 font-medium ring-1 ring-inset ${ATTRIBUTION[entry.attribution].tone}`}>{ATTRIBUTION[entry.attribution].label}</span>
              <span className="min-w-0 break-words">{entry.attributionReason}</span>
            </p>
            <p className="mt-0.5 break-all font-mono text-xs text-gray-500">{entry.externalId}</p>
          </li>
        ))}
      </ul>
      <TableScroll label="Conversions" className="hidden sm:block">
        <table className="min-w-full text-sm" data-testid="conversions-feed">
          <thead>
            <tr className="border-b border-gray-200 text-left text-xs font-medium uppercase tracking-wide text-gray-500">
              <th className="py-2 pr-4">When</th>
              <th className="py-2 pr-4">Event</th>
              <th className="py-2 pr-4 text-right">Value</th>
              <th className="py-2 pr-4">Creator</th>
              {showCampaign ? <th className="py-2 pr-4">Campaign</th> : null}
              <th className="py-2">Attribution and why</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {entries.map((entry) => (
              <tr key={entry.id} data-external-id={entry.externalId}>
                <td className="whitespace-nowrap py-2.5 pr-4 text-gray-600">{formatDateTime(entry.occurredAt)}</td>
                <td className="py-2.5 pr-4">
                  <span className="font-medium text-gray-900">{entry.event}</span>
                  <BrowserReported entry={entry} className="ml-1.5" />
                  <span className="block font-mono text-xs text-gray-500">{entry.externalId}</span>
                </td>
                <td className="py-2.5 pr-4 text-right tabular-nums">{valueCell(entry)}</td>
                <td className="py-2.5 pr-4">
                  {entry.creator?.name ?? <span className="text-gray-500">—</span>}
                  {entry.link ? <span className="block font-mono text-xs text-gray-500">/{entry.link.slug}</span> : null}
                </td>
                {showCampaign ? <td className="py-2.5 pr-4">{entry.campaign?.name ?? <span className="text-gray-500">—</span>}</td> : null}
                <td className="py-2.5">
                  <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${ATTRIBUTION[entry.attribution].tone}`}>{ATTRIBUTION[entry.attribution].label}</span>
                  <span className="mt-0.5 block text-xs text-gray-500">{entry.attributionReason}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
