import Link from "next/link";
import { notFound } from "next/navigation";
import { Breakdown, type BreakdownItem } from "@/components/analytics/breakdown";
import { ClicksChart } from "@/components/analytics/clicks-chart";
import { ArchiveLinkButton, EditDestinationForm } from "@/components/links/edit-link-form";
import { EmptyState, Panel, Stat } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { BREAKDOWN_DIMENSIONS, getLinkBreakdown, getLinkDailySeries, getLinkTotals, lastDays, type BreakdownRow } from "@/lib/analytics/link-analytics";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { formatDateTime, formatInteger } from "@/lib/format";
import { getLink } from "@/lib/links/queries";
import { currentLinkHosts } from "@/lib/links/request-hosts";
import { shortUrl } from "@/lib/links/short-url";
import { canWriteLinks } from "@/lib/workspaces/permissions";

export const metadata = { title: "Link analytics" };

const RANGES = { "7d": 7, "30d": 30, "90d": 90 } as const;
type RangeKey = keyof typeof RANGES;

const UNKNOWN: Record<string, string> = { country: "Unknown", device: "Unknown", browser: "Unknown", os: "Unknown", referrer: "Direct / none" };
const DEVICE_NAMES: Record<string, string> = { desktop: "Desktop", mobile: "Mobile", tablet: "Tablet", other: "Other" };
const countryNames = new Intl.DisplayNames(["en"], { type: "region" });

function toItems(dimension: string, rows: BreakdownRow[]): BreakdownItem[] {
  return rows.map((row) => {
    let name = row.name ?? UNKNOWN[dimension] ?? "Unknown";
    if (dimension === "country" && row.name) name = `${countryNames.of(row.name) ?? row.name} (${row.name})`;
    if (dimension === "device" && row.name) name = DEVICE_NAMES[row.name] ?? row.name;
    return { name, value: row.clicks };
  });
}

export default async function LinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string; linkId: string }>;
  searchParams: Promise<{ range?: string }>;
}) {
  const { workspace: slug, linkId } = await params;
  const rangeParam = (await searchParams).range;
  const rangeKey: RangeKey = rangeParam && Object.hasOwn(RANGES, rangeParam) ? (rangeParam as RangeKey) : "30d";
  const { workspace, role } = await requireWorkspaceMember(slug);
  const link = await getLink(workspace.id, linkId);
  if (!link) notFound();

  const range = lastDays(RANGES[rangeKey]);
  const [hosts, totals, series, ...breakdowns] = await Promise.all([
    currentLinkHosts(),
    getLinkTotals(workspace.id, link.id, range),
    getLinkDailySeries(workspace.id, link.id, range),
    ...BREAKDOWN_DIMENSIONS.map((dimension) => getLinkBreakdown(workspace.id, link.id, dimension, range)),
  ]);
  const url = shortUrl(hosts, link.slug);
  const hasClicks = totals.clicks + totals.filteredClicks > 0;
  const titles: Record<string, string> = { country: "Countries", device: "Devices", browser: "Browsers", os: "Operating systems", referrer: "Referrers" };

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/w/${workspace.slug}`} className="text-sm text-gray-500 hover:text-gray-700">
          ← All links
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="font-mono text-2xl font-semibold tracking-tight text-gray-900">/{link.slug}</h1>
          <CopyButton value={url} label="Copy short link" />
          {link.archivedAt ? <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">Archived</span> : null}
          {link.creator ? <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700">{link.creator.name}</span> : null}
        </div>
        <p className="mt-1 truncate text-sm text-gray-500">
          {url} → <span className="text-gray-700">{link.url}</span>
        </p>
      </div>

      <div className="flex items-center justify-between">
        <nav aria-label="Date range" className="inline-flex rounded-md bg-white p-0.5 shadow-sm ring-1 ring-gray-200">
          {(Object.keys(RANGES) as RangeKey[]).map((key) => (
            <Link
              key={key}
              href={`?range=${key}`}
              aria-current={key === rangeKey ? "page" : undefined}
              className={`rounded px-3 py-1 text-sm font-medium ${key === rangeKey ? "bg-indigo-600 text-white" : "text-gray-600 hover:bg-gray-50"}`}
            >
              Last {RANGES[key]} days
            </Link>
          ))}
        </nav>
        <p className="text-xs text-gray-400">Days in UTC</p>
      </div>

      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Clicks" value={formatInteger(totals.clicks)} hint="Redirects served to people" />
        <Stat label="Unique clicks" value={formatInteger(totals.uniqueClicks)} hint="Distinct visitors per day" />
        <Stat label="Filtered" value={formatInteger(totals.filteredClicks)} hint="Bots and link previews, not counted as clicks" />
      </div>

      <Panel title="Clicks over time">
        {hasClicks ? (
          <ClicksChart data={series} />
        ) : (
          <EmptyState title="No clicks in this period">
            Share <code className="font-mono">{url}</code> with your creator; each visit appears here within seconds.
          </EmptyState>
        )}
      </Panel>

      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        {BREAKDOWN_DIMENSIONS.map((dimension, index) => (
          <Breakdown key={dimension} title={titles[dimension] ?? dimension} items={toItems(dimension, breakdowns[index] ?? [])} empty="No clicks yet." />
        ))}
      </div>

      {canWriteLinks(role) ? (
        <Panel title="Link settings" description={`Created ${formatDateTime(link.createdAt)}`}>
          <div className="space-y-6">
            <EditDestinationForm workspaceSlug={workspace.slug} linkId={link.id} url={link.url} />
            <div className="flex items-center justify-between border-t border-gray-100 pt-5">
              <p className="text-sm text-gray-500">
                {link.archivedAt
                  ? "This link is archived: visitors see a not-found page. Restore it to redirect again."
                  : "Archiving stops the redirect. Clicks so far are kept."}
              </p>
              <ArchiveLinkButton workspaceSlug={workspace.slug} linkId={link.id} archived={Boolean(link.archivedAt)} />
            </div>
          </div>
        </Panel>
      ) : null}
    </div>
  );
}
