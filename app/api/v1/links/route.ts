import { readJson, withWorkspace } from "@/lib/api/with-workspace";
import { createLink } from "@/lib/links/create-link";
import { listLinks } from "@/lib/links/queries";
import { serializeLink } from "@/lib/links/serialize";
import { linkHostsForRequest } from "@/lib/links/request-hosts";

// GET /api/v1/links — the workspace's links with click counts (?archived=true for archived ones)
export const GET = withWorkspace("links:read", async ({ request, workspace }) => {
  const archived = new URL(request.url).searchParams.get("archived") === "true";
  const hosts = linkHostsForRequest(request);
  const links = await listLinks(workspace.id, { archived });
  return Response.json({ data: links.map((link) => serializeLink(link, hosts, link)) });
});

// POST /api/v1/links — create one link: { "url", "slug"?, "creatorId"? }
export const POST = withWorkspace("links:write", async ({ request, workspace, principal }) => {
  const hosts = linkHostsForRequest(request);
  const link = await createLink(
    { workspaceId: workspace.id, userId: principal.userId ?? undefined, hosts },
    await readJson(request),
  );
  return Response.json(serializeLink(link, hosts), { status: 201 });
});
