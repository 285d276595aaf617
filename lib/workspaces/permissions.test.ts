import { describe, expect, it } from "vitest";
import type { Role } from "@prisma/client";
import { ACTIONS, atMost, can, outranks, ROLES, type Action } from "@/lib/workspaces/permissions";

// The whole matrix, written out as a table (not derived from the code under test): a change to
// who may do what must change this test too. ✓ allowed, · refused.
const TABLE = `
                      owner admin member viewer
workspace.read          ✓     ✓      ✓      ✓
links.write             ✓     ✓      ✓      ·
creators.write          ✓     ✓      ✓      ·
campaigns.write         ✓     ✓      ✓      ·
conversions.write       ✓     ✓      ✓      ·
creatorPages.manage     ✓     ✓      ·      ·
members.manage          ✓     ✓      ·      ·
apiKeys.manage          ✓     ✓      ·      ·
settings.manage         ✓     ✓      ·      ·
billing.manage          ✓     ·      ·      ·
workspace.export        ✓     ·      ·      ·
workspace.delete        ✓     ·      ·      ·
`;

function parseTable(): Map<string, boolean> {
  const [header, ...rows] = TABLE.trim().split("\n");
  const roles = header!.trim().split(/\s+/);
  const cells = new Map<string, boolean>();
  for (const row of rows) {
    const [action, ...marks] = row.trim().split(/\s+/);
    marks.forEach((mark, i) => cells.set(`${roles[i]} ${action}`, mark === "✓"));
  }
  return cells;
}

describe("permission matrix", () => {
  const table = parseTable();

  it("the table covers every role × every action, and nothing else", () => {
    expect(table.size).toBe(ROLES.length * ACTIONS.length);
    for (const role of ROLES) for (const action of ACTIONS) expect(table.has(`${role} ${action}`)).toBe(true);
  });

  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const allowed = table.get(`${role} ${action}`);
      it(`${role} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(role as Role, action as Action)).toBe(allowed);
      });
    }
  }

  it("ranks roles: owner > admin > member > viewer", () => {
    expect(atMost("owner", "member")).toBe("member");
    expect(atMost("viewer", "member")).toBe("viewer");
    expect(atMost("admin", "admin")).toBe("admin");
    expect(outranks("owner", "admin")).toBe(true);
    expect(outranks("admin", "admin")).toBe(false);
    expect(outranks("viewer", "member")).toBe(false);
  });
});
