// /api/v1/creators: the roster — list, create, read, change, archive, and upsert up to 1,000 at once.
import "server-only";
import { z } from "zod";
import { defineOperation, json } from "@/lib/api/define";
import { bulkEnvelope, bulkErrorOf } from "@/lib/api/bulk";
import { errorResponseSchema, idParam, pageSchema } from "@/lib/api/schemas";
import { notFound } from "@/lib/errors";
import { getCreatorForApi, listCreatorsPage, listCreatorsQuerySchema } from "@/lib/creators/queries";
import { creatorInputSchema, patchCreatorSchema } from "@/lib/creators/schema";
import { creatorResponseSchema, serializeCreator } from "@/lib/creators/serialize";
import { setCreatorArchived } from "@/lib/creators/update-creator";
import { CREATOR_BULK_MAX, createCreatorChecked, patchCreator, upsertCreators } from "@/lib/creators/upsert-creators";

const TAG = "Creators";
const creatorIdParam = idParam("creatorId", "creator");
type CreatorParams = { creatorId: string };

export const listCreatorsOperation = defineOperation({
  method: "get",
  path: "/creators",
  operationId: "listCreators",
  summary: "List creators",
  description: "Newest first. Search by part of a name or handle (`q`) or by exact e-mail; archived creators with `archived=true`.",
  tag: TAG,
  scope: "creators:read",
  query: listCreatorsQuerySchema,
  responses: { 200: { description: "A page of creators", schema: pageSchema(creatorResponseSchema) } },
  handle: async ({ workspace, query }) => {
    const { creators, nextCursor } = await listCreatorsPage(workspace.id, query);
    return json(pageSchema(creatorResponseSchema), { data: creators.map(serializeCreator), nextCursor });
  },
});

export const createCreatorOperation = defineOperation({
  method: "post",
  path: "/creators",
  operationId: "createCreator",
  summary: "Add a creator",
  description: "A creator with at least one platform account (handle and follower count). To create or update by e-mail or handle, use `POST /creators/bulk`.",
  tag: TAG,
  scope: "creators:write",
  body: creatorInputSchema,
  errors: { 409: "A handle or the e-mail belongs to another creator (the bulk upsert would update them instead)" },
  responses: { 201: { description: "Added", schema: creatorResponseSchema } },
  handle: async ({ workspace, body }) => json(creatorResponseSchema, serializeCreator(await createCreatorChecked(workspace.id, body)), { status: 201 }),
});

const bulkCreatorResultSchema = z
  .discriminatedUnion("ok", [
    z.object({ index: z.number().int(), ok: z.literal(true), status: z.enum(["created", "updated"]), creator: creatorResponseSchema }),
    z.object({ index: z.number().int(), ok: z.literal(false), error: errorResponseSchema.shape.error }),
  ])
  .meta({ id: "BulkCreatorResult" });

const bulkCreatorResponseSchema = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    failed: z.number().int(),
    results: z.array(bulkCreatorResultSchema).meta({ description: "one per item, in the order sent" }),
  })
  .meta({ id: "BulkCreatorResponse" });

export const upsertCreatorsOperation = defineOperation({
  method: "post",
  path: "/creators/bulk",
  operationId: "upsertCreators",
  summary: "Create or update up to 1,000 creators by e-mail or handle",
  description:
    "Each item is a creator as for `POST /creators`. Its creator is the one with its `email` (case-insensitive); without an e-mail match, " +
    "the one holding one of its handles on that platform; otherwise a new one. A match takes the item's name, and its e-mail, niche and notes " +
    "where given; its platform accounts are added or updated (a changed follower count joins the history) and accounts not listed stay. " +
    "Archived creators are found too and stay archived. Each item is written whole or not at all, in order, and a bad item never blocks the others: " +
    "handles of two different creators in one item, or a handle another creator holds, are refused with `conflict`.",
  tag: TAG,
  scope: "creators:write",
  body: z.object({ items: z.array(creatorInputSchema).min(1, "Send at least one item").max(CREATOR_BULK_MAX, `At most ${CREATOR_BULK_MAX.toLocaleString("en-US")} items per call`) }),
  parseBody: "envelope",
  maxBodyBytes: 4 * 1_048_576,
  responses: { 200: { description: "One result per item", schema: bulkCreatorResponseSchema } },
  handle: async ({ workspace, rawBody }) => {
    const outcomes = await upsertCreators(workspace.id, bulkEnvelope(rawBody, CREATOR_BULK_MAX, "creators"), { refuseUnknownFields: true });
    const results = outcomes.map((outcome, index) =>
      outcome.ok
        ? { index, ok: true as const, status: outcome.status, creator: serializeCreator(outcome.creator) }
        : { index, ok: false as const, error: bulkErrorOf(outcome.error) },
    );
    const count = (status: "created" | "updated") => results.filter((r) => r.ok && r.status === status).length;
    return json(bulkCreatorResponseSchema, { created: count("created"), updated: count("updated"), failed: results.filter((r) => !r.ok).length, results });
  },
});

export const getCreatorOperation = defineOperation<undefined, undefined, CreatorParams>({
  method: "get",
  path: "/creators/{creatorId}",
  operationId: "getCreator",
  summary: "Read a creator",
  tag: TAG,
  scope: "creators:read",
  pathParams: creatorIdParam,
  responses: { 200: { description: "The creator", schema: creatorResponseSchema } },
  handle: async ({ workspace, params }) => {
    const creator = await getCreatorForApi(workspace.id, params.creatorId);
    if (!creator) throw notFound("Creator not found");
    return json(creatorResponseSchema, serializeCreator(creator));
  },
});

export const updateCreatorOperation = defineOperation<undefined, typeof patchCreatorSchema, CreatorParams>({
  method: "patch",
  path: "/creators/{creatorId}",
  operationId: "updateCreator",
  summary: "Change a creator",
  description:
    "Any of `name`, `email`, `niche`, `notes` (omitted fields stay; `null` clears), and `platforms`: accounts listed are added, or updated on that platform " +
    "(a changed follower count joins the history); accounts not listed stay.",
  tag: TAG,
  scope: "creators:write",
  pathParams: creatorIdParam,
  body: patchCreatorSchema,
  errors: { 409: "A listed handle or the e-mail belongs to another creator, or the creator changed at the same moment" },
  responses: { 200: { description: "The changed creator", schema: creatorResponseSchema } },
  handle: async ({ workspace, params, rawBody }) => json(creatorResponseSchema, serializeCreator(await patchCreator(workspace.id, params.creatorId, rawBody))),
});

export const archiveCreatorOperation = defineOperation<undefined, undefined, CreatorParams>({
  method: "delete",
  path: "/creators/{creatorId}",
  operationId: "archiveCreator",
  summary: "Archive a creator",
  description: "They leave the roster and pickers; their links keep redirecting and their clicks and history are kept.",
  tag: TAG,
  scope: "creators:write",
  pathParams: creatorIdParam,
  responses: { 200: { description: "The archived creator", schema: creatorResponseSchema } },
  handle: async ({ workspace, params }) => {
    await setCreatorArchived(workspace.id, params.creatorId, true);
    const creator = await getCreatorForApi(workspace.id, params.creatorId);
    if (!creator) throw notFound("Creator not found");
    return json(creatorResponseSchema, serializeCreator(creator));
  },
});

export const CREATOR_OPERATIONS = [listCreatorsOperation, createCreatorOperation, upsertCreatorsOperation, getCreatorOperation, updateCreatorOperation, archiveCreatorOperation];
