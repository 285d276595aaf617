// GET /w/<workspace>/creators/export — the roster as CSV, for a signed-in member (same ?q, ?sort
// and ?view as the page, so the file is the table on screen).
import { withMemberRoute } from "@/lib/api/with-workspace";
import { csvResponse } from "@/lib/csv";
import { exportCreatorsCsv } from "@/lib/creators/export-creators";
import { rosterOptions } from "@/lib/creators/roster-options";

export const GET = withMemberRoute<{ workspace: string }>({}, async ({ request, membership }) => {
  const search = new URL(request.url).searchParams;
  const options = rosterOptions({ q: search.get("q") ?? undefined, sort: search.get("sort") ?? undefined, view: search.get("view") ?? undefined });
  const csv = await exportCreatorsCsv(membership.workspace.id, options);
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(csv, `${membership.workspace.slug}-creators${options.archived ? "-archived" : ""}-${day}.csv`);
});
