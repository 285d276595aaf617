// A creator's own performance page (server component). It receives a CreatorPageReport, which
// holds nothing about other creators but the campaign median.
import { TimingChart } from "@/components/creators/timing-chart";
import { EmptyState } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { TIMING_BUCKETS } from "@/lib/analytics/kpi";
import type { Timing } from "@/lib/analytics/timing";
import { MIN_CREATORS_FOR_MEDIAN, type PageKpis } from "@/lib/creator-pages/compare";
import type { CreatorPageReport, PageCampaign, PageLink } from "@/lib/creator-pages/report";
import { platformLabel } from "@/lib/creators/platforms";
import { formatDate, formatDateTime, formatInteger, formatKpi, formatMoney } from "@/lib/format";

type Unit = "count" | "rate" | "money";
const FIGURES: { key: keyof PageKpis; label: string; unit: Unit; conversions: boolean; hint: string }[] = [
  { key: "clicks", label: "Clicks", unit: "count", conversions: false, hint: "People who followed your link (bots and link previews not counted)" },
  { key: "uniqueClicks", label: "Unique clicks", unit: "count", conversions: false, hint: "Distinct visitors per link per day" },
  { key: "audienceCtr", label: "Audience CTR", unit: "rate", conversions: false, hint: "Unique clicks ÷ your followers on the post's platform" },
  { key: "conversions", label: "Conversions", unit: "count", conversions: true, hint: "Sign-ups, purchases and other events credited to you" },
  { key: "conversionRate", label: "Conversion rate", unit: "rate", conversions: true, hint: "Conversions ÷ unique clicks" },
  { key: "revenueMinor", label: "Revenue", unit: "money", conversions: true, hint: "Revenue credited to you, after refunds" },
  { key: "aovMinor", label: "Average order", unit: "money", conversions: true, hint: "Revenue ÷ purchases" },
];

function comparison(own: number | null, median: number | null): { text: string; tone: string } | null {
  if (own === null || median === null) return null;
  if (median === 0) return own === 0 ? { text: "at the median", tone: "text-gray-500" } : { text: "above the median", tone: "text-emerald-700" };
  const change = (own - median) / median;
  if (Math.abs(change) < 0.05) return { text: "at the median", tone: "text-gray-500" };
  const pct = `${formatInteger(Math.round(Math.abs(change) * 100))} %`;
  return change > 0 ? { text: `${pct} above the median`, tone: "text-emerald-700" } : { text: `${pct} below the median`, tone: "text-amber-700" };
}

function Figures({ campaign, showConversions }: { campaign: PageCampaign; showConversions: boolean }) {
  const figures = FIGURES.filter((f) => showConversions || !f.conversions);
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
      {figures.map((figure) => {
        const own = campaign.own[figure.key];
        const median = campaign.median?.median[figure.key] ?? null;
        const compared = comparison(own, median);
        return (
          <div key={figure.key} className="min-w-0 rounded-lg bg-gray-50 p-3 ring-1 ring-gray-100 sm:p-4" title={figure.hint}>
            <dt className="text-xs font-medium uppercase tracking-wide text-gray-500">{figure.label}</dt>
            <dd className="mt-1 break-words text-xl font-semibold tabular-nums text-gray-900 sm:text-2xl" data-testid={`figure-${figure.key}`}>
              {formatKpi(figure.unit, own, campaign.currency)}
            </dd>
            {campaign.median ? (
              <dd className="mt-1 text-xs text-gray-500" data-testid={`median-${figure.key}`}>
                Campaign median {formatKpi(figure.unit, median, campaign.currency)}
                {compared ? <span className={`block font-medium ${compared.tone}`}>{compared.text}</span> : null}
              </dd>
            ) : null}
          </div>
        );
      })}
    </dl>
  );
}

/** The creator's links as a list (read on a phone first): the full short URL, where it was posted, its clicks. */
function LinksList({ links }: { links: PageLink[] }) {
  return (
    <ul className="divide-y divide-gray-100 rounded-lg ring-1 ring-gray-200" aria-label="Your links">
      {links.map((link) => (
        <li key={link.shortUrl} className="flex items-center gap-3 px-4 py-3">
          <div className="min-w-0 flex-1">
            <p className="font-mono text-sm text-gray-900 [overflow-wrap:anywhere]" title={link.shortUrl}>
              {link.shortUrl.replace(/^https?:\/\//, "")}
            </p>
            <p className="mt-0.5 text-xs text-gray-600">
              {[link.platform ? platformLabel(link.platform) : null, link.postedAt ? `posted ${formatDateTime(link.postedAt)}` : "not posted yet"].filter(Boolean).join(" · ")}
            </p>
          </div>
          <div className="shrink-0 text-right">
            <p className="text-base font-semibold tabular-nums text-gray-900">{formatInteger(link.clicks)}</p>
            <p className="text-xs text-gray-600">{link.clicks === 1 ? "click" : "clicks"}</p>
          </div>
          <CopyButton value={link.shortUrl} />
        </li>
      ))}
    </ul>
  );
}

function TimingSection({ timing }: { timing: Timing }) {
  if (timing.clicks === 0) {
    return <p className="text-sm text-gray-500">The timing curve appears once your brand has recorded when your post went live and people click after it.</p>;
  }
  return (
    <div className="space-y-2">
      <p className="text-sm text-gray-700">
        {timing.halfLifeHours === null ? "" : `Half of your clicks came within ${formatInteger(timing.halfLifeHours)} h of the post going live. `}
        <span className="text-gray-500">{formatInteger(timing.clicks)} clicks since posting.</span>
      </p>
      <TimingChart data={TIMING_BUCKETS.map((bucket) => ({ period: bucket.label, clicks: timing.buckets[bucket.key] }))} />
    </div>
  );
}

function dates(campaign: PageCampaign): string {
  if (campaign.startsOn && campaign.endsOn) return `${formatDate(campaign.startsOn)} – ${formatDate(campaign.endsOn)}`;
  if (campaign.startsOn) return `From ${formatDate(campaign.startsOn)}`;
  return "";
}

export function CreatorReport({ report }: { report: CreatorPageReport }) {
  return (
    <div className="space-y-8">
      <div>
        <p className="text-sm font-medium text-indigo-600">{report.brandName}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-gray-900">{report.creatorName}: your results</h1>
        <p className="mt-1 text-sm text-gray-500">
          Updated as people click{report.campaigns.some((c) => c.startsOn && c.startsOn < report.since) ? `; clicks before ${formatDate(report.since)} are beyond ${report.brandName}'s analytics history` : ""}. Other creators&apos; results are never shown; the campaign median appears when at least {MIN_CREATORS_FOR_MEDIAN} creators take part.
        </p>
      </div>

      {report.campaigns.length === 0 && report.otherLinks.length === 0 ? (
        <EmptyState title="Nothing to show yet">Your results appear here once {report.brandName} gives you a link.</EmptyState>
      ) : null}

      {report.campaigns.map((campaign, index) => (
        <section key={index} className="rounded-xl bg-white shadow-sm ring-1 ring-gray-200" data-testid="page-campaign">
          <header className="flex flex-wrap items-baseline justify-between gap-2 border-b border-gray-100 px-4 py-4 sm:px-5">
            <h2 className="text-base font-semibold text-gray-900">{campaign.name}</h2>
            <p className="text-sm text-gray-500">
              {dates(campaign)}
              {campaign.ended ? <span className="ml-2 rounded-full bg-gray-100 px-2 py-0.5 text-xs text-gray-700">ended</span> : null}
            </p>
          </header>
          <div className="space-y-6 p-4 sm:p-5">
            <Figures campaign={campaign} showConversions={report.showConversions} />
            {campaign.revenueApart.length > 0 ? (
              <p className="text-xs text-gray-500">Also credited, in other currencies: {campaign.revenueApart.map(([currency, minor]) => formatMoney(minor, currency)).join(", ")}.</p>
            ) : null}
            {campaign.median ? (
              <p className="text-xs text-gray-500" data-testid="median-note">
                The median is the middle value among the {formatInteger(campaign.median.creators)} creators with links in this campaign.
              </p>
            ) : (
              <p className="text-xs text-gray-500" data-testid="median-note">
                No campaign median: fewer than {MIN_CREATORS_FOR_MEDIAN} creators have links in this campaign, so it would reveal someone else&apos;s results.
              </p>
            )}
            {campaign.links.length > 0 ? <LinksList links={campaign.links} /> : <p className="text-sm text-gray-500">No links in this campaign yet.</p>}
            <div>
              <h3 className="mb-2 text-sm font-semibold text-gray-900">When your clicks came</h3>
              <TimingSection timing={campaign.timing} />
            </div>
          </div>
        </section>
      ))}

      {report.otherLinks.length > 0 ? (
        <section className="rounded-xl bg-white shadow-sm ring-1 ring-gray-200">
          <header className="border-b border-gray-100 px-5 py-4">
            <h2 className="text-base font-semibold text-gray-900">Other links</h2>
          </header>
          <div className="p-5">
            <LinksList links={report.otherLinks} />
          </div>
        </section>
      ) : null}
    </div>
  );
}
