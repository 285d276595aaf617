import { ManageBillingButton, UpgradeForm } from "@/components/billing/billing-buttons";
import { UsageMeters } from "@/components/billing/usage-meters";
import { SettingsNav } from "@/components/workspaces/settings-nav";
import { Panel } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { getSubscriptionDetails, priceLabels } from "@/lib/billing/checkout";
import { effectivePlan, FEATURES, graceEndsAt, historyText, LIMITS, PLAN_IDS, PLANS, type Feature, type Limit } from "@/lib/billing/plans";
import { billingConfigured } from "@/lib/billing/stripe";
import { getUsage } from "@/lib/billing/usage";
import { formatDate, formatInteger } from "@/lib/format";
import { can } from "@/lib/workspaces/permissions";

export const metadata = { title: "Plan and billing" };

const STATUS_LABEL: Record<string, string> = {
  active: "Active",
  trialing: "Trial",
  past_due: "Payment past due",
  unpaid: "Unpaid",
  canceled: "Cancelled",
  incomplete: "Payment incomplete",
  incomplete_expired: "Checkout expired",
  paused: "Paused",
};

function limitText(limit: Limit, value: number): string {
  if (limit === "historyDays") return historyText(value);
  if ((limit === "brandedDomains" || limit === "apiRequestsPerMinute") && value === 0) return "—";
  return formatInteger(value);
}

export default async function BillingPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<{ checkout?: string }> }) {
  const { workspace: slug } = await params;
  const { checkout } = await searchParams;
  const { workspace, role } = await requireWorkspaceMember(slug);
  const manage = can(role, "billing.manage");
  const configured = billingConfigured();
  const [usage, billing, prices] = await Promise.all([
    getUsage(workspace.id, workspace),
    getSubscriptionDetails(workspace.id),
    configured ? priceLabels() : Promise.resolve({} as Record<string, string>),
  ]);
  const inForce = effectivePlan(workspace);
  const current = PLANS[inForce];
  const graceEnd = graceEndsAt(workspace);
  const subscribed = workspace.plan !== "free" && billing.stripeSubscriptionId !== null;

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-gray-900">Settings</h1>
        <SettingsNav slug={workspace.slug} />
      </div>

      {checkout === "success" ? (
        <FormMessage tone="success">
          {inForce === "free"
            ? "Thank you — your payment went through. The plan changes as soon as Stripe confirms it, usually within seconds: reload this page."
            : `Thank you — ${workspace.name} is on the ${current.name} plan.`}
        </FormMessage>
      ) : checkout === "cancelled" ? (
        <FormMessage tone="info">Checkout was cancelled; nothing changed.</FormMessage>
      ) : null}

      {!configured ? (
        <div className="rounded-xl bg-amber-50 px-5 py-4 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="billing-not-configured">
          <p className="font-semibold">Billing is not configured on this server.</p>
          <p className="mt-1">
            Upgrades through Stripe need <code className="font-mono">STRIPE_SECRET_KEY</code> and <code className="font-mono">STRIPE_WEBHOOK_SECRET</code> (see the README). A self-hoster can
            set a workspace&apos;s plan from the command line: <code className="font-mono">npm run plan -- {workspace.slug} team</code>.
          </p>
        </div>
      ) : null}

      <Panel
        title="Current plan"
        actions={configured && manage && billing.stripeCustomerId ? <ManageBillingButton workspaceSlug={workspace.slug} /> : null}
      >
        <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
          <p className="text-2xl font-semibold text-gray-900" data-testid="current-plan">{current.name}</p>
          {workspace.billingStatus ? (
            <span className="rounded-full bg-gray-100 px-2 py-0.5 text-xs font-medium text-gray-700">{STATUS_LABEL[workspace.billingStatus] ?? workspace.billingStatus}</span>
          ) : workspace.plan !== "free" ? (
            <span className="rounded-full bg-gray-100 px-2 py-0.5 text-xs font-medium text-gray-700">Set by the server&apos;s administrator</span>
          ) : null}
        </div>
        <p className="mt-1 text-sm text-gray-600">{current.summary}</p>
        {graceEnd ? (
          <p className="mt-3 text-sm text-red-700">
            {inForce === "free"
              ? `The last payment failed and the grace period ended on ${formatDate(graceEnd)}: Free limits apply until it is paid. Nothing has been deleted.`
              : `The last payment failed. Update the card before ${formatDate(graceEnd)}, when Free limits would apply.`}
          </p>
        ) : null}
        {subscribed && workspace.currentPeriodEnd ? (
          <p className="mt-3 text-sm text-gray-600">
            {billing.cancelAtPeriodEnd ? `Cancels on ${formatDate(workspace.currentPeriodEnd)}; ` : `Renews ${billing.billingInterval ?? ""} on ${formatDate(workspace.currentPeriodEnd)}. `}
            {billing.cancelAtPeriodEnd ? "after that the workspace keeps everything, read-only where it exceeds Free." : null}
          </p>
        ) : null}
      </Panel>

      <Panel title="Usage" description="Links created and clicks tracked in this billing period. Redirects never stop and clicks are never dropped because of a quota.">
        <UsageMeters usage={usage} planName={current.name} />
      </Panel>

      <section aria-labelledby="plans-heading" className="space-y-4">
        <h2 id="plans-heading" className="text-lg font-semibold text-gray-900">Plans</h2>
        <div className="grid gap-4 md:grid-cols-3">
          {PLAN_IDS.map((id) => {
            const plan = PLANS[id];
            const isCurrent = id === inForce;
            return (
              <div key={id} className={`flex flex-col rounded-xl bg-white p-5 shadow-sm ring-1 ${isCurrent ? "ring-2 ring-indigo-500" : "ring-gray-200"}`} data-testid={`plan-${id}`}>
                <div className="flex items-center justify-between">
                  <h3 className="text-base font-semibold text-gray-900">{plan.name}</h3>
                  {isCurrent ? <span className="rounded-full bg-indigo-50 px-2 py-0.5 text-xs font-medium text-indigo-700">Current plan</span> : null}
                </div>
                <p className="mt-1 text-sm text-gray-600">{plan.summary}</p>
                <dl className="mt-4 space-y-1.5 text-sm">
                  {(Object.keys(LIMITS) as Limit[]).map((limit) => (
                    <div key={limit} className="flex justify-between gap-3">
                      <dt className="text-gray-500">{LIMITS[limit]}</dt>
                      <dd className="font-medium tabular-nums text-gray-900">{limitText(limit, plan.limits[limit])}</dd>
                    </div>
                  ))}
                </dl>
                <ul className="mt-4 space-y-1.5 text-sm">
                  {(Object.keys(FEATURES) as Feature[]).map((feature) => (
                    <li key={feature} className={`flex gap-2 ${plan.features[feature] ? "text-gray-800" : "text-gray-500 line-through"}`}>
                      <span aria-hidden="true">{plan.features[feature] ? "✓" : "–"}</span>
                      <span>
                        {FEATURES[feature]}
                        <span className="sr-only">{plan.features[feature] ? " (included)" : " (not included)"}</span>
                      </span>
                    </li>
                  ))}
                </ul>
                <div className="mt-auto pt-5">
                  {id !== "free" && plan.prices && configured && manage && !subscribed && !isCurrent ? (
                    <UpgradeForm
                      workspaceSlug={workspace.slug}
                      plan={id}
                      planName={plan.name}
                      prices={(["monthly", "yearly"] as const).map((interval) => ({ interval, label: prices[plan.prices?.[interval] ?? ""] ?? null }))}
                    />
                  ) : plan.prices && configured && subscribed && !isCurrent && manage ? (
                    <p className="text-sm text-gray-500">Switch plans in the billing portal (Manage billing).</p>
                  ) : null}
                </div>
              </div>
            );
          })}
        </div>
        {!manage ? <p className="text-sm text-gray-500">Only the workspace owner can change the plan.</p> : null}
      </section>
    </div>
  );
}
