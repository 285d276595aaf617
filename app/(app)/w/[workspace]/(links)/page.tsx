import Link from "next/link";
import { servedHostnames } from "@/lib/domains/domains";
import { LinkQuotaNotice } from "@/components/billing/quota-notice";
import { CreateLinkForm } from "@/components/links/create-link-form";
import { LinksTable } from "@/components/links/links-table";
import { EmptyState, Panel } from "@/components/ui/card";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { effectivePlan, PLANS } from "@/lib/billing/plans";
import { getUsage } from "@/lib/billing/usage";
import { listCreatorOptions } from "@/lib/creators/queries";
import { listLinks } from "@/lib/links/queries";
import { currentLinkHosts } from "@/lib/links/request-hosts";
import { parseLinkSort, sortLinks } from "@/lib/links/table";
import { canWriteLinks } from "@/lib/workspaces/permissions";

export const metadata = { title: "Links" };

export default async function LinksPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspace: string }>;
  searchParams: Promise<{ view?: string; sort?: string; dir?: string }>;
}) {
  const { workspace: slug } = await params;
  const query = await searchParams;
  const archived = query.view === "archived";
  const { sort, dir } = parseLinkSort(query.sort, query.dir);
  const { workspace, role } = await requireWorkspaceMember(slug);
  const [links, hosts, creators, usage, domains] = await Promise.all([
    listLinks(workspace.id, { archived }),
    currentLinkHosts(),
    listCreatorOptions(workspace.id),
    getUsage(workspace.id, workspace),
    servedHostnames(workspace.id),
  ]);
  const linkMeter = usage.meters.find((meter) => meter.limit === "linksPerMonth");

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Links</h1>
        <p className="mt-1 text-sm text-gray-500">One tracked short link per creator, so you can see what each audience actually did.</p>
      </div>

      {canWriteLinks(role) ? (
        <Panel title="Create a link" description="Paste where the link should go. Give it a readable slug, such as the creator's name.">
          {linkMeter ? <LinkQuotaNotice meter={linkMeter} planName={PLANS[effectivePlan(workspace)].name} workspaceSlug={workspace.slug} role={role} /> : null}
          <CreateLinkForm workspaceSlug={workspace.slug} shortOrigin={hosts.shortOrigin} creators={creators} domains={domains} />
        </Panel>
      ) : null}

      <Panel
        title={archived ? "Archived links" : "Your links"}
        description={archived ? "Archived links no longer redirect; their clicks are kept." : "Clicks count humans only; bots and link previews are filtered."}
        actions={
          <div className="flex items-center gap-4">
            {links.length > 0 ? (
              <a
                href={`/w/${workspace.slug}/links/export?${archived ? "view=archived&" : ""}sort=${sort}&dir=${dir}`}
                className="text-sm font-medium text-indigo-600 hover:text-indigo-500"
              >
                Export CSV
              </a>
            ) : null}
            <Link href={archived ? `/w/${workspace.slug}` : `/w/${workspace.slug}?view=archived`} className="text-sm font-medium text-indigo-600 hover:text-indigo-500">
              {archived ? "← Active links" : "Archived"}
            </Link>
          </div>
        }
      >
        {links.length > 0 ? (
          <LinksTable workspaceSlug={workspace.slug} links={sortLinks(links, sort, dir)} hosts={hosts} sort={sort} dir={dir} archived={archived} />
        ) : archived ? (
          <EmptyState title="No archived links">Links you archive show up here, with their history.</EmptyState>
        ) : (
          <EmptyState title="No links yet">
            Create your first link above — for example <code className="font-mono">{hosts.shortOrigin.replace(/^https?:\/\//, "")}/creator-name</code>{" "}
            pointing at your landing page — and share it with the creator. Every click shows up here.
          </EmptyState>
        )}
      </Panel>
    </div>
  );
}
