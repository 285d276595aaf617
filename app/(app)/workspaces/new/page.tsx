import Link from "next/link";
import { CreateWorkspaceForm } from "@/components/workspaces/create-workspace-form";
import { Logo } from "@/components/ui/logo";
import { requireUser } from "@/lib/auth/page-guard";
import { listWorkspacesForUser } from "@/lib/workspaces/queries";

export const metadata = { title: "Create a workspace" };

export default async function NewWorkspacePage() {
  const user = await requireUser();
  const existing = await listWorkspacesForUser(user.id);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-6 py-12">
      <Logo />
      <div className="mt-8 w-full max-w-md rounded-xl bg-white p-8 shadow-sm ring-1 ring-gray-200">
        <h1 className="text-xl font-semibold text-gray-900">{existing.length ? "Create another workspace" : "Create your workspace"}</h1>
        <p className="mt-1 text-sm text-gray-500">
          A workspace holds your creators, links and analytics. Its address is made from the name.
        </p>
        <div className="mt-6">
          <CreateWorkspaceForm />
        </div>
        {existing[0] ? (
          <p className="mt-6 text-center text-sm">
            <Link href={`/w/${existing[0].workspace.slug}`} className="text-indigo-600 hover:text-indigo-500">
              ← Back to {existing[0].workspace.name}
            </Link>
          </p>
        ) : null}
      </div>
    </main>
  );
}
