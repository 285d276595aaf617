import { z } from "zod";

export const createWorkspaceSchema = z.object({
  name: z.string({ error: "Name is required" }).trim().min(2, "Name needs at least 2 characters").max(60, "Name can be at most 60 characters"),
});
