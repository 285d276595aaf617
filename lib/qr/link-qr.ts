// A link's QR code as both QR routes answer it: the session route the link page previews and
// downloads from (/w/<workspace>/links/<id>/qr) and GET /api/v1/links/{linkId}/qr. The code
// encodes the short URL with the scan marker, so the redirect counts its visits as QR scans.
import "server-only";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { getLink } from "@/lib/links/queries";
import { scanUrl, shortUrl, type ShortLinkHosts } from "@/lib/urls/short-url";
import { qrOptionsSchema, renderQr, withBrandColor, type RenderedQr } from "@/lib/qr/render";

/** The QR routes' query parameters: the code's options, and whether to answer as a download. */
export const linkQrQuerySchema = qrOptionsSchema.safeExtend({
  download: z
    .enum(["1", "true", "0", "false"], { error: "download is 1 or 0" })
    .optional()
    .transform((value) => value === "1" || value === "true")
    .meta({ description: "1: answer as an attachment named <slug>-qr.<svg|png>" }),
});

export type LinkQrQuery = z.output<typeof linkQrQuerySchema>;

// Scoped by the workspace the guard resolved, like every tenant read.
async function getBrandColor(workspaceId: string): Promise<string | null> {
  const workspace = await getDb().workspace.findUnique({ where: { id: workspaceId }, select: { brandColor: true } });
  return workspace?.brandColor ?? null;
}

/** The workspace's link's QR code as a response; not_found for a link that is not this workspace's. */
export async function linkQrResponse(workspaceId: string, linkId: string, hosts: ShortLinkHosts, query: LinkQrQuery): Promise<Response> {
  const [link, brandColor] = await Promise.all([getLink(workspaceId, linkId), getBrandColor(workspaceId)]);
  if (!link) throw notFound("Link not found");
  const qr = await renderQr(scanUrl(shortUrl(hosts, link)), withBrandColor(query, brandColor));
  return qrResponse(qr, query.download ? `${link.slug}-qr.${qr.extension}` : null);
}

function qrResponse(qr: RenderedQr, attachment: string | null): Response {
  const headers = new Headers({
    "Content-Type": qr.contentType,
    // the same link and options give the same image for a while; private: it names a workspace's link
    "Cache-Control": "private, max-age=300",
    "X-Content-Type-Options": "nosniff",
  });
  // Opened on its own, an SVG is a document of our origin. Ours holds no script; the policy keeps
  // it that way should a renderer ever let one through.
  if (qr.contentType === "image/svg+xml") headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
  if (attachment) headers.set("Content-Disposition", `attachment; filename="${attachment.replace(/[^\w.-]+/g, "-")}"`);
  return new Response(typeof qr.body === "string" ? qr.body : new Uint8Array(qr.body), { headers });
}
