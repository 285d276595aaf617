import { readJson, withWorkspace } from "@/lib/api/with-workspace";
import { notFound } from "@/lib/errors";
import { getLink } from "@/lib/links/queries";
import { serializeLink } from "@/lib/links/serialize";
import { linkHostsForRequest } from "@/lib/links/request-hosts";
import { setLinkArchived, updateLinkDestination } from "@/lib/links/update-link";

type Params = { linkId: string };

// GET /api/v1/links/:linkId — one link
export const GET = withWorkspace<Params>("links:read", async ({ request, workspace, params }) => {
  const link = await getLink(workspace.id, params.linkId);
  if (!link) throw notFound("Link not found");
  return Response.json(serializeLink(link, linkHostsForRequest(request)));
});

// PATCH /api/v1/links/:linkId — change the destination: { "url" }
export const PATCH = withWorkspace<Params>("links:write", async ({ request, workspace, params }) => {
  const hosts = linkHostsForRequest(request);
  const link = await updateLinkDestination(workspace.id, params.linkId, hosts, await readJson(request));
  return Response.json(serializeLink(link, hosts));
});

// DELETE /api/v1/links/:linkId — archive the link (it stops redirecting; its clicks are kept)
export const DELETE = withWorkspace<Params>("links:write", async ({ request, workspace, params }) => {
  const link = await setLinkArchived(workspace.id, params.linkId, true);
  return Response.json(serializeLink(link, linkHostsForRequest(request)));
});
