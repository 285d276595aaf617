// What the creator profile shows, loaded in one place: the member's workspace, the creator, their
// links and campaign history, and what the plan opens. The page only lays it out.
import "server-only";
import { notFound } from "next/navigation";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { planIncludes } from "@/lib/billing/plans";
import { parseCampaignSort, sortCreatorCampaigns } from "@/lib/campaigns/creator-campaigns-table";
import { getCreatorCampaignHistory } from "@/lib/campaigns/creator-history";
import { getCreatorPageSettings } from "@/lib/creator-pages/pages";
import { PLATFORMS } from "@/lib/creators/platforms";
import { getCreator, listCreatorLinks } from "@/lib/creators/queries";
import { can } from "@/lib/workspaces/permissions";

export async function loadCreatorPage(workspaceSlug: string, creatorId: string, query: { sort?: string; dir?: string }) {
  const { sort, dir } = parseCampaignSort(query.sort, query.dir);
  const { workspace, role } = await requireWorkspaceMember(workspaceSlug);
  const creator = await getCreator(workspace.id, creatorId);
  if (!creator) notFound();
  const [links, history] = await Promise.all([listCreatorLinks(workspace.id, creator.id), getCreatorCampaignHistory(workspace.id, creator.id)]);
  if (!history) notFound();
  const pagesOpen = planIncludes(workspace, "creatorPages");
  return {
    workspace,
    role,
    creator,
    links,
    history,
    sort,
    dir,
    campaignRows: sortCreatorCampaigns(history.campaigns, sort, dir),
    base: `/w/${workspace.slug}/creators`,
    ids: { workspaceSlug: workspace.slug, creatorId: creator.id },
    canWrite: can(role, "creators.write"),
    totalFollowers: creator.platforms.reduce((sum, platform) => sum + platform.followers, 0),
    totalClicks: links.reduce((sum, link) => sum + link.clicks, 0),
    availablePlatforms: PLATFORMS.map((p) => p.value).filter((value) => !creator.platforms.some((platform) => platform.platform === value)),
    campaignsOpen: planIncludes(workspace, "campaigns"),
    pagesOpen,
    managePages: can(role, "creatorPages.manage"),
    pageSettings: pagesOpen ? await getCreatorPageSettings(workspace.id, creator.id) : null,
  };
}

export type CreatorPageView = Awaited<ReturnType<typeof loadCreatorPage>>;
