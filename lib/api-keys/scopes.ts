// What an API key may do, as scopes developers recognise (links:write, analytics:read). Each scope
// stands for one permission of the role matrix (lib/workspaces/permissions.ts), so a key can never
// do more than its creator's role: it needs the scope *and* the role's permission, on every call.
import type { Role } from "@prisma/client";
import { atMost, can, type Action } from "@/lib/workspaces/permissions";

export const SCOPES = {
  "links:read": { action: "workspace.read", label: "Read links" },
  "links:write": { action: "links.write", label: "Create, change and archive links" },
  "creators:read": { action: "workspace.read", label: "Read creators" },
  "creators:write": { action: "creators.write", label: "Create, change and archive creators" },
  "campaigns:read": { action: "workspace.read", label: "Read campaigns" },
  "campaigns:write": { action: "campaigns.write", label: "Create and change campaigns, generate their links" },
  "analytics:read": { action: "workspace.read", label: "Read analytics and exports" },
  "conversions:read": { action: "workspace.read", label: "Read conversions" },
  "conversions:write": { action: "conversions.write", label: "Report conversions and refunds" },
} as const satisfies Record<string, { action: Action; label: string }>;

export type Scope = keyof typeof SCOPES;
export const SCOPE_NAMES = Object.keys(SCOPES) as Scope[];

export const isScope = (value: string): value is Scope => Object.hasOwn(SCOPES, value);

/** The most an API key can be: its creator's current role, capped at member (keys never manage people, keys or billing). */
export const keyRole = (creatorRole: Role): Role => atMost(creatorRole, "member");

/** The scopes a key made by someone with this role may carry. */
export const grantableScopes = (creatorRole: Role): Scope[] => SCOPE_NAMES.filter((scope) => can(keyRole(creatorRole), SCOPES[scope].action));
