import { describe, expect, it } from "vitest";
import type { Role } from "@prisma/client";
import { ACTIONS, can, type Action } from "@/lib/workspaces/permissions";

// The whole matrix, as a table: a change to who may do what must change this test too.
const EXPECTED: Record<Role, readonly Action[]> = {
  owner: [...ACTIONS],
  admin: ["workspace.read", "links.write", "creators.write", "campaigns.write", "members.manage", "apiKeys.manage", "settings.manage"],
  member: ["workspace.read", "links.write", "creators.write", "campaigns.write"],
  viewer: ["workspace.read"],
};

describe("permission matrix", () => {
  for (const role of Object.keys(EXPECTED) as Role[]) {
    const allowed = EXPECTED[role];
    for (const action of ACTIONS) {
      it(`${role} ${allowed.includes(action) ? "may" : "may not"} ${action}`, () => {
        expect(can(role, action)).toBe(allowed.includes(action));
      });
    }
  }
});
