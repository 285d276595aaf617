import { Breakdown } from "@/components/analytics/breakdown";
import { ClicksChart } from "@/components/analytics/clicks-chart";
import { QrPanel } from "@/components/links/qr-panel";
import { EmptyState, Panel } from "@/components/ui/card";
import { scanUrl } from "@/lib/urls/short-url";
import { canWriteLinks } from "@/lib/workspaces/permissions";
import { loadLinkPage } from "./load";
import { LinkHeader, LinkNumbers, LinkSettingsPanel, PostDetailsPanel, RangePicker } from "./sections";

export const metadata = { title: "Link analytics" };

export default async function LinkPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string; linkId: string }>;
  searchParams: Promise<{ range?: string }>;
}) {
  const { workspace: slug, linkId } = await params;
  const view = await loadLinkPage(slug, linkId, (await searchParams).range);
  const { link, workspace, role, url } = view;

  return (
    <div className="space-y-6">
      <LinkHeader view={view} />
      <RangePicker view={view} />
      <LinkNumbers view={view} />

      <Panel title="Clicks over time">
        {view.hasClicks ? (
          <ClicksChart data={view.series} />
        ) : (
          <EmptyState title="No clicks in this period">
            Share <code className="font-mono">{url}</code> with your creator; each visit appears here within seconds.
          </EmptyState>
        )}
      </Panel>

      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        {view.breakdowns.map(({ dimension, title, items }) => (
          <Breakdown key={dimension} title={title} items={items} empty="No clicks yet." />
        ))}
      </div>

      <QrPanel workspaceSlug={workspace.slug} linkId={link.id} slug={link.slug} scanUrl={scanUrl(url)} brandColor={view.defaults.brandColor} />

      {canWriteLinks(role) ? <PostDetailsPanel view={view} /> : null}
      {canWriteLinks(role) ? <LinkSettingsPanel view={view} /> : null}
    </div>
  );
}
