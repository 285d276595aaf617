import { readJson, withWorkspace } from "@/lib/api/with-workspace";
import { recordConversion, serializeConversion } from "@/lib/conversions/record";

// POST /api/v1/conversions — report a conversion from your server:
// { clickId?, promoCode?, event, value? (minor units), currency?, externalId, occurredAt? }.
// 201 when recorded, 200 with the original when this externalId was recorded before.
export const POST = withWorkspace("conversions.write", async ({ request, workspace }) => {
  const { conversion, created } = await recordConversion(workspace.id, await readJson(request), "api");
  return Response.json(serializeConversion(conversion), { status: created ? 201 : 200 });
});
