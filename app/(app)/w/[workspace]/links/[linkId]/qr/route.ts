// GET /w/:workspace/links/:linkId/qr?format=&size=&margin=&color=&background=&download=1 — the
// link's QR code for the link page's preview and downloads (any member, viewers included). Bad
// options (422 with field paths) and another workspace's link (404) answer as the API's do, so
// the page's preview can show the same message.
import { withMemberRoute } from "@/lib/api/with-workspace";
import { linkHostsForRequest } from "@/lib/links/request-hosts";
import { linkQrQuerySchema, linkQrResponse } from "@/lib/qr/link-qr";
import { parseInput } from "@/lib/validation";

export const GET = withMemberRoute<{ workspace: string; linkId: string }>({}, async ({ request, membership, params }) => {
  const query = parseInput(linkQrQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return linkQrResponse(membership.workspace.id, params.linkId, linkHostsForRequest(request), query);
});
