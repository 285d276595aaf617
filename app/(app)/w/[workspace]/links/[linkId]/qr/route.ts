// GET /w/:workspace/links/:linkId/qr?format=&size=&margin=&color=&background=&download=1 — the
// link's QR code for the link page's preview and downloads (any member, viewers included)
import { errorResponse } from "@/lib/api/error-response";
import { getMemberWorkspaceForRoute } from "@/lib/auth/page-guard";
import { linkHostsForRequest } from "@/lib/links/request-hosts";
import { linkQrQuerySchema, linkQrResponse } from "@/lib/qr/link-qr";
import { parseInput } from "@/lib/validation";

export async function GET(request: Request, { params }: { params: Promise<{ workspace: string; linkId: string }> }): Promise<Response> {
  const { workspace: slug, linkId } = await params;
  // signed out and not a member look the same: a URL does not reveal that a workspace exists
  const membership = await getMemberWorkspaceForRoute(slug);
  if (!membership) return new Response("Not found", { status: 404 });
  const answer = async () => {
    const query = parseInput(linkQrQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
    return linkQrResponse(membership.workspace.id, linkId, linkHostsForRequest(request), query);
  };
  // bad options (422 with field paths) and another workspace's link (404) are mapped where the
  // API's are, so the page's preview can show the same message
  return answer().catch(errorResponse);
}
