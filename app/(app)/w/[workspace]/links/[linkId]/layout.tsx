import { notFound } from "next/navigation";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { linkExists } from "@/lib/links/queries";

/**
 * The link is looked up here, above the page's loading boundary (loading.tsx beside this file), so
 * an unknown or another workspace's link answers a real 404 rather than a streamed 200.
 */
export default async function LinkLayout({ params, children }: { params: Promise<{ workspace: string; linkId: string }>; children: React.ReactNode }) {
  const { workspace: slug, linkId } = await params;
  const { workspace } = await requireWorkspaceMember(slug);
  if (!(await linkExists(workspace.id, linkId))) notFound();
  return children;
}
