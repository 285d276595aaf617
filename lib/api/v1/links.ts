// /api/v1/links: create (one or a thousand at once), list, read, change, archive; QR codes.
import "server-only";
import { z } from "zod";
import { bulkEnvelope, bulkErrorOf } from "@/lib/api/bulk";
import { defineOperation, json } from "@/lib/api/define";
import { errorResponseSchema, idParam, pageSchema } from "@/lib/api/schemas";
import { notFound } from "@/lib/errors";
import { BULK_MAX, createLink, createLinks } from "@/lib/links/create-link";
import { getLink, linkCounts, listLinksPage, listLinksQuerySchema, NO_CLICKS } from "@/lib/links/queries";
import { linkHostsForRequest } from "@/lib/links/request-hosts";
import { createLinkSchema, patchLinkSchema } from "@/lib/links/schema";
import { linkResponseSchema, serializeLink } from "@/lib/links/serialize";
import { setLinkArchived, updateLink } from "@/lib/links/update-link";
import { linkQrQuerySchema, linkQrResponse } from "@/lib/qr/link-qr";

const TAG = "Links";
const linkIdParam = idParam("linkId", "link");
type LinkParams = { linkId: string };

export const listLinksOperation = defineOperation({
  method: "get",
  path: "/links",
  operationId: "listLinks",
  summary: "List links",
  description: "Newest first, with human clicks and filtered (bot/preview) hits. Filter by campaign, creator or tag; archived links with `archived=true`.",
  tag: TAG,
  scope: "links:read",
  query: listLinksQuerySchema,
  responses: { 200: { description: "A page of links", schema: pageSchema(linkResponseSchema) } },
  handle: async ({ request, workspace, query }) => {
    const hosts = linkHostsForRequest(request);
    const { links, nextCursor } = await listLinksPage(workspace.id, query);
    return json(pageSchema(linkResponseSchema), { data: links.map((link) => serializeLink(link, hosts, link)), nextCursor });
  },
});

export const createLinkOperation = defineOperation({
  method: "post",
  path: "/links",
  operationId: "createLink",
  summary: "Create a link",
  description: "Without `slug`, a random one is chosen. `creatorId` and `campaignId` must be this workspace's.",
  tag: TAG,
  scope: "links:write",
  body: createLinkSchema,
  responses: {
    201: { description: "Created", schema: linkResponseSchema },
    409: { description: "The slug is taken on this domain", schema: errorResponseSchema },
  },
  handle: async ({ request, workspace, principal, body }) => {
    const hosts = linkHostsForRequest(request);
    const link = await createLink({ workspaceId: workspace.id, userId: principal.userId ?? undefined, hosts }, body);
    return json(linkResponseSchema, serializeLink(link, hosts, NO_CLICKS), { status: 201 });
  },
});

const bulkResultSchema = z
  .discriminatedUnion("ok", [
    z.object({ index: z.number().int(), ok: z.literal(true), link: linkResponseSchema }),
    z.object({ index: z.number().int(), ok: z.literal(false), error: errorResponseSchema.shape.error }),
  ])
  .meta({ id: "BulkLinkResult" });

const bulkResponseSchema = z
  .object({
    created: z.number().int(),
    failed: z.number().int(),
    results: z.array(bulkResultSchema).meta({ description: "one per item, in the order sent" }),
  })
  .meta({ id: "BulkLinkResponse" });

export const bulkLinksOperation = defineOperation({
  method: "post",
  path: "/links/bulk",
  operationId: "createLinksInBulk",
  summary: "Create up to 1,000 links in one call",
  description:
    "Each item is a link as for `POST /links`, validated and created on its own: a bad item is reported in its result " +
    "(with the field paths of its own body) and never blocks the good ones. Items are created whole or not at all. " +
    "A slug asked for twice in one call is refused the second time. Items beyond the plan's monthly links are refused with `limit_reached`.",
  tag: TAG,
  scope: "links:write",
  body: z.object({ items: z.array(createLinkSchema).min(1, "Send at least one item").max(BULK_MAX, `At most ${BULK_MAX.toLocaleString("en-US")} items per call`) }),
  parseBody: "envelope",
  maxBodyBytes: 4 * 1_048_576, // 1,000 items with long destinations
  responses: { 200: { description: "One result per item", schema: bulkResponseSchema } },
  handle: async ({ request, workspace, principal, rawBody }) => {
    const items = bulkEnvelope(rawBody, BULK_MAX, "links");
    const hosts = linkHostsForRequest(request);
    const outcomes = await createLinks({ workspaceId: workspace.id, userId: principal.userId ?? undefined, hosts }, items, { refuseUnknownFields: true });
    const results = outcomes.map((outcome, index) =>
      outcome.ok
        ? { index, ok: true as const, link: serializeLink(outcome.link, hosts, NO_CLICKS) }
        : { index, ok: false as const, error: bulkErrorOf(outcome.error) },
    );
    const created = results.filter((r) => r.ok).length;
    return json(bulkResponseSchema, { created, failed: results.length - created, results });
  },
});

export const getLinkOperation = defineOperation<undefined, undefined, LinkParams>({
  method: "get",
  path: "/links/{linkId}",
  operationId: "getLink",
  summary: "Read a link",
  tag: TAG,
  scope: "links:read",
  pathParams: linkIdParam,
  responses: { 200: { description: "The link", schema: linkResponseSchema } },
  handle: async ({ request, workspace, params }) => {
    const link = await getLink(workspace.id, params.linkId);
    if (!link) throw notFound("Link not found");
    return json(linkResponseSchema, serializeLink(link, linkHostsForRequest(request), await linkCounts(workspace.id, link.id)));
  },
});

export const updateLinkOperation = defineOperation<undefined, typeof patchLinkSchema, LinkParams>({
  method: "patch",
  path: "/links/{linkId}",
  operationId: "updateLink",
  summary: "Change a link",
  description: "Any of: the destination `url`, `tags` (replaced as a set), `creatorId`, `campaignId`, `platform`, `postedAt`, and the post's `reach`, `impressions`, `engagementRate`. Omitted fields stay; `null` clears.",
  tag: TAG,
  scope: "links:write",
  pathParams: linkIdParam,
  body: patchLinkSchema,
  responses: { 200: { description: "The changed link", schema: linkResponseSchema } },
  handle: async ({ request, workspace, params, rawBody }) => {
    const hosts = linkHostsForRequest(request);
    const link = await updateLink(workspace.id, params.linkId, hosts, rawBody);
    return json(linkResponseSchema, serializeLink(link, hosts, await linkCounts(workspace.id, link.id)));
  },
});

export const archiveLinkOperation = defineOperation<undefined, undefined, LinkParams>({
  method: "delete",
  path: "/links/{linkId}",
  operationId: "archiveLink",
  summary: "Archive a link",
  description: "It stops redirecting; its clicks are kept.",
  tag: TAG,
  scope: "links:write",
  pathParams: linkIdParam,
  responses: { 200: { description: "The archived link", schema: linkResponseSchema } },
  handle: async ({ request, workspace, params }) => {
    const link = await setLinkArchived(workspace.id, params.linkId, true);
    return json(linkResponseSchema, serializeLink(link, linkHostsForRequest(request), await linkCounts(workspace.id, link.id)));
  },
});

export const linkQrOperation = defineOperation<typeof linkQrQuerySchema, undefined, LinkParams>({
  method: "get",
  path: "/links/{linkId}/qr",
  operationId: "getLinkQr",
  summary: "A link's QR code",
  description:
    "SVG (default) or PNG. The code encodes the short URL with `?qr=1`, so its visits are counted as QR scans, apart from clicks. " +
    "Without `color` it takes the workspace's brand colour; a colour too light to scan on the background (contrast under 3:1, or lighter than it) is refused with 422.",
  tag: TAG,
  scope: "links:read",
  pathParams: linkIdParam,
  query: linkQrQuerySchema,
  responses: { 200: { description: "The QR code (image/png with format=png)", contentType: "image/svg+xml", alsoAs: ["image/png"] } },
  handle: async ({ request, workspace, params, query }) => linkQrResponse(workspace.id, params.linkId, linkHostsForRequest(request), query),
});

export const LINK_OPERATIONS = [listLinksOperation, createLinkOperation, bulkLinksOperation, getLinkOperation, linkQrOperation, updateLinkOperation, archiveLinkOperation];
