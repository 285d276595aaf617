import Link from "next/link";
import { CreatorDetailsForm } from "@/components/creators/creator-details-form";
import { CreatorLinksTable } from "@/components/creators/creator-links-table";
import { CreatorTiming } from "@/components/creators/creator-timing";
import { ArchiveCreatorButton } from "@/components/creators/platform-forms";
import { EmptyState, Panel, Stat } from "@/components/ui/card";
import { formatInteger } from "@/lib/format";
import { loadCreatorPage } from "./load";
import { CampaignsPanel, CreatorHeader, PerformancePagePanel, PlatformsPanel } from "./sections";

export const metadata = { title: "Creator" };

export default async function CreatorPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string; creatorId: string }>;
  searchParams: Promise<{ sort?: string; dir?: string }>;
}) {
  const { workspace: slug, creatorId } = await params;
  const view = await loadCreatorPage(slug, creatorId, await searchParams);
  const { creator, workspace, links, history, ids, canWrite } = view;

  return (
    <div className="space-y-6">
      <CreatorHeader view={view} />

      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Followers" value={formatInteger(view.totalFollowers)} hint={`Across ${creator.platforms.length} ${creator.platforms.length === 1 ? "platform" : "platforms"}, latest counts`} />
        <Stat label="Links" value={formatInteger(links.length)} hint="Short links assigned to this creator" />
        <Stat label="Clicks" value={formatInteger(view.totalClicks)} hint="All time, people only (bots filtered)" />
      </div>

      <PlatformsPanel view={view} />

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

      <CampaignsPanel view={view} />

      <Panel title="Timing" description="Clicks by time since the post went live, over all of this creator's links with a post time (counted by the hour).">
        <CreatorTiming timing={history.timing} postedLinks={history.postedLinks} linkCount={links.length} />
      </Panel>

      <PerformancePagePanel view={view} />

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
