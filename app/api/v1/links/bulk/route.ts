// POST /api/v1/links/bulk: lib/api/v1/links.ts
import { route } from "@/lib/api/define";
import { bulkLinksOperation } from "@/lib/api/v1/links";

export const POST = route(bulkLinksOperation);
