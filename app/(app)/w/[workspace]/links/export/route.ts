// GET /w/:workspace/links/export?view=&sort=&dir= — the links table as CSV (members only)
import { withMemberRoute } from "@/lib/api/with-workspace";
import { csvResponse } from "@/lib/csv";
import { listLinks } from "@/lib/links/queries";
import { linkHostsForRequest } from "@/lib/links/request-hosts";
import { linksCsv, parseLinkSort, sortLinks } from "@/lib/links/table";

export const GET = withMemberRoute<{ workspace: string }>({}, async ({ request, membership }) => {
  const url = new URL(request.url);
  const archived = url.searchParams.get("view") === "archived";
  const { sort, dir } = parseLinkSort(url.searchParams.get("sort"), url.searchParams.get("dir"));
  const links = sortLinks(await listLinks(membership.workspace.id, { archived }), sort, dir);
  return csvResponse(linksCsv(links, linkHostsForRequest(request)), `${membership.workspace.slug}-links${archived ? "-archived" : ""}.csv`);
});
