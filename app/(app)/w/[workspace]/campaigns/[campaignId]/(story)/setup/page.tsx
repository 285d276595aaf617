import { AddCreatorForm, GenerateLinksForm, RemoveCreatorButton } from "@/components/campaigns/campaign-creators-panel";
import { EmptyState, Panel } from "@/components/ui/card";
import { TableScroll } from "@/components/ui/table-scroll";
import { loadCampaignPage } from "@/lib/campaigns/page-context";
import { listCreatorOptions } from "@/lib/creators/queries";
import { getDb } from "@/lib/db";
import { servedHostnames } from "@/lib/domains/domains";
import { storedUtmTemplate } from "@/lib/links/utm";
import { formatMoney, formatRate } from "@/lib/format";
import { currentLinkHosts } from "@/lib/links/request-hosts";
import { canWriteCampaigns, canWriteLinks } from "@/lib/workspaces/permissions";

export const metadata = { title: "Campaign setup" };

/** Who is in the campaign and on what terms, and one action that gives each of them a link. */
export default async function CampaignSetupPage({ params }: { params: Promise<{ workspace: string; campaignId: string }> }) {
  const { workspace: slug, campaignId } = await params;
  const { workspace, role, campaign } = await loadCampaignPage(slug, campaignId);
  if (!campaign) return null;
  const editable = canWriteCampaigns(role);
  const linksWritable = canWriteLinks(role);
  if (!editable && !linksWritable) {
    // viewers: the tab is not offered; a typed URL says why rather than pretending nothing is here
    return (
      <Panel>
        <EmptyState title="Setup is for members who edit campaigns">Your role can read this campaign&apos;s results; ask an owner or admin to change its creators, terms or links.</EmptyState>
      </Panel>
    );
  }
  const [roster, campaignLinks, domains, hosts] = await Promise.all([
    listCreatorOptions(workspace.id),
    getDb().link.findMany({ where: { workspaceId: workspace.id, campaignId: campaign.id }, select: { slug: true, creatorId: true } }),
    servedHostnames(workspace.id),
    currentLinkHosts(),
  ]);
  const memberIds = new Set(campaign.creators.map((c) => c.creatorId));
  const linkByCreator = new Map(campaignLinks.filter((l) => l.creatorId).map((l) => [l.creatorId, l.slug]));

  return (
    <div className="space-y-6">
      {editable ? (
        <Panel title="Creators and terms" description="Who takes part, and what each costs in this campaign: flat fee, gifted product value, commission on attributed revenue.">
          <div className="space-y-5">
            {campaign.creators.length > 0 ? (
              <TableScroll label="Terms">
                <table className="min-w-full text-sm">
                  <thead>
                    <tr className="border-b border-gray-200 text-left text-xs font-medium uppercase tracking-wide text-gray-500">
                      <th className="py-1.5 pr-3">Creator</th>
                      <th className="py-1.5 pr-3 text-right">Flat fee</th>
                      <th className="py-1.5 pr-3 text-right">Gifted</th>
                      <th className="py-1.5 pr-3 text-right">Commission</th>
                      <th className="py-1.5 text-right">
                        <span className="sr-only">Remove</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-gray-100">
                    {campaign.creators.map((m) => (
                      <tr key={m.creatorId}>
                        <td className="py-2 pr-3 font-medium text-gray-800">{m.creator.name}</td>
                        <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(m.flatFeeMinor, campaign.currency)}</td>
                        <td className="py-2 pr-3 text-right tabular-nums">{formatMoney(m.giftedValueMinor, campaign.currency)}</td>
                        <td className="py-2 pr-3 text-right tabular-nums">{formatRate(m.commissionRate)}</td>
                        <td className="py-2 text-right">
                          <RemoveCreatorButton workspaceSlug={workspace.slug} campaignId={campaign.id} creatorId={m.creatorId} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
            ) : null}
            <AddCreatorForm
              workspaceSlug={workspace.slug}
              campaignId={campaign.id}
              currency={campaign.currency}
              creators={roster.map((c) => ({ ...c, inCampaign: memberIds.has(c.id) }))}
            />
          </div>
        </Panel>
      ) : null}
      {linksWritable ? (
        <Panel title="Generate links" description="One tracked link per selected creator, all to the campaign's destination. Creators who already have one are skipped.">
          {roster.length === 0 ? (
            <EmptyState title="No creators in your roster">Add creators first; then come back to give each of them a link.</EmptyState>
          ) : (
            <GenerateLinksForm
              workspaceSlug={workspace.slug}
              campaignId={campaign.id}
              hasDestination={Boolean(campaign.destinationUrl)}
              domains={domains}
              defaultHost={new URL(hosts.shortOrigin).host}
              template={storedUtmTemplate(campaign.utmTemplate)}
              candidates={roster.map((c) => ({ ...c, inCampaign: memberIds.has(c.id), linkSlug: linkByCreator.get(c.id) ?? null }))}
            />
          )}
        </Panel>
      ) : null}
    </div>
  );
}
