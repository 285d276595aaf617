import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { Logo } from "@/components/ui/logo";
import { MobileMenu } from "@/components/workspaces/mobile-menu";
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
  const locked: ("campaigns" | "compare")[] = planIncludes(workspace, "campaigns") ? [] : ["campaigns", "compare"];
  return (
    <div className="min-h-screen">
      <header className="relative border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-2 px-4 py-3 sm:gap-4 sm:px-6">
          <Logo href={`/w/${workspace.slug}`} compact />
          <span aria-hidden className="hidden text-gray-300 sm:inline">/</span>
          <WorkspaceSwitcher current={workspace} workspaces={workspaces} />
          <Link href={`/w/${workspace.slug}/settings/billing`} className="shrink-0 whitespace-nowrap rounded-full bg-gray-100 px-2 py-0.5 text-xs font-medium text-gray-700 hover:bg-gray-200" data-testid="plan-badge">
            {plan.name} plan
          </Link>
          <div className="ml-auto hidden items-center gap-3 sm:flex">
            <Link href="/account" className="hidden max-w-[16rem] truncate text-sm text-gray-600 hover:text-gray-900 md:inline" title={`Your account (role here: ${role})`} data-testid="account-link">
              {user.email}
            </Link>
            <Link href="/account" className="text-sm text-gray-600 hover:text-gray-900 md:hidden">
              Account
            </Link>
            <SignOutButton />
          </div>
          <div className="ml-auto sm:hidden">
            <MobileMenu>
              <WorkspaceNav slug={workspace.slug} locked={locked} vertical />
              <div className="mt-2 border-t border-gray-100 pt-2">
                <Link href="/account" className="block truncate rounded-md px-3 py-2.5 text-base text-gray-700 hover:bg-gray-100">
                  Your account <span className="text-sm text-gray-500">({role})</span>
                </Link>
                <SignOutButton className="w-full rounded-md px-3 py-2.5 text-left text-base font-medium text-gray-700 hover:bg-gray-100" />
              </div>
            </MobileMenu>
          </div>
        </div>
        <div className="mx-auto hidden max-w-6xl px-6 pb-2 sm:block">
          <WorkspaceNav slug={workspace.slug} locked={locked} />
        </div>
      </header>
      {graceEnd ? (
        <div className="border-b border-red-200 bg-red-50" role="alert" data-testid="past-due-banner">
          <p className="mx-auto max-w-6xl px-4 py-2.5 sm:px-6 text-sm text-red-800">
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
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-8">{children}</main>
    </div>
  );
}
