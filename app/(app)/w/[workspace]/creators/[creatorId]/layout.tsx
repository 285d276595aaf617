import { notFound } from "next/navigation";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { creatorExists } from "@/lib/creators/queries";

/**
 * The creator is looked up here, above the page's loading boundary (loading.tsx beside this file),
 * so an unknown or another workspace's creator answers a real 404 rather than a streamed 200.
 */
export default async function CreatorLayout({ params, children }: { params: Promise<{ workspace: string; creatorId: string }>; children: React.ReactNode }) {
  const { workspace: slug, creatorId } = await params;
  const { workspace } = await requireWorkspaceMember(slug);
  if (!(await creatorExists(workspace.id, creatorId))) notFound();
  return children;
}
