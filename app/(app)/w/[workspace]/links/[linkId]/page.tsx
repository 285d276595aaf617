import Link from "next/link";
import { notFound } from "next/navigation";
import { Breakdown, type BreakdownItem } from "@/components/analytics/breakdown";
import { ClicksChart } from "@/components/analytics/clicks-chart";
import { ArchiveLinkButton, EditDestinationForm } from "@/components/links/edit-link-form";
import { LinkPostForm } from "@/components/links/link-post-form";
import { EmptyState, Panel, Stat } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { LinkOptionsForm, PauseLinkButton } from "@/components/links/link-options-form";
import { QrPanel } from "@/components/links/qr-panel";
import { BREAKDOWN_DIMENSIONS, getLinkBreakdown, getLinkDailySeries, getLinkTotals, getUnservedHits, type BreakdownRow } from "@/lib/analytics/link-analytics";
import { lastDays } from "@/lib/date-range";
import { LockIcon } from "@/components/billing/plan-locked";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { effectivePlan, planIncludes, PLANS, plansWith } from "@/lib/billing/plans";
import { listCampaignOptions } from "@/lib/campaigns/campaigns";
import { listCreatorOptions } from "@/lib/creators/queries";
import { formatDateTime, formatInteger, formatRate } from "@/lib/format";
import { getLink } from "@/lib/links/queries";
import { currentLinkHosts } from "@/lib/links/request-hosts";
import { scanUrl, shortUrl } from "@/lib/urls/short-url";
import { getLinkDefaults } from "@/lib/workspaces/link-defaults";
import { can, canWriteLinks } from "@/lib/workspaces/permissions";

export const metadata = { title: "Link analytics" };

const RANGES = { "7d": 7, "30d": 30, "90d": 90, "365d": 365, "1095d": 1095 } as const;
const rangeLabel = (days: number) => (days < 365 ? `Last ${days} days` : days === 365 ? "Last year" : `Last ${days / 365} years`);
type RangeKey = keyof typeof RANGES;

const SOURCE_NAMES: Record<string, string> = { link: "Link clicks", qr: "QR scans" };
const UNKNOWN: Record<string, string> = { country: "Unknown", device: "Unknown", browser: "Unknown", os: "Unknown", referrer: "Direct / none" };
const DEVICE_NAMES: Record<string, string> = { desktop: "Desktop", mobile: "Mobile", tablet: "Tablet", other: "Other" };
const countryNames = new Intl.DisplayNames(["en"], { type: "region" });

function toItems(dimension: string, rows: BreakdownRow[]): BreakdownItem[] {
  return rows.map((row) => {
    let name = row.name ?? UNKNOWN[dimension] ?? "Unknown";
    if (dimension === "country" && row.name) name = `${countryNames.of(row.name) ?? row.name} (${row.name})`;
    if (dimension === "device" && row.name) name = DEVICE_NAMES[row.name] ?? row.name;
    if (dimension === "source" && row.name) name = SOURCE_NAMES[row.name] ?? row.name;
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
  const { workspace, role } = await requireWorkspaceMember(slug);
  // The plan's analytics history bounds how far back a range may reach (lib/billing/plans.ts).
  const plan = PLANS[effectivePlan(workspace)];
  const allowed = (key: RangeKey) => RANGES[key] <= plan.limits.historyDays;
  const requested: RangeKey = rangeParam && Object.hasOwn(RANGES, rangeParam) ? (rangeParam as RangeKey) : "30d";
  const rangeKey: RangeKey = allowed(requested) ? requested : ((Object.keys(RANGES) as RangeKey[]).filter(allowed).at(-1) ?? "7d");
  const link = await getLink(workspace.id, linkId);
  if (!link) notFound();

  const range = lastDays(RANGES[rangeKey]);
  const [defaults, creators, campaigns, hosts, totals, unserved, series, ...breakdowns] = await Promise.all([
    getLinkDefaults(workspace.id),
    listCreatorOptions(workspace.id),
    listCampaignOptions(workspace.id),
    currentLinkHosts(),
    getLinkTotals(workspace.id, link.id, range),
    getUnservedHits(workspace.id, link.id, range),
    getLinkDailySeries(workspace.id, link.id, range),
    ...BREAKDOWN_DIMENSIONS.map((dimension) => getLinkBreakdown(workspace.id, link.id, dimension, range)),
  ]);
  const url = shortUrl(hosts, link);
  const hasClicks = totals.clicks + totals.filteredClicks > 0;
  const expired = (link.expiresAt !== null && link.expiresAt <= new Date()) || (link.maxClicks !== null && link.limitedClicks >= link.maxClicks);
  const titles: Record<string, string> = { source: "Sources", country: "Countries", device: "Devices", browser: "Browsers", os: "Operating systems", referrer: "Referrers" };

  return (
    <div className="space-y-6">
      <div>
        <Link href={`/w/${workspace.slug}`} className="text-sm text-gray-500 hover:text-gray-700">
          ← All links
        </Link>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="break-all font-mono text-xl font-semibold tracking-tight text-gray-900 sm:text-2xl">
            {link.domain ? <span className="text-gray-500">{link.domain}</span> : null}/{link.slug}
          </h1>
          <CopyButton value={url} label="Copy short link" />
          {link.archivedAt ? <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">Archived</span> : null}
          {link.pausedAt ? <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800" data-testid="link-state">Paused</span> : null}
          {expired ? <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-700" data-testid="link-state">Expired</span> : null}
          {link.creator ? <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700">{link.creator.name}</span> : null}
          {link.campaign ? (
            <Link href={`/w/${workspace.slug}/campaigns/${link.campaign.id}`} className="rounded-full bg-gray-100 px-2 py-0.5 text-xs font-medium text-gray-700 hover:bg-gray-200">
              {link.campaign.name}
            </Link>
          ) : null}
        </div>
        <p className="mt-1 truncate text-sm text-gray-500">
          {url} → <span className="text-gray-700">{link.url}</span>
        </p>
        {link.notes ? (
          <p className="mt-3 max-w-3xl whitespace-pre-line rounded-md bg-yellow-50 px-3 py-2 text-sm text-gray-800 ring-1 ring-yellow-200" data-testid="link-notes">
            {link.notes}
          </p>
        ) : null}
      </div>

      <div className="flex flex-wrap items-center justify-between gap-2">
        <nav aria-label="Date range" className="inline-flex rounded-md bg-white p-0.5 shadow-sm ring-1 ring-gray-200">
          {(Object.keys(RANGES) as RangeKey[]).map((key) =>
            allowed(key) ? (
              <Link
                key={key}
                href={`?range=${key}`}
                aria-current={key === rangeKey ? "page" : undefined}
                className={`rounded px-2.5 py-1 text-sm font-medium sm:px-3 ${key === rangeKey ? "bg-indigo-600 text-white" : "text-gray-600 hover:bg-gray-50"}`}
              >
                {rangeLabel(RANGES[key])}
              </Link>
            ) : (
              <span
                key={key}
                aria-disabled="true"
                title={`The ${plan.name} plan keeps ${plan.limits.historyDays} days of history`}
                className="inline-flex cursor-not-allowed items-center gap-1 rounded px-2.5 py-1 text-sm font-medium text-gray-500 sm:px-3"
              >
                <LockIcon /> {rangeLabel(RANGES[key])}
              </span>
            ),
          )}
        </nav>
        <p className="text-xs text-gray-500">Days in UTC</p>
      </div>
      {requested !== rangeKey ? (
        <p className="rounded-md bg-amber-50 px-4 py-2 text-sm text-amber-800 ring-1 ring-amber-200" data-testid="history-limited">
          The {plan.name} plan shows the last {plan.limits.historyDays} days of analytics.{" "}
          {can(role, "billing.manage") ? (
            <Link href={`/w/${workspace.slug}/settings/billing`} className="font-medium underline">
              Upgrade for a longer history
            </Link>
          ) : (
            "Ask the workspace owner about a longer history."
          )}
        </p>
      ) : null}

      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Clicks" value={formatInteger(totals.clicks)} hint="Redirects served to people" />
        <Stat label="Unique clicks" value={formatInteger(totals.uniqueClicks)} hint="Distinct visitors per day" />
        <Stat label="Filtered" value={formatInteger(totals.filteredClicks)} hint="Bots and link previews, not counted as clicks" />
      </div>
      {unserved.paused + unserved.expired > 0 ? (
        <p className="rounded-md bg-amber-50 px-4 py-2 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="unserved-hits">
          Not counted as clicks:{" "}
          {[
            unserved.paused ? `${formatInteger(unserved.paused)} ${unserved.paused === 1 ? "visit" : "visits"} while paused` : null,
            unserved.expired ? `${formatInteger(unserved.expired)} ${unserved.expired === 1 ? "visit" : "visits"} after expiry` : null,
          ]
            .filter(Boolean)
            .join(" · ")}
          .
        </p>
      ) : null}

      {link.reach !== null || link.impressions !== null || link.engagementRate !== null ? (
        <section aria-label="Reported by the platform" className="rounded-xl bg-gray-100/70 px-5 py-4 ring-1 ring-gray-200">
          <p className="text-xs font-medium uppercase tracking-wide text-gray-500">Reported by the platform (entered by hand, not measured by Clickproof)</p>
          <dl className="mt-2 flex flex-wrap gap-x-10 gap-y-2 text-sm">
            <div>
              <dt className="text-gray-500">Reach</dt>
              <dd className="font-semibold tabular-nums text-gray-800">{link.reach === null ? "—" : formatInteger(link.reach)}</dd>
            </div>
            <div>
              <dt className="text-gray-500">Impressions</dt>
              <dd className="font-semibold tabular-nums text-gray-800">{link.impressions === null ? "—" : formatInteger(link.impressions)}</dd>
            </div>
            <div>
              <dt className="text-gray-500">Engagement rate</dt>
              <dd className="font-semibold tabular-nums text-gray-800">{formatRate(link.engagementRate)}</dd>
            </div>
          </dl>
        </section>
      ) : null}

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

      <QrPanel workspaceSlug={workspace.slug} linkId={link.id} slug={link.slug} scanUrl={scanUrl(url)} brandColor={defaults.brandColor} />

      {canWriteLinks(role) ? (
        <Panel title="Post details" description="Who posted this link, in which campaign, where and when — and the platform's own numbers for the post, if you have them.">
          <LinkPostForm
            workspaceSlug={workspace.slug}
            linkId={link.id}
            creators={creators}
            campaigns={campaigns}
            campaignLock={planIncludes(workspace, "campaigns") ? undefined : `Campaign tagging comes with the ${plansWith("campaigns").map((p) => p.name).join(" and ")} plans.`}
            initial={{
              creatorId: link.creatorId ?? "",
              campaignId: link.campaignId ?? "",
              platform: link.platform ?? "",
              postedAt: link.postedAt?.toISOString() ?? "",
              reach: link.reach?.toString() ?? "",
              impressions: link.impressions?.toString() ?? "",
              engagementPercent: link.engagementRate === null ? "" : String(Number((link.engagementRate * 100).toFixed(2))),
            }}
          />
        </Panel>
      ) : null}

      {canWriteLinks(role) ? (
        <Panel title="Link settings" description={`Created ${formatDateTime(link.createdAt)}`}>
          <div className="space-y-6">
            <EditDestinationForm workspaceSlug={workspace.slug} linkId={link.id} url={link.url} />
            <div className="border-t border-gray-100 pt-5">
              <LinkOptionsForm
                workspaceSlug={workspace.slug}
                linkId={link.id}
                usedClicks={link.maxClicks === null ? null : link.limitedClicks}
                initial={{
                  notes: link.notes ?? "",
                  expiresAt: link.expiresAt ? link.expiresAt.toISOString().slice(0, 16) : "",
                  maxClicks: link.maxClicks?.toString() ?? "",
                  expiredUrl: link.expiredUrl ?? "",
                }}
              />
            </div>
            <div className="flex items-center justify-between border-t border-gray-100 pt-5">
              <p className="text-sm text-gray-500">
                {link.pausedAt
                  ? "Paused: visitors go to the domain's fallback (or a “paused” page) and are counted as paused hits, not clicks."
                  : "Pausing stops the redirect for now without archiving; visits while paused are still counted apart."}
              </p>
              <PauseLinkButton workspaceSlug={workspace.slug} linkId={link.id} paused={Boolean(link.pausedAt)} />
            </div>
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
