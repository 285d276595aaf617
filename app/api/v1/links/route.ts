// GET /api/v1/links (list) and POST /api/v1/links (create): lib/api/v1/links.ts
import { route } from "@/lib/api/define";
import { createLinkOperation, listLinksOperation } from "@/lib/api/v1/links";

export const GET = route(listLinksOperation);
export const POST = route(createLinkOperation);
