import Link from "next/link";
import { CreateApiKeyForm, RevokeApiKeyButton } from "@/components/api-keys/api-keys-panel";
import { PlanLocked } from "@/components/billing/plan-locked";
import { UsageMeters } from "@/components/billing/usage-meters";
import { DeleteWorkspaceForm } from "@/components/workspaces/delete-workspace-form";
import { LinkDefaultsForm } from "@/components/workspaces/link-defaults-form";
import { SettingsNav } from "@/components/workspaces/settings-nav";
import { EmptyState, Panel } from "@/components/ui/card";
import { listApiKeys } from "@/lib/api-keys/queries";
import { grantableScopes, SCOPE_NAMES } from "@/lib/api-keys/scopes";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/format";
import { currentLinkHosts } from "@/lib/links/request-hosts";
import { effectivePlan, limitOf, planIncludes, PLANS } from "@/lib/billing/plans";
import { getUsage } from "@/lib/billing/usage";
import { getLinkDefaults } from "@/lib/workspaces/link-defaults";
import { can, canManageApiKeys } from "@/lib/workspaces/permissions";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { workspace, role } = await requireWorkspaceMember(slug);
  const manage = canManageApiKeys(role);
  const apiIncluded = planIncludes(workspace, "api");
  const [keys, hosts, usage, defaults] = await Promise.all([
    manage ? listApiKeys(workspace.id) : Promise.resolve([]),
    currentLinkHosts(),
    getUsage(workspace.id, workspace),
    getLinkDefaults(workspace.id),
  ]);
  const origin = new URL(hosts.shortOrigin).origin;

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Settings</h1>
        <SettingsNav slug={workspace.slug} />
        <p className="mt-4 text-sm text-gray-500">
          Workspace <span className="font-medium text-gray-700">{workspace.name}</span> · address <code className="font-mono">/w/{workspace.slug}</code> · your role: {role}
        </p>
      </div>

      <Panel
        title="Plan and usage"
        actions={
          <Link href={`/w/${workspace.slug}/settings/billing`} className="shrink-0 text-sm font-medium text-indigo-600 hover:text-indigo-500">
            {can(role, "billing.manage") ? "Plans and billing →" : "See plans →"}
          </Link>
        }
      >
        <UsageMeters usage={usage} planName={PLANS[effectivePlan(workspace)].name} />
      </Panel>

      {can(role, "settings.manage") ? (
        <Panel title="Link defaults" description="The brand colour of your QR codes, and the UTM tags new campaigns start with.">
          <LinkDefaultsForm workspaceSlug={workspace.slug} brandColor={defaults.brandColor} utmTemplate={defaults.utmTemplate} />
        </Panel>
      ) : null}

      <Panel title="API keys" description="Keys let your scripts and checkout create links and read analytics through the REST API. They are stored hashed.">
        {!apiIncluded ? (
          <div className="space-y-6">
            <PlanLocked feature="api" workspace={workspace} role={role} />
            {keys.length > 0 ? <p className="text-sm text-gray-500">This workspace&apos;s existing keys are refused until it upgrades; revoke them below if they are no longer needed.</p> : null}
          </div>
        ) : null}
        {manage ? (
          <div className="space-y-6">
            {apiIncluded ? <CreateApiKeyForm workspaceSlug={workspace.slug} grantable={grantableScopes(role)} /> : null}
            {keys.length === 0 ? (
              apiIncluded ? (
                <EmptyState title="No API keys yet">Create one above, then call the API with it as a bearer token.</EmptyState>
              ) : null
            ) : (
              <TableScroll label="API keys"><table className="min-w-full text-sm" data-testid="api-keys-table">
                <thead>
                  <tr className="border-b border-gray-200 text-left text-xs font-medium uppercase tracking-wide text-gray-500">
                    <th className="py-2 pr-4">Name</th>
                    <th className="py-2 pr-4">Key</th>
                    <th className="py-2 pr-4">Scopes</th>
                    <th className="py-2 pr-4">Created</th>
                    <th className="py-2 pr-4">Last used</th>
                    <th className="py-2" />
                  </tr>
                </thead>
                <tbody className="divide-y divide-gray-100">
                  {keys.map((key) => (
                    <tr key={key.id} className={key.revokedAt ? "text-gray-500" : ""}>
                      <td className="py-3 pr-4 font-medium">{key.name}</td>
                      <td className="py-3 pr-4 font-mono text-xs">{key.prefix}…</td>
                      <td className="py-3 pr-4 text-xs">{key.scopes.length === SCOPE_NAMES.length ? "all" : <span className="font-mono">{key.scopes.join(" ")}</span>}</td>
                      <td className="py-3 pr-4">{formatDateTime(key.createdAt)}{key.createdBy?.email ? ` by ${key.createdBy.email}` : ""}</td>
                      <td className="py-3 pr-4">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : "Never"}</td>
                      <td className="py-3 text-right">
                        {key.revokedAt ? <span className="text-xs">Revoked {formatDateTime(key.revokedAt)}</span> : <RevokeApiKeyButton workspaceSlug={workspace.slug} keyId={key.id} name={key.name} />}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table></TableScroll>
            )}
          </div>
        ) : (
          <p className="text-sm text-gray-500">Only owners and admins can manage API keys.</p>
        )}
      </Panel>

      {apiIncluded ? (
        <Panel
          title="Try the API"
          description="Create a link, then read its analytics."
          actions={
            <Link href="/docs/api" className="shrink-0 text-sm font-medium text-indigo-600 hover:text-indigo-500">
              API reference →
            </Link>
          }
        >
          <pre tabIndex={0} className="overflow-x-auto rounded-lg bg-gray-900 p-4 text-xs leading-relaxed text-gray-100">
{`curl -X POST ${origin}/api/v1/links \\
  -H "Authorization: Bearer $CLICKPROOF_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"url":"https://shop.example.com/spring","slug":"maya-lopez"}'

curl "${origin}/api/v1/analytics?linkId=<id>" \\
  -H "Authorization: Bearer $CLICKPROOF_API_KEY"`}
          </pre>
        </Panel>
      ) : null}

      <Panel
        title="Your data"
        description={`Raw clicks are kept for the plan's analytics history (${limitOf(workspace.plan, "historyDays").toLocaleString("en-US")} days on ${PLANS[workspace.plan].name}) and a week more; older ones are kept as daily totals per country, device, browser, OS, referrer and source. Visitors are counted by a daily salted hash, never by their IP address.`}
      >
        {can(role, "workspace.export") ? (
          <div className="flex flex-wrap items-center justify-between gap-4">
            <p className="max-w-xl text-sm text-gray-600">
              One ZIP with everything in this workspace: links, every click, creators, campaigns, conversions, members and settings, as CSV files (secrets such as API keys are never included).
            </p>
            <a
              href={`/w/${workspace.slug}/settings/export`}
              download
              className="shrink-0 rounded-md bg-white px-3 py-2 text-sm font-semibold text-gray-900 shadow-sm ring-1 ring-gray-300 ring-inset hover:bg-gray-50"
              data-testid="export-workspace"
            >
              Export all data
            </a>
          </div>
        ) : (
          <p className="text-sm text-gray-500">Only the workspace&apos;s owner can export all its data or delete it. CSV exports of each table are on their pages.</p>
        )}
      </Panel>

      {can(role, "workspace.delete") ? (
        <section className="rounded-xl bg-white shadow-sm ring-1 ring-red-200" aria-labelledby="danger-zone">
          <header className="border-b border-red-100 px-5 py-4">
            <h2 id="danger-zone" className="text-sm font-semibold text-red-700">
              Delete this workspace
            </h2>
            <p className="mt-0.5 text-sm text-gray-600">
              Deletes {workspace.name} with all its links, clicks, creators, campaigns, conversions, domains, API keys and members, at once and for good. Its short links stop redirecting.
              {workspace.billingStatus && workspace.billingStatus !== "canceled" ? " Its subscription is cancelled at Stripe first, so it is not billed again." : ""} Export the data first if you may need it.
            </p>
          </header>
          <div className="p-5">
            <DeleteWorkspaceForm workspaceSlug={workspace.slug} workspaceName={workspace.name} />
          </div>
        </section>
      ) : null}
    </div>
  );
}
