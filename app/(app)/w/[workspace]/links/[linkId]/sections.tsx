// The link page's sections, each from the view its loader made (load.ts).
import Link from "next/link";
import { LockIcon } from "@/components/billing/plan-locked";
import { ArchiveLinkButton, EditDestinationForm } from "@/components/links/edit-link-form";
import { LinkOptionsForm, PauseLinkButton } from "@/components/links/link-options-form";
import { LinkPostForm } from "@/components/links/link-post-form";
import { Panel, Stat } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { planIncludes, plansWith } from "@/lib/billing/plans";
import { formatDateTime, formatInteger, formatRate } from "@/lib/format";
import { can } from "@/lib/workspaces/permissions";
import type { LinkPageView } from "./load";

const badge = "rounded-full px-2 py-0.5 text-xs font-medium";

export function LinkHeader({ view }: { view: LinkPageView }) {
  const { link, workspace, url, expired } = view;
  return (
    <div>
      <Link href={`/w/${workspace.slug}`} className="text-sm text-gray-500 hover:text-gray-700">
        ← All links
      </Link>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="break-all font-mono text-xl font-semibold tracking-tight text-gray-900 sm:text-2xl">
          {link.domain ? <span className="text-gray-500">{link.domain}</span> : null}/{link.slug}
        </h1>
        <CopyButton value={url} label="Copy short link" />
        {link.archivedAt ? <span className={`${badge} bg-amber-100 text-amber-800`}>Archived</span> : null}
        {link.pausedAt ? <span className={`${badge} bg-amber-100 text-amber-800`} data-testid="link-state">Paused</span> : null}
        {expired ? <span className={`${badge} bg-red-50 text-red-700`} data-testid="link-state">Expired</span> : null}
        {link.creator ? <span className={`${badge} bg-indigo-50 text-indigo-700`}>{link.creator.name}</span> : null}
        {link.campaign ? (
          <Link href={`/w/${workspace.slug}/campaigns/${link.campaign.id}`} className={`${badge} bg-gray-100 text-gray-700 hover:bg-gray-200`}>
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
  );
}

/** The date ranges, those beyond the plan's history locked, and a note when one asked for was. */
export function RangePicker({ view }: { view: LinkPageView }) {
  const { range, plan, role, workspace } = view;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <nav aria-label="Date range" className="inline-flex rounded-md bg-white p-0.5 shadow-sm ring-1 ring-gray-200">
          {range.keys.map(({ key, label, allowed }) =>
            allowed ? (
              <Link
                key={key}
                href={`?range=${key}`}
                aria-current={key === range.key ? "page" : undefined}
                className={`rounded px-2.5 py-1 text-sm font-medium sm:px-3 ${key === range.key ? "bg-indigo-600 text-white" : "text-gray-600 hover:bg-gray-50"}`}
              >
                {label}
              </Link>
            ) : (
              <span
                key={key}
                aria-disabled="true"
                title={`The ${plan.name} plan keeps ${plan.limits.historyDays} days of history`}
                className="inline-flex cursor-not-allowed items-center gap-1 rounded px-2.5 py-1 text-sm font-medium text-gray-500 sm:px-3"
              >
                <LockIcon /> {label}
              </span>
            ),
          )}
        </nav>
        <p className="text-xs text-gray-500">Days in UTC</p>
      </div>
      {range.requested !== range.key ? (
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
    </>
  );
}

const visits = (n: number) => `${formatInteger(n)} ${n === 1 ? "visit" : "visits"}`;

/** What was measured (clicks, unique, filtered; visits not served) and what the platform reported. */
export function LinkNumbers({ view }: { view: LinkPageView }) {
  const { totals, unserved, link } = view;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Clicks" value={formatInteger(totals.clicks)} hint="Redirects served to people" />
        <Stat label="Unique clicks" value={formatInteger(totals.uniqueClicks)} hint="Distinct visitors per day" />
        <Stat label="Filtered" value={formatInteger(totals.filteredClicks)} hint="Bots and link previews, not counted as clicks" />
      </div>
      {unserved.paused + unserved.expired > 0 ? (
        <p className="rounded-md bg-amber-50 px-4 py-2 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="unserved-hits">
          Not counted as clicks:{" "}
          {[unserved.paused ? `${visits(unserved.paused)} while paused` : null, unserved.expired ? `${visits(unserved.expired)} after expiry` : null].filter(Boolean).join(" · ")}.
        </p>
      ) : null}
      {link.reach !== null || link.impressions !== null || link.engagementRate !== null ? (
        <section aria-label="Reported by the platform" className="rounded-xl bg-gray-100/70 px-5 py-4 ring-1 ring-gray-200">
          <p className="text-xs font-medium uppercase tracking-wide text-gray-500">Reported by the platform (entered by hand, not measured by Clickproof)</p>
          <dl className="mt-2 flex flex-wrap gap-x-10 gap-y-2 text-sm">
            {[
              ["Reach", link.reach === null ? "—" : formatInteger(link.reach)],
              ["Impressions", link.impressions === null ? "—" : formatInteger(link.impressions)],
              ["Engagement rate", formatRate(link.engagementRate)],
            ].map(([term, value]) => (
              <div key={term}>
                <dt className="text-gray-500">{term}</dt>
                <dd className="font-semibold tabular-nums text-gray-800">{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
    </>
  );
}

export function PostDetailsPanel({ view }: { view: LinkPageView }) {
  const { link, workspace, creators, campaigns } = view;
  return (
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
  );
}

export function LinkSettingsPanel({ view }: { view: LinkPageView }) {
  const { link, workspace } = view;
  return (
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
            {link.archivedAt ? "This link is archived: visitors see a not-found page. Restore it to redirect again." : "Archiving stops the redirect. Clicks so far are kept."}
          </p>
          <ArchiveLinkButton workspaceSlug={workspace.slug} linkId={link.id} archived={Boolean(link.archivedAt)} />
        </div>
      </div>
    </Panel>
  );
}
