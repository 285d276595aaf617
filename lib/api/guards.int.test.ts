// The workspace guards, through a session: who gets 401, 404, 403, or in. Auth.js' session
// lookup is replaced by a stub returning the user under test; everything else is real.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { makeWorkspace } from "@/lib/testing/fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, expires: "2099-01-01T00:00:00Z" } : null),
}));

connectTestDatabase();
const links = await import("@/app/api/v1/links/route");
const { runWorkspaceAction } = await import("@/lib/actions/workspace-action");
const { getDb } = await import("@/lib/db");

const noParams = { params: Promise.resolve({}) };
const post = (workspace: string | null) =>
  new Request(`http://localhost:3000/api/v1/links${workspace ? `?workspace=${workspace}` : ""}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ url: "https://example.com/" }),
  });

describe("workspace guards with a session", () => {
  let ws: Awaited<ReturnType<typeof makeWorkspace>>;
  const users: Record<"viewer" | "member" | "stranger", string> = { viewer: "", member: "", stranger: "" };

  beforeAll(async () => {
    await truncateAll();
    ws = await makeWorkspace();
    const db = getDb();
    for (const role of ["viewer", "member", "stranger"] as const) {
      const user = await db.user.create({ data: { email: `${role}@guards.test` } });
      users[role] = user.id;
      if (role !== "stranger") await db.membership.create({ data: { workspaceId: ws.workspace.id, userId: user.id, role } });
    }
  });

  it("route handlers: 401 signed out, 422 without a workspace, 404 for a non-member, 403 for a viewer writing, 201 for a member", async () => {
    session.userId = null;
    expect((await links.POST(post(ws.workspace.slug), noParams)).status).toBe(401);
    session.userId = users.member;
    expect((await links.POST(post(null), noParams)).status).toBe(422);
    session.userId = users.stranger;
    const stranger = await links.POST(post(ws.workspace.slug), noParams);
    expect(stranger.status).toBe(404);
    expect(await stranger.json()).toEqual({ error: { code: "not_found", message: "Workspace not found" } });
    session.userId = users.viewer;
    const viewer = await links.POST(post(ws.workspace.slug), noParams);
    expect(viewer.status).toBe(403);
    expect((await links.GET(new Request(`http://localhost:3000/api/v1/links?workspace=${ws.workspace.slug}`), noParams)).status).toBe(200);
    session.userId = users.member;
    expect((await links.POST(post(ws.workspace.slug), noParams)).status).toBe(201);
  });

  it("server actions: the same answers as form states, and the action body runs only when allowed", async () => {
    const run = vi.fn(async () => ({ data: "done" }));
    session.userId = null;
    expect(await runWorkspaceAction(ws.workspace.slug, "links.write", run)).toMatchObject({ ok: false, error: "Your session has ended. Sign in again." });
    session.userId = users.stranger;
    expect(await runWorkspaceAction(ws.workspace.slug, "links.write", run)).toMatchObject({ ok: false, error: "Workspace not found" });
    session.userId = users.viewer;
    expect(await runWorkspaceAction(ws.workspace.slug, "links.write", run)).toMatchObject({ ok: false, error: expect.stringContaining("(viewer) cannot") });
    expect(run).not.toHaveBeenCalled();
    session.userId = users.member;
    expect(await runWorkspaceAction(ws.workspace.slug, "links.write", run)).toEqual({ ok: true, data: "done", message: undefined });
    expect(run).toHaveBeenCalledTimes(1);
  });
});
