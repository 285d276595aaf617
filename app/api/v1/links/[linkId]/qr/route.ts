// GET /api/v1/links/:linkId/qr — the link's QR code: lib/api/v1/links.ts
import { route } from "@/lib/api/define";
import { linkQrOperation } from "@/lib/api/v1/links";

export const GET = route(linkQrOperation);
