import { signOutAction } from "@/app/(auth)/actions";
import { Logo } from "@/components/ui/logo";
import { WorkspaceNav } from "@/components/workspaces/workspace-nav";
import { WorkspaceSwitcher } from "@/components/workspaces/workspace-switcher";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { listWorkspacesForUser } from "@/lib/workspaces/queries";

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { workspace, user, role } = await requireWorkspaceMember(slug);
  const workspaces = (await listWorkspacesForUser(user.id)).map((m) => m.workspace);
  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center gap-4 px-6 py-3">
          <Logo href={`/w/${workspace.slug}`} />
          <span className="text-gray-300">/</span>
          <WorkspaceSwitcher current={workspace} workspaces={workspaces} />
          <span className="rounded-full bg-gray-100 px-2 py-0.5 text-xs font-medium capitalize text-gray-600">{workspace.plan} plan</span>
          <div className="ml-auto flex items-center gap-3">
            <span className="hidden text-sm text-gray-500 sm:inline" title={`Your role: ${role}`}>
              {user.email}
            </span>
            <form action={signOutAction}>
              <button type="submit" className="text-sm font-medium text-gray-600 hover:text-gray-900">
                Sign out
              </button>
            </form>
          </div>
        </div>
        <div className="mx-auto max-w-6xl px-6 pb-2">
          <WorkspaceNav slug={workspace.slug} />
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-6 py-8">{children}</main>
    </div>
  );
}
