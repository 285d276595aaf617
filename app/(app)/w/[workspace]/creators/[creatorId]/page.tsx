import { CreatorPageManager, CreatorPageOptions, DisableCreatorPageButton } from "@/components/creator-pages/page-settings";
import { getCreatorPageSettings } from "@/lib/creator-pages/pages";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConsistencyVerdict } from "@/components/creators/consistency-verdict";
import { CreatorCampaignsTable } from "@/components/creators/creator-campaigns-table";
import { CreatorDetailsForm } from "@/components/creators/creator-details-form";
import { CreatorLinksTable } from "@/components/creators/creator-links-table";
import { CreatorTiming } from "@/components/creators/creator-timing";
import { FollowerHistory } from "@/components/creators/follower-history";
import { PlatformChip } from "@/components/creators/platform-chip";
import { AddPlatformForm, ArchiveCreatorButton, EditPlatformForm, RemovePlatformButton } from "@/components/creators/platform-forms";
import { EmptyState, Panel, Stat } from "@/components/ui/card";
import { PlanLocked } from "@/components/billing/plan-locked";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { planIncludes } from "@/lib/billing/plans";
import { getCreatorCampaignHistory } from "@/lib/campaigns/creator-history";
import { campaignSortLabel, parseCampaignSort, sortCreatorCampaigns } from "@/lib/campaigns/creator-campaigns-table";
import { PLATFORMS, platformLabel } from "@/lib/creators/platforms";
import { getCreator, listCreatorLinks } from "@/lib/creators/queries";
import { formatDate, formatDateTime, formatInteger } from "@/lib/format";
import { can } from "@/lib/workspaces/permissions";

export const metadata = { title: "Creator" };

export default async function CreatorPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string; creatorId: string }>;
  searchParams: Promise<{ sort?: string; dir?: string }>;
}) {
  const { workspace: slug, creatorId } = await params;
  const query = await searchParams;
  const { sort, dir } = parseCampaignSort(query.sort, query.dir);
  const { workspace, role } = await requireWorkspaceMember(slug);
  const creator = await getCreator(workspace.id, creatorId);
  if (!creator) notFound();
  const [links, history] = await Promise.all([listCreatorLinks(workspace.id, creator.id), getCreatorCampaignHistory(workspace.id, creator.id)]);
  if (!history) notFound();
  const canWrite = can(role, "creators.write");
  const base = `/w/${workspace.slug}/creators`;
  const totalFollowers = creator.platforms.reduce((sum, platform) => sum + platform.followers, 0);
  const totalClicks = links.reduce((sum, link) => sum + link.clicks, 0);
  const available = PLATFORMS.map((p) => p.value).filter((value) => !creator.platforms.some((platform) => platform.platform === value));
  const ids = { workspaceSlug: workspace.slug, creatorId: creator.id };
  const campaignRows = sortCreatorCampaigns(history.campaigns, sort, dir);
  const campaignsOpen = planIncludes(workspace, "campaigns");
  const pagesOpen = planIncludes(workspace, "creatorPages");
  const managePages = can(role, "creatorPages.manage");
  const pageSettings = pagesOpen ? await getCreatorPageSettings(workspace.id, creator.id) : null;

  return (
    <div className="space-y-6">
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

      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Followers" value={formatInteger(totalFollowers)} hint={`Across ${creator.platforms.length} ${creator.platforms.length === 1 ? "platform" : "platforms"}, latest counts`} />
        <Stat label="Links" value={formatInteger(links.length)} hint="Short links assigned to this creator" />
        <Stat label="Clicks" value={formatInteger(totalClicks)} hint="All time, people only (bots filtered)" />
      </div>

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

      <Panel title="Links" description="Short links assigned to this creator, with clicks from people (bots and link previews filtered).">
        {links.length > 0 ? (
          <CreatorLinksTable workspaceSlug={workspace.slug} links={links} />
        ) : (
          <EmptyState title="No links for this creator yet">
            Create a link on the{" "}
            <Link href={`/w/${workspace.slug}`} className="font-medium text-indigo-600 hover:text-indigo-500">
              Links
            </Link>{" "}
            page and pick {creator.name} as its creator; its clicks show up here.
          </EmptyState>
        )}
      </Panel>

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

      <Panel title="Timing" description="Clicks by time since the post went live, over all of this creator's links with a post time (counted by the hour).">
        <CreatorTiming timing={history.timing} postedLinks={history.postedLinks} linkCount={links.length} />
      </Panel>

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

      {canWrite ? (
        <Panel title="Details" description="Name, e-mail, niche and notes.">
          <div className="space-y-6">
            <CreatorDetailsForm {...ids} creator={creator} />
            <div className="flex flex-wrap items-center justify-between gap-3 border-t border-gray-100 pt-5">
              <p className="text-sm text-gray-500">
                {creator.archivedAt
                  ? "This creator is archived: hidden from the roster and link pickers. Restore to bring them back."
                  : "Archiving hides the creator from the roster and link pickers. Links, clicks and follower history are kept."}
              </p>
              <ArchiveCreatorButton {...ids} archived={Boolean(creator.archivedAt)} />
            </div>
          </div>
        </Panel>
      ) : creator.notes ? (
        <Panel title="Notes">
          <p className="whitespace-pre-line text-sm text-gray-700">{creator.notes}</p>
        </Panel>
      ) : null}
    </div>
  );
}
