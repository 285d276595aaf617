// GET /w/:workspace/settings/export — everything the workspace owns as one ZIP (the owner only:
// it holds every member's e-mail address, the billing references and all the data at once)
import { jsonError } from "@/lib/api/error-response";
import { getMemberWorkspaceForRoute } from "@/lib/auth/page-guard";
import { AppError } from "@/lib/errors";
import { exportFilename, exportWorkspace } from "@/lib/workspaces/export";
import { can } from "@/lib/workspaces/permissions";

export async function GET(_request: Request, { params }: { params: Promise<{ workspace: string }> }): Promise<Response> {
  const { workspace: slug } = await params;
  // signed out and not a member look the same: a URL does not reveal that a workspace exists
  const membership = await getMemberWorkspaceForRoute(slug);
  if (!membership) return new Response("Not found", { status: 404 });
  // a member already knows the workspace exists: refused for the role like the API refuses (403)
  if (!can(membership.role, "workspace.export")) {
    return jsonError(new AppError("forbidden", `This needs the "workspace.export" permission, which a ${membership.role} does not have`));
  }
  const now = new Date();
  return new Response(exportWorkspace(membership.workspace.id, { now }), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${exportFilename(membership.workspace.slug, now)}"`,
      "Cache-Control": "no-store",
    },
  });
}
