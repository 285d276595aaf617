// GET /api/v1/analytics: lib/api/v1/analytics.ts
import { route } from "@/lib/api/define";
import { analyticsOperation } from "@/lib/api/v1/analytics";

export const GET = route(analyticsOperation);
