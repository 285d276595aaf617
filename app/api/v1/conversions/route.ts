import { readJson, withWorkspace } from "@/lib/api/with-workspace";
import { listConversionsPage, recordConversion, serializeConversion } from "@/lib/conversions/record";

// GET /api/v1/conversions — newest first: ?campaignId=&creatorId=&attribution=click|promo_code|none
// &limit=1..100 (50)&cursor=<nextCursor of the previous page>. → { data: [...], nextCursor }
export const GET = withWorkspace("conversions:read", async ({ request, workspace }) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  delete query.workspace; // names the workspace for signed-in callers; not a filter
  return Response.json(await listConversionsPage(workspace.id, query));
});

// POST /api/v1/conversions — report a conversion from your server:
// { clickId?, promoCode?, event, value? (minor units), currency?, externalId, occurredAt? }.
// 201 when recorded, 200 with the original when this externalId was recorded before.
export const POST = withWorkspace("conversions:write", async ({ request, workspace }) => {
  const { conversion, created } = await recordConversion(workspace.id, await readJson(request), "api");
  return Response.json(serializeConversion(conversion), { status: created ? 201 : 200 });
});
