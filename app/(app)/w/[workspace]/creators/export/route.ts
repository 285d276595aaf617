// GET /w/<workspace>/creators/export — the roster as CSV, for a signed-in member (same ?q, ?sort
// and ?view as the page, so the file is the table on screen).
import { csvResponse } from "@/lib/csv";
import { getMemberWorkspaceForRoute } from "@/lib/auth/page-guard";
import { exportCreatorsCsv } from "@/lib/creators/export-creators";
import { rosterOptions } from "@/lib/creators/roster-options";

export async function GET(request: Request, { params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  // Signed out, not a member and no such workspace all answer 404: a URL does not reveal that a
  // workspace exists (route handlers cannot use the pages' notFound()).
  const membership = await getMemberWorkspaceForRoute(slug);
  if (!membership) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

  const search = new URL(request.url).searchParams;
  const options = rosterOptions({ q: search.get("q") ?? undefined, sort: search.get("sort") ?? undefined, view: search.get("view") ?? undefined });
  const csv = await exportCreatorsCsv(membership.workspace.id, options);
  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(csv, `${membership.workspace.slug}-creators${options.archived ? "-archived" : ""}-${day}.csv`);
}
