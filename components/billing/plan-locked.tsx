// What a page shows in place of a feature the workspace's plan does not include: what it is,
// which plans unlock it, and the way to upgrade (or whom to ask).
import type { Role } from "@prisma/client";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { effectivePlan, FEATURES, PLANS, plansWith, type BillingState, type Feature } from "@/lib/billing/plans";
import { can } from "@/lib/workspaces/permissions";

const PITCH: Record<Feature, string> = {
  campaigns: "Tag creators' links with campaigns, set KPIs and targets, and compare creators side by side on what their audiences did.",
  api: "Create links for hundreds of creators from your own scripts, and read their analytics.",
  conversions: "Follow clicks through to sign-ups and purchases, with revenue, CPA and ROAS per creator.",
  creatorPages: "Give each creator a private page with their own results.",
};

/** Whether a feature's name is a plural subject ("… come with", not "… comes with"). */
const PLURAL_NAME: Record<Feature, boolean> = { campaigns: true, api: true, conversions: false, creatorPages: true };

type Props = { feature: Feature; workspace: BillingState & { slug: string }; role: Role };

/** A whole page given over to the lock, under the page's own title. */
export function PlanLockedPage({ title, ...props }: Props & { title: string }) {
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{title}</h1>
      <PlanLocked {...props} />
    </div>
  );
}

export function PlanLocked({ feature, workspace, role }: Props) {
  const current = PLANS[effectivePlan(workspace)];
  const unlocking = plansWith(feature).map((plan) => plan.name);
  return (
    <section className="rounded-xl bg-white px-6 py-10 text-center shadow-sm ring-1 ring-gray-200" data-testid="plan-locked" data-feature={feature}>
      <span className="inline-flex items-center gap-1.5 rounded-full bg-amber-50 px-3 py-1 text-xs font-semibold text-amber-800 ring-1 ring-amber-200">
        <LockIcon /> {unlocking.join(" and ")} plans
      </span>
      <h2 className="mt-4 text-lg font-semibold text-gray-900">{FEATURES[feature]} {PLURAL_NAME[feature] ? "come with" : "comes with"} the {unlocking.join(" and ")} {unlocking.length > 1 ? "plans" : "plan"}</h2>
      <p className="mx-auto mt-2 max-w-lg text-sm text-gray-600">{PITCH[feature]}</p>
      <p className="mx-auto mt-2 max-w-lg text-sm text-gray-500">
        This workspace is on the {current.name} plan.{" "}
        {workspace.billingStatus ? "Nothing made with it while on a paid plan is lost: upgrading opens it again." : "Upgrading turns it on at once."}
      </p>
      <div className="mt-6">
        {can(role, "billing.manage") ? (
          <Link href={`/w/${workspace.slug}/settings/billing`} className={buttonClass("primary")}>
            See plans and upgrade
          </Link>
        ) : (
          <p className="text-sm font-medium text-gray-700">Ask the workspace owner to upgrade.</p>
        )}
      </div>
    </section>
  );
}

export function LockIcon({ className = "h-3.5 w-3.5" }: { className?: string }) {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className={className}>
      <path fillRule="evenodd" d="M10 1a4.5 4.5 0 0 0-4.5 4.5V9H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-.5V5.5A4.5 4.5 0 0 0 10 1Zm3 8V5.5a3 3 0 1 0-6 0V9h6Z" clipRule="evenodd" />
    </svg>
  );
}
