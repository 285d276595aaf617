import { z } from "zod";

export const createApiKeySchema = z.object({
  name: z.string({ error: "Name is required" }).trim().min(1, "Give the key a name, e.g. “Shopify checkout”").max(60, "Name can be at most 60 characters"),
});
