import { z } from "zod";
import { SCOPE_NAMES } from "@/lib/api-keys/scopes";

export const createApiKeySchema = z.object({
  name: z.string({ error: "Name is required" }).trim().min(1, "Give the key a name, e.g. “Shopify checkout”").max(60, "Name can be at most 60 characters"),
  scopes: z
    .array(z.enum(SCOPE_NAMES, { error: `Each scope is one of ${SCOPE_NAMES.join(", ")}` }), { error: "Choose the key's scopes" })
    .min(1, "Choose at least one thing the key may do")
    .transform((scopes) => [...new Set(scopes)]),
});
