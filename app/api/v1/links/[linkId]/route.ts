// GET / PATCH / DELETE /api/v1/links/:linkId: lib/api/v1/links.ts
import { route } from "@/lib/api/define";
import { archiveLinkOperation, getLinkOperation, updateLinkOperation } from "@/lib/api/v1/links";

export const GET = route(getLinkOperation);
export const PATCH = route(updateLinkOperation);
export const DELETE = route(archiveLinkOperation);
