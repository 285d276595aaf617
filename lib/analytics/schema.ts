import { z } from "zod";

export const linkAnalyticsQuerySchema = z.object({
  linkId: z.string({ error: "linkId is required" }).trim().min(1, "linkId is required"),
});
