// The migration 20261207210000_creator_email_unique over a workspace that already holds one
// e-mail twice (as concurrent imports could leave it): the oldest creator keeps it, the others
// lose it with a note, capitals are folded, other workspaces are untouched — then the index holds.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { makeWorkspace } from "@/lib/testing/fixtures";

connectTestDatabase();
const { getDb, getPool } = await import("@/lib/db");
const sql = fs.readFileSync(path.join(import.meta.dirname, "migrations/20261207210000_creator_email_unique/migration.sql"), "utf8");

describe("migration: one creator per e-mail in a workspace", () => {
  it("keeps each e-mail on the oldest creator, notes it on the others, and then refuses a second", async () => {
    await truncateAll();
    const { workspace } = await makeWorkspace();
    const { workspace: other } = await makeWorkspace();
    await getPool().query(`DROP INDEX "Creator_workspaceId_email_key"`);
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 9, minute));
    const db = getDb();
    const first = await db.creator.create({ data: { workspaceId: workspace.id, name: "Maya Lopez", email: "maya@example.com", createdAt: at(0) } });
    const second = await db.creator.create({ data: { workspaceId: workspace.id, name: "Maya L.", email: "Maya@Example.com ", notes: "met at the fair", createdAt: at(1) } });
    const third = await db.creator.create({ data: { workspaceId: workspace.id, name: "maya", email: "maya@example.com", createdAt: at(2) } });
    const elsewhere = await db.creator.create({ data: { workspaceId: other.id, name: "Maya Lopez", email: "maya@example.com", createdAt: at(3) } });
    const alone = await db.creator.create({ data: { workspaceId: workspace.id, name: "Ravi", email: "RAVI@example.com", createdAt: at(4) } });

    await getPool().query(sql);
    const read = (id: string) => db.creator.findUniqueOrThrow({ where: { id }, select: { email: true, notes: true } });
    expect(await read(first.id)).toEqual({ email: "maya@example.com", notes: null });
    expect(await read(second.id)).toEqual({
      email: null,
      notes: "met at the fair\n\nE-mail maya@example.com was also on Maya Lopez, an earlier creator in this workspace; it stays there. Merge the two if they are the same person.",
    });
    expect((await read(third.id)).email).toBeNull();
    expect(await read(elsewhere.id)).toEqual({ email: "maya@example.com", notes: null });
    expect((await read(alone.id)).email).toBe("ravi@example.com");

    await expect(db.creator.create({ data: { workspaceId: workspace.id, name: "Copy", email: "ravi@example.com" } })).rejects.toMatchObject({ code: "P2002" });
    // creators without an e-mail are as many as the brand likes
    await db.creator.create({ data: { workspaceId: workspace.id, name: "No mail 1" } });
    await db.creator.create({ data: { workspaceId: workspace.id, name: "No mail 2" } });
  });
});
