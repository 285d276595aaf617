// The one permission matrix: which role may do what. Guards read it; the UI asks the same
// questions to hide what a role cannot do (the server refuses it anyway).
import type { Role } from "@prisma/client";

export const ACTIONS = [
  "workspace.read",
  "links.write",
  "creators.write",
  "campaigns.write",
  "members.manage",
  "apiKeys.manage",
  "settings.manage",
  "billing.manage",
] as const;
export type Action = (typeof ACTIONS)[number];

const MATRIX: Record<Role, ReadonlySet<Action>> = {
  owner: new Set(ACTIONS),
  admin: new Set(["workspace.read", "links.write", "creators.write", "campaigns.write", "members.manage", "apiKeys.manage", "settings.manage"]),
  member: new Set(["workspace.read", "links.write", "creators.write", "campaigns.write"]),
  viewer: new Set(["workspace.read"]),
};

export function can(role: Role, action: Action): boolean {
  return MATRIX[role].has(action);
}

export const canWriteLinks = (role: Role) => can(role, "links.write");
export const canManageApiKeys = (role: Role) => can(role, "apiKeys.manage");
export const canWriteCampaigns = (role: Role) => can(role, "campaigns.write");
