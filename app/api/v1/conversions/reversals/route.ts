import { readJson, withWorkspace } from "@/lib/api/with-workspace";
import { reverseConversion, serializeConversion } from "@/lib/conversions/record";

// POST /api/v1/conversions/reversals — a refund or cancelled order:
// { conversionExternalId, externalId, value? (minor units; default: all that is left), reason? }.
// 201 when recorded, 200 when this reversal's externalId was recorded before.
export const POST = withWorkspace("conversions:write", async ({ request, workspace }) => {
  const { reversal, conversion, created } = await reverseConversion(workspace.id, await readJson(request));
  return Response.json(
    { id: reversal.id, externalId: reversal.externalId, value: reversal.valueMinor, full: reversal.full, reason: reversal.reason, conversion: serializeConversion(conversion) },
    { status: created ? 201 : 200 },
  );
});
