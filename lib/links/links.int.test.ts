import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { makeWorkspace, refusal, testHosts } from "@/lib/testing/fixtures";

connectTestDatabase();
const { createLink } = await import("@/lib/links/create-link");
const { listLinks, getLink } = await import("@/lib/links/queries");
const { setLinkArchived, updateLinkDestination } = await import("@/lib/links/update-link");
const { getDb } = await import("@/lib/db");

describe("links", () => {
  let a: Awaited<ReturnType<typeof makeWorkspace>>;
  let b: Awaited<ReturnType<typeof makeWorkspace>>;
  beforeAll(async () => {
    await truncateAll();
  });
  beforeEach(async () => {
    a = await makeWorkspace("A");
    b = await makeWorkspace("B");
  });

  it("creates a link with a custom slug and refuses the same slug on the same domain, from any workspace", async () => {
    const link = await createLink({ workspaceId: a.workspace.id, hosts: testHosts }, { url: "https://shop.example.com/", slug: `maya-${a.workspace.slug}` });
    expect(link).toMatchObject({ workspaceId: a.workspace.id, domain: "", url: "https://shop.example.com/" });
    const error = await refusal(createLink({ workspaceId: b.workspace.id, hosts: testHosts }, { url: "https://other.example.com/", slug: link.slug }));
    expect(error.code).toBe("conflict");
    expect(error.details).toEqual([{ path: "slug", message: expect.stringContaining("already taken") }]);
    expect(await getDb().link.count({ where: { slug: link.slug } })).toBe(1);
  });

  it("makes a short random slug when none is given", async () => {
    const first = await createLink({ workspaceId: a.workspace.id, hosts: testHosts }, { url: "https://example.com/" });
    const second = await createLink({ workspaceId: a.workspace.id, hosts: testHosts }, { url: "https://example.com/" });
    expect(first.slug).toMatch(/^[a-z0-9]{7}$/);
    expect(first.slug).not.toBe(second.slug);
  });

  it("refuses destinations on our own host and writes nothing", async () => {
    const before = await getDb().link.count();
    const error = await refusal(createLink({ workspaceId: a.workspace.id, hosts: testHosts }, { url: "http://localhost:3000/maya" }));
    expect(error.code).toBe("invalid_input");
    expect(error.details).toEqual([{ path: "url", message: expect.stringContaining("loop") }]);
    expect(await getDb().link.count()).toBe(before);
  });

  it("refuses a creator from another workspace", async () => {
    const creator = await getDb().creator.create({ data: { workspaceId: b.workspace.id, name: "Not yours" } });
    const error = await refusal(createLink({ workspaceId: a.workspace.id, hosts: testHosts }, { url: "https://example.com/", creatorId: creator.id }));
    expect(error.details).toEqual([{ path: "creatorId", message: "No such creator in this workspace" }]);
  });

  it("scopes reads and writes to the workspace: another workspace's link is not found", async () => {
    const link = await createLink({ workspaceId: a.workspace.id, hosts: testHosts }, { url: "https://example.com/" });
    expect(await getLink(b.workspace.id, link.id)).toBeNull();
    expect((await refusal(updateLinkDestination(b.workspace.id, link.id, testHosts, { url: "https://evil.example.com/" }))).code).toBe("not_found");
    expect((await refusal(setLinkArchived(b.workspace.id, link.id, true))).code).toBe("not_found");
    expect((await getLink(a.workspace.id, link.id))?.url).toBe("https://example.com/");
    expect((await listLinks(b.workspace.id)).map((l) => l.id)).not.toContain(link.id);
  });

  it("edits the destination and archives/restores, listing archived links apart", async () => {
    const link = await createLink({ workspaceId: a.workspace.id, hosts: testHosts }, { url: "https://example.com/" });
    await updateLinkDestination(a.workspace.id, link.id, testHosts, { url: "https://example.com/new" });
    await setLinkArchived(a.workspace.id, link.id, true);
    expect((await listLinks(a.workspace.id)).map((l) => l.id)).not.toContain(link.id);
    const archived = await listLinks(a.workspace.id, { archived: true });
    expect(archived.map((l) => [l.id, l.url])).toContainEqual([link.id, "https://example.com/new"]);
    await setLinkArchived(a.workspace.id, link.id, false);
    expect((await listLinks(a.workspace.id)).map((l) => l.id)).toContain(link.id);
  });
});
