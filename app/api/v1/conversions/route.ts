// GET / POST /api/v1/conversions: lib/api/v1/conversions.ts
import { route } from "@/lib/api/define";
import { createConversionOperation, listConversionsOperation } from "@/lib/api/v1/conversions";

export const GET = route(listConversionsOperation);
export const POST = route(createConversionOperation);
