// GET /w/:workspace/settings/export — everything the workspace owns as one ZIP (the owner only:
// it holds every member's e-mail address, the billing references and all the data at once)
import { withMemberRoute } from "@/lib/api/with-workspace";
import { exportFilename, exportWorkspace } from "@/lib/workspaces/export";

export const GET = withMemberRoute<{ workspace: string }>({ permission: "workspace.export" }, async ({ membership }) => {
  const now = new Date();
  return new Response(exportWorkspace(membership.workspace.id, { now }), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${exportFilename(membership.workspace.slug, now)}"`,
      "Cache-Control": "no-store",
    },
  });
});
