// The one permission matrix: which role may do what. Every guard (pages, server actions, route
// handlers, API keys) reads it; the UI asks the same questions to hide what a role cannot do, and
// the server refuses it anyway. permissions.test.ts pins it as a table, role by action.
import type { Role } from "@prisma/client";

export const ROLES = ["owner", "admin", "member", "viewer"] as const satisfies readonly Role[];

export const ACTIONS = [
  "workspace.read",
  "links.write",
  "creators.write",
  "campaigns.write",
  "conversions.write",
  "creatorPages.manage",
  "members.manage",
  "apiKeys.manage",
  "settings.manage",
  "billing.manage",
  "workspace.export",
  "workspace.delete",
] as const;
export type Action = (typeof ACTIONS)[number];

/** What each action means, in the words the members page uses to explain the roles. */
export const ACTION_LABELS: Record<Action, string> = {
  "workspace.read": "See links, creators, campaigns and analytics; export CSV",
  "links.write": "Create, edit and archive links",
  "creators.write": "Add, import and edit creators",
  "campaigns.write": "Create campaigns, add creators and generate their links",
  "conversions.write": "Record conversions and promo codes",
  "creatorPages.manage": "Give creators their performance pages, rotate or revoke the links",
  "members.manage": "Invite people, change roles, remove members",
  "apiKeys.manage": "Create and revoke API keys",
  "settings.manage": "Change conversion tracking and workspace settings",
  "billing.manage": "Change the plan and payment details",
  "workspace.export": "Download all of the workspace's data at once",
  "workspace.delete": "Delete the workspace and everything in it",
};

export const ROLE_LABELS: Record<Role, { name: string; summary: string }> = {
  owner: { name: "Owner", summary: "Everything, including billing, ownership, the full export and deletion" },
  admin: { name: "Admin", summary: "Everything except billing; cannot change owners" },
  member: { name: "Member", summary: "Runs campaigns: links, creators, campaigns, conversions" },
  viewer: { name: "Viewer", summary: "Reads dashboards and exports; changes nothing" },
};

const EDITOR: readonly Action[] = ["workspace.read", "links.write", "creators.write", "campaigns.write", "conversions.write"];

const MATRIX: Record<Role, ReadonlySet<Action>> = {
  owner: new Set(ACTIONS),
  admin: new Set([...EDITOR, "creatorPages.manage", "members.manage", "apiKeys.manage", "settings.manage"]),
  member: new Set(EDITOR),
  viewer: new Set(["workspace.read"]),
};

export function can(role: Role, action: Action): boolean {
  return MATRIX[role].has(action);
}

/** Roles ordered from most to least powerful; `atMost(a, b)` is the weaker of the two. */
const RANK: Record<Role, number> = { owner: 3, admin: 2, member: 1, viewer: 0 };

export function atMost(role: Role, cap: Role): Role {
  return RANK[role] <= RANK[cap] ? role : cap;
}

export function outranks(role: Role, other: Role): boolean {
  return RANK[role] > RANK[other];
}

export const canWriteLinks = (role: Role) => can(role, "links.write");
export const canManageApiKeys = (role: Role) => can(role, "apiKeys.manage");
export const canWriteCampaigns = (role: Role) => can(role, "campaigns.write");
