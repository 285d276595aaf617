import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { Logo } from "@/components/ui/logo";
import { WorkspaceNav } from "@/components/workspaces/workspace-nav";
import { WorkspaceSwitcher } from "@/components/workspaces/workspace-switcher";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { effectivePlan, graceEndsAt, planIncludes, PLANS } from "@/lib/billing/plans";
import { formatDate } from "@/lib/format";
import { can } from "@/lib/workspaces/permissions";
import { listWorkspacesForUser } from "@/lib/workspaces/queries";

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { workspace, user, role } = await requireWorkspaceMember(slug);
  const workspaces = (await listWorkspacesForUser(user.id)).map((m) => m.workspace);
  const plan = PLANS[effectivePlan(workspace)];
  const graceEnd = graceEndsAt(workspace);
  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-4 px-6 py-3">
          <Logo href={`/w/${workspace.slug}`} />
          <span className="text-gray-300">/</span>
          <WorkspaceSwitcher current={workspace} workspaces={workspaces} />
          <Link href={`/w/${workspace.slug}/settings/billing`} className="rounded-full bg-gray-100 px-2 py-0.5 text-xs font-medium text-gray-600 hover:bg-gray-200" data-testid="plan-badge">
            {plan.name} plan
          </Link>
          <div className="ml-auto flex items-center gap-3">
            <Link href="/account" className="hidden text-sm text-gray-500 hover:text-gray-900 sm:inline" title={`Your account (role here: ${role})`} data-testid="account-link">
              {user.email}
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="text-sm font-medium text-gray-600 hover:text-gray-900">
                Sign out
              </button>
            </form>
          </div>
        </div>
        <div className="mx-auto max-w-6xl px-6 pb-2">
          <WorkspaceNav slug={workspace.slug} locked={planIncludes(workspace, "campaigns") ? [] : ["campaigns", "compare"]} />
        </div>
      </header>
      {graceEnd ? (
        <div className="border-b border-red-200 bg-red-50" role="alert" data-testid="past-due-banner">
          <p className="mx-auto max-w-6xl px-6 py-2.5 text-sm text-red-800">
            <span className="font-semibold">Payment past due.</span>{" "}
            {graceEnd > new Date()
              ? `Stripe could not charge the card for ${workspace.name}. Update it before ${formatDate(graceEnd)}, when Free limits apply.`
              : `The grace period ended on ${formatDate(graceEnd)}: Free limits apply until the invoice is paid. Nothing has been deleted, and links keep redirecting.`}{" "}
            {can(role, "billing.manage") ? (
              <Link href={`/w/${workspace.slug}/settings/billing`} className="font-medium underline">
                Fix billing
              </Link>
            ) : (
              "Ask the workspace owner to update the payment method."
            )}
          </p>
        </div>
      ) : null}
      <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
    </div>
  );
}
