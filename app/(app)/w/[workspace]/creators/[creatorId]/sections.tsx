// The creator profile's sections, each from the view its loader made (load.ts).
import Link from "next/link";
import { PlanLocked } from "@/components/billing/plan-locked";
import { CreatorPageManager, CreatorPageOptions, DisableCreatorPageButton } from "@/components/creator-pages/page-settings";
import { ConsistencyVerdict } from "@/components/creators/consistency-verdict";
import { CreatorCampaignsTable } from "@/components/creators/creator-campaigns-table";
import { FollowerHistory } from "@/components/creators/follower-history";
import { PlatformChip } from "@/components/creators/platform-chip";
import { AddPlatformForm, EditPlatformForm, RemovePlatformButton } from "@/components/creators/platform-forms";
import { EmptyState, Panel } from "@/components/ui/card";
import { campaignSortLabel } from "@/lib/campaigns/creator-campaigns-table";
import { platformLabel } from "@/lib/creators/platforms";
import { formatDate, formatDateTime, formatInteger } from "@/lib/format";
import type { CreatorPageView } from "./load";

export function CreatorHeader({ view }: { view: CreatorPageView }) {
  const { creator, base } = view;
  return (
    <div>
      <Link href={base} className="text-sm text-gray-500 hover:text-gray-700">
        ← All creators
      </Link>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{creator.name}</h1>
        {creator.niche ? <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700">{creator.niche}</span> : null}
        {creator.archivedAt ? <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800">Archived</span> : null}
      </div>
      <p className="mt-1 text-sm text-gray-500">
        {creator.email ?? "No e-mail"} · on the roster since {formatDate(creator.createdAt)}
      </p>
      {creator.platforms.length > 0 ? (
        <div className="mt-3 flex flex-wrap gap-1.5">
          {creator.platforms.map((platform) => (
            <PlatformChip key={platform.id} platform={platform.platform} handle={platform.handle} followers={platform.followers} />
          ))}
        </div>
      ) : null}
    </div>
  );
}

export function PlatformsPanel({ view }: { view: CreatorPageView }) {
  const { creator, canWrite, ids, availablePlatforms: available } = view;
  return (
    <Panel title="Platforms" description="Saving a new follower count keeps the old one in the history, so past campaigns are measured against the audience they had.">
      {creator.platforms.length > 0 ? (
        <div className="divide-y divide-gray-100">
          {creator.platforms.map((platform) => {
            const label = platformLabel(platform.platform);
            return (
              <section key={platform.id} className="grid gap-6 py-5 first:pt-0 last:pb-0 lg:grid-cols-2" data-testid={`platform-${platform.platform}`} aria-label={label}>
                <div className="space-y-3">
                  <div className="flex items-center justify-between gap-3">
                    <h3 className="text-sm font-semibold text-gray-900">
                      {label} <span className="font-normal text-gray-500">@{platform.handle}</span>
                    </h3>
                    {canWrite ? <RemovePlatformButton {...ids} platformId={platform.id} label={label} /> : null}
                  </div>
                  {canWrite ? (
                    <EditPlatformForm {...ids} platformId={platform.id} label={label} handle={platform.handle} followers={platform.followers} />
                  ) : (
                    <p className="text-sm text-gray-700">{formatInteger(platform.followers)} followers</p>
                  )}
                </div>
                <FollowerHistory label={label} history={platform.history} />
              </section>
            );
          })}
        </div>
      ) : (
        <EmptyState title="No platforms yet">Add the accounts this creator posts on, with their follower counts, so clicks can be compared with audience size.</EmptyState>
      )}
      {canWrite && available.length > 0 ? (
        <div className="mt-6 border-t border-gray-100 pt-5">
          <h3 className="mb-3 text-sm font-semibold text-gray-900">Add a platform</h3>
          <AddPlatformForm {...ids} available={available} />
        </div>
      ) : null}
    </Panel>
  );
}

export function CampaignsPanel({ view }: { view: CreatorPageView }) {
  const { creator, workspace, role, history, sort, dir, base, campaignRows, campaignsOpen } = view;
  return (
    <Panel
      title="Campaigns"
      description={`Every campaign this creator took part in, ${sort === "start" && dir === "desc" ? "newest first" : `sorted by ${campaignSortLabel(sort)}`}. Audience CTR = unique clicks ÷ followers when the post went live.`}
      actions={
        campaignsOpen && history.campaigns.length > 0 ? (
          <a href={`${base}/${creator.id}/campaigns/export?sort=${sort}&dir=${dir}`} className="shrink-0 text-sm font-medium text-indigo-600 hover:text-indigo-500">
            Export CSV
          </a>
        ) : null
      }
    >
      {!campaignsOpen ? (
        <PlanLocked feature="campaigns" workspace={workspace} role={role} />
      ) : history.campaigns.length > 0 ? (
        <div className="space-y-5">
          <ConsistencyVerdict audienceCtr={history.consistency.audienceCtr} conversionRate={history.consistency.conversionRate} campaignCount={history.campaigns.length} />
          <CreatorCampaignsTable workspaceSlug={workspace.slug} rows={campaignRows} sort={sort} dir={dir} />
        </div>
      ) : (
        <EmptyState title="Not in a campaign yet">
          Add {creator.name} to a campaign on the{" "}
          <Link href={`/w/${workspace.slug}/campaigns`} className="font-medium text-indigo-600 hover:text-indigo-500">
            Campaigns
          </Link>{" "}
          page; their numbers per campaign and whether they hold up across campaigns show here.
        </EmptyState>
      )}
    </Panel>
  );
}

export function PerformancePagePanel({ view }: { view: CreatorPageView }) {
  const { creator, workspace, role, ids, pagesOpen, managePages, pageSettings } = view;
  return (
    <Panel
      title="Performance page"
      description="Their own results, never another creator's: through a secret link, or by signing in at /creator with the e-mail you registered for them."
    >
      {!pagesOpen ? (
        <PlanLocked feature="creatorPages" workspace={workspace} role={role} />
      ) : (
        <div className="space-y-4" data-testid="creator-page-settings">
          {pageSettings ? (
            <ul className="space-y-1 text-sm text-gray-700">
              <li>
                <span className="font-medium text-gray-900">On</span> since {formatDate(pageSettings.createdAt)}
                {pageSettings.showConversions ? ", showing conversions and revenue." : ", clicks only (conversions and revenue hidden)."}
              </li>
              <li>Secret link: {pageSettings.hasLink && pageSettings.linkIssuedAt ? `issued ${formatDateTime(pageSettings.linkIssuedAt)}` : "revoked"}.</li>
              <li>
                E-mail sign-in:{" "}
                {creator.email ? (
                  <>
                    {creator.email} can sign in at <code className="font-mono text-xs">/creator</code>.
                  </>
                ) : (
                  "add their e-mail in Details so they can sign in."
                )}
              </li>
            </ul>
          ) : (
            <p className="text-sm text-gray-500">Off. {managePages ? "Turn it on to get a link to send them." : "Owners and admins can turn it on."}</p>
          )}
          {managePages ? (
            <CreatorPageManager {...ids} on={pageSettings !== null} hasLink={pageSettings?.hasLink ?? false} archived={Boolean(creator.archivedAt)} />
          ) : null}
          {managePages && pageSettings ? (
            <div className="flex flex-wrap items-center justify-between gap-3 border-t border-gray-100 pt-4">
              <CreatorPageOptions {...ids} showConversions={pageSettings.showConversions} />
              <DisableCreatorPageButton {...ids} />
            </div>
          ) : null}
        </div>
      )}
    </Panel>
  );
}
