import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/page-guard";
import { listWorkspacesForUser } from "@/lib/workspaces/queries";

// Where sign-in lands: the user's first workspace, or creating one.
export default async function WorkspacesPage() {
  const user = await requireUser();
  const memberships = await listWorkspacesForUser(user.id);
  redirect(memberships[0] ? `/w/${memberships[0].workspace.slug}` : "/workspaces/new");
}
