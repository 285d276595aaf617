import Link from "next/link";
import type { Domain } from "@prisma/client";
import { AddDomainForm, DomainFallbackForm, RemoveDomainButton, VerifyDomainButton } from "@/components/domains/domain-forms";
import { LockIcon } from "@/components/billing/plan-locked";
import { SettingsNav } from "@/components/workspaces/settings-nav";
import { EmptyState, Panel } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { cheapestPlanAllowing, effectivePlan, PLAN_IDS, PLANS } from "@/lib/billing/plans";
import { listDomains, recordsToCreate, routingTargets } from "@/lib/domains/domains";
import { FAILING_GRACE_MS } from "@/lib/domains/verification";
import { formatDateTime, formatInteger } from "@/lib/format";
import { currentLinkHosts } from "@/lib/links/request-hosts";
import { can } from "@/lib/workspaces/permissions";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata = { title: "Domains" };

function StatusBadge({ domain }: { domain: Domain }) {
  const [label, tone] =
    domain.status === "verified"
      ? domain.failingSince
        ? ["Verified · DNS check failing", "bg-amber-50 text-amber-800 ring-amber-200"]
        : ["Verified", "bg-emerald-50 text-emerald-700 ring-emerald-200"]
      : domain.status === "failed"
        ? ["Not serving · verification lost", "bg-red-50 text-red-700 ring-red-200"]
        : ["Pending verification", "bg-gray-100 text-gray-700 ring-gray-200"];
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${tone}`} data-testid="domain-status">{label}</span>;
}

export default async function DomainsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { workspace, role } = await requireWorkspaceMember(slug);
  const manage = can(role, "settings.manage");
  const [domains, hosts] = await Promise.all([listDomains(workspace.id), currentLinkHosts()]);
  const plan = PLANS[effectivePlan(workspace)];
  const allowed = plan.limits.brandedDomains;
  const upgrade = cheapestPlanAllowing("brandedDomains", domains.length + 1);
  const targets = routingTargets(hosts);
  const verified = domains.filter((domain) => domain.status === "verified");

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Settings</h1>
        <SettingsNav slug={workspace.slug} />
      </div>

      <Panel
        title="Branded domains"
        description={`Serve your creators' links on your own short domain — go.yourbrand.com/maya instead of ${new URL(hosts.shortOrigin).host}/maya. ${formatInteger(domains.length)} of ${formatInteger(allowed)} on the ${plan.name} plan.`}
      >
        <div className="space-y-6">
          {allowed === 0 ? (
            <div className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="plan-locked">
              <span className="inline-flex items-center gap-1.5 font-medium">
                <LockIcon /> Branded domains come with the{" "}
                {PLAN_IDS.filter((id) => PLANS[id].limits.brandedDomains > 0)
                  .map((id) => `${PLANS[id].name} (${formatInteger(PLANS[id].limits.brandedDomains)})`)
                  .join(" and ")}{" "}
                plans.
              </span>{" "}
              {can(role, "billing.manage") ? (
                <Link href={`/w/${workspace.slug}/settings/billing`} className="font-medium underline">
                  See plans
                </Link>
              ) : (
                "Ask the workspace owner to upgrade."
              )}
            </div>
          ) : null}
          {manage && allowed > domains.length ? <AddDomainForm workspaceSlug={workspace.slug} /> : null}
          {manage && allowed > 0 && allowed <= domains.length ? (
            <p className="text-sm text-gray-600">
              The {plan.name} plan includes {formatInteger(allowed)} {allowed === 1 ? "domain" : "domains"}.
              {upgrade && upgrade.id !== plan.id ? ` ${upgrade.name} allows ${formatInteger(upgrade.limits.brandedDomains)}.` : ""}
            </p>
          ) : null}
          {!manage ? <p className="text-sm text-gray-500">Owners and admins add and verify domains.</p> : null}
        </div>
      </Panel>

      {domains.length === 0 ? (
        <EmptyState title="No branded domain yet">Add one above; once its DNS records are in place and it is verified, you can create links on it.</EmptyState>
      ) : (
        domains.map((domain) => {
          const records = recordsToCreate(domain, targets);
          // as host routing counts (lib/domains/serving.ts): the oldest verified domains are served
          const beyondPlan = domain.status === "verified" && verified.indexOf(domain) >= allowed;
          const showRecords = domain.status !== "verified" || !domain.routingOk || domain.failingSince !== null;
          return (
            <section key={domain.id} aria-label={domain.hostname} className="rounded-xl bg-white shadow-sm ring-1 ring-gray-200" data-testid="domain">
              <div className="flex flex-wrap items-center justify-between gap-3 border-b border-gray-100 px-6 py-4">
                <div className="flex flex-wrap items-center gap-3">
                  <h2 className="font-mono text-lg font-semibold text-gray-900">{domain.hostname}</h2>
                  <StatusBadge domain={domain} />
                  {beyondPlan ? <span className="rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-200">Beyond the plan: not serving</span> : null}
                </div>
                <p className="text-xs text-gray-500">{domain.lastCheckedAt ? `Checked ${formatDateTime(domain.lastCheckedAt)}` : "Not checked yet"}</p>
              </div>
              <div className="space-y-5 px-6 py-5">
                {domain.lastError ? (
                  <p className={`rounded-md px-3 py-2 text-sm ring-1 ${domain.status === "verified" ? "bg-amber-50 text-amber-900 ring-amber-200" : "bg-gray-50 text-gray-700 ring-gray-200"}`}>
                    {domain.lastError}
                    {domain.failingSince ? ` (stops on ${formatDateTime(new Date(domain.failingSince.getTime() + FAILING_GRACE_MS))})` : ""}
                  </p>
                ) : null}
                {domain.status === "verified" && !domain.routingOk ? (
                  <p className="text-sm text-amber-800">Verified, but {domain.hostname} does not point at us yet: add the CNAME below so visitors reach your links.</p>
                ) : null}
                {showRecords ? (
                  <div>
                    <p className="text-sm font-medium text-gray-800">DNS records to create at your DNS provider</p>
                    <div className="mt-2 rounded-lg ring-1 ring-gray-200">
                      <TableScroll label="DNS records"><table className="min-w-full text-left text-sm">
                        <thead className="bg-gray-50 text-xs uppercase tracking-wide text-gray-500">
                          <tr>
                            <th className="px-3 py-2 font-medium">Type</th>
                            <th className="px-3 py-2 font-medium">Name</th>
                            <th className="px-3 py-2 font-medium">Value</th>
                            <th className="px-3 py-2 font-medium">Why</th>
                          </tr>
                        </thead>
                        <tbody className="divide-y divide-gray-100">
                          {records.map((record) => (
                            <tr key={`${record.type}-${record.value}`}>
                              <td className="px-3 py-2 font-mono text-xs font-semibold text-gray-700">{record.type}</td>
                              <td className="px-3 py-2 font-mono text-xs text-gray-800">{record.name}</td>
                              <td className="px-3 py-2">
                                <div className="flex items-center gap-2">
                                  <code className="break-all font-mono text-xs text-gray-900" data-testid={`record-${record.type}`}>{record.value}</code>
                                  <CopyButton value={record.value} label="Copy" />
                                </div>
                              </td>
                              <td className="px-3 py-2 text-xs text-gray-500">{record.purpose}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table></TableScroll>
                    </div>
                    <p className="mt-2 text-xs text-gray-500">DNS changes can take a few minutes to an hour to show. We check pending domains every 10 minutes for a week, and verified ones several times a day.</p>
                  </div>
                ) : null}
                {manage ? (
                  <>
                    <VerifyDomainButton workspaceSlug={workspace.slug} domainId={domain.id} label={domain.status === "verified" ? "Check DNS again" : "Verify now"} />
                    <DomainFallbackForm workspaceSlug={workspace.slug} domainId={domain.id} fallbackUrl={domain.fallbackUrl} />
                    <div className="flex items-center justify-between border-t border-gray-100 pt-4">
                      <p className="text-sm text-gray-500">Removing the domain stops its links at once; they and their clicks stay in your workspace.</p>
                      <RemoveDomainButton workspaceSlug={workspace.slug} domainId={domain.id} hostname={domain.hostname} />
                    </div>
                  </>
                ) : domain.fallbackUrl ? (
                  <p className="text-sm text-gray-600">Fallback: {domain.fallbackUrl}</p>
                ) : null}
              </div>
            </section>
          );
        })
      )}
    </div>
  );
}
