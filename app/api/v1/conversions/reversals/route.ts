// POST /api/v1/conversions/reversals: lib/api/v1/conversions.ts
import { route } from "@/lib/api/define";
import { createReversalOperation } from "@/lib/api/v1/conversions";

export const POST = route(createReversalOperation);
