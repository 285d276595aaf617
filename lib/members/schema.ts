import { z } from "zod";
import { emailSchema } from "@/lib/auth/schema";
import { ROLES } from "@/lib/workspaces/permissions";

const roleSchema = z.enum(ROLES, { error: "Choose a role: owner, admin, member or viewer" });

export const inviteMemberSchema = z.object({
  email: emailSchema,
  role: roleSchema,
});

export const changeRoleSchema = z.object({ role: roleSchema });

export const memberRefSchema = z.object({ userId: z.string({ error: "Choose a member" }).trim().min(1, "Choose a member").max(64, "Choose a member") });
