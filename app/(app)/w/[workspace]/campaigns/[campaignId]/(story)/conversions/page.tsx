import { ConversionsFeed } from "@/components/conversions/conversions-feed";
import { PromoCodeForm } from "@/components/conversions/promo-code-form";
import { PlanLocked } from "@/components/billing/plan-locked";
import { Panel } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { planIncludes } from "@/lib/billing/plans";
import { loadCampaignPage } from "@/lib/campaigns/page-context";
import { listPromoCodes } from "@/lib/conversions/promo-codes";
import { countConversions, listConversions } from "@/lib/conversions/record";
import { pageParam } from "@/lib/page-param";
import { can } from "@/lib/workspaces/permissions";

export const metadata = { title: "Campaign conversions" };

const PAGE_SIZE = 20;

/** The campaign's conversions, a page at a time, and the promo codes that attribute them. */
export default async function CampaignConversionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string; campaignId: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const { workspace: slug, campaignId } = await params;
  const query = await searchParams;
  const { workspace, role, campaign } = await loadCampaignPage(slug, campaignId);
  if (!campaign) return null;
  if (!planIncludes(workspace, "conversions")) return <PlanLocked feature="conversions" workspace={workspace} role={role} />;
  const total = await countConversions(workspace.id, { campaignId: campaign.id });
  const page = pageParam(query.page, Math.ceil(total / PAGE_SIZE));
  const [feed, promoCodes] = await Promise.all([
    listConversions(workspace.id, { campaignId: campaign.id, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    listPromoCodes(workspace.id, campaign.id),
  ]);
  const base = `/w/${workspace.slug}/campaigns/${campaign.id}/conversions`;
  return (
    <div className="space-y-6">
      <Panel title="Conversions" description="Conversions attributed to this campaign, newest first, each with how it was attributed and why. Refunds reduce revenue; cancelled orders no longer count.">
        <ConversionsFeed entries={feed} />
        <Pager page={page} pageSize={PAGE_SIZE} total={total} href={(n) => (n === 1 ? base : `${base}?page=${n}`)} label="Conversions pages" />
      </Panel>
      <Panel title="Promo codes" description="A conversion carrying one of these codes, and no usable click id, is attributed to its creator in this campaign. Codes are unique in the workspace, whatever their case.">
        <div className="space-y-5">
          {promoCodes.length > 0 ? (
            <ul className="flex flex-wrap gap-2" data-testid="promo-codes">
              {promoCodes.map((code) => (
                <li key={code.id} className="rounded-full bg-gray-100 px-3 py-1 text-sm">
                  <span className="font-mono font-semibold text-gray-900">{code.code}</span> <span className="text-gray-600">· {code.creator.name}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {can(role, "conversions.write") ? (
            <PromoCodeForm workspaceSlug={workspace.slug} campaignId={campaign.id} creators={campaign.creators.map((m) => ({ id: m.creatorId, name: m.creator.name }))} />
          ) : promoCodes.length === 0 ? (
            <p className="text-sm text-gray-500">No promo codes yet.</p>
          ) : null}
        </div>
      </Panel>
    </div>
  );
}
