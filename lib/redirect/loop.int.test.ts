// A redirect chain that comes back to us stops (issue 21): without APP_URL/SHORT_DOMAIN the app
// serves links on whatever Host reaches it, so a link can point at this server's own address under
// a name the creation check does not know. The hop that would send the visitor to the host it is
// already on answers 508 and counts nothing.
import { networkInterfaces } from "node:os";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { makeWorkspace } from "@/lib/testing/fixtures";

connectTestDatabase();
const { NextRequest } = await import("next/server");
const { middleware } = await import("@/middleware");
const { getPool } = await import("@/lib/db");
const { createLink } = await import("@/lib/links/create-link");
const { linkHostsForRequest } = await import("@/lib/links/request-hosts");

/** One of this machine's own (non-loopback) IPv4 addresses, if it has one. */
const ownAddress = Object.values(networkInterfaces())
  .flatMap((entries) => entries ?? [])
  .find((entry) => !entry.internal && entry.family === "IPv4")?.address;

const PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const visit = (host: string, path: string) => middleware(new NextRequest(`http://${host}${path}`, { headers: { host, "user-agent": PHONE } }));
const clicks = async (slug: string) =>
  Number((await getPool().query(`SELECT count(*) FROM "Click" c JOIN "Link" l ON l."id" = c."linkId" WHERE l."slug" = $1`, [slug])).rows[0].count);

describe("creating a link", () => {
  it.skipIf(!ownAddress)("refuses a destination on this machine's own address, on any port", async () => {
    const { workspace } = await makeWorkspace("Own address", "single");
    const hosts = linkHostsForRequest(new Request("http://localhost:3000/api/v1/links"));
    for (const url of [`http://${ownAddress}:3000/maya`, `http://${ownAddress}/maya`]) {
      await expect(createLink({ workspaceId: workspace.id, hosts }, { url })).rejects.toMatchObject({ code: "invalid_input", details: [{ path: "url" }] });
    }
  });
});

describe("a link that points back to the server it is served by", () => {
  beforeAll(async () => {
    await truncateAll();
    const { workspace } = await makeWorkspace("Loops", "single");
    // stored as an old row or a raw write could have it: the creation check is not what stops this
    await getPool().query(
      `INSERT INTO "Link" ("id", "workspaceId", "slug", "url", "domain", "createdAt", "updatedAt", "maxClicks", "expiresAt", "expiredUrl")
       VALUES ('loop-1', $1, 'round-trip', 'http://10.9.8.7:3000/round-trip', '', now(), now(), NULL, NULL, NULL),
              ('loop-2', $1, 'gone-round', 'https://shop.example.com/', '', now(), now(), NULL, now() - interval '1 day', 'http://10.9.8.7:3000/gone-round')`,
      [workspace.id],
    );
  });

  it("redirects a visit that came in on another host once, then stops the chain on the host it points at", async () => {
    const first = await visit("localhost:3000", "/round-trip");
    expect(first.status).toBe(302);
    expect(first.headers.get("location")).toMatch(/^http:\/\/10\.9\.8\.7:3000\/round-trip(\?|$)/);
    const again = await visit("10.9.8.7:3000", "/round-trip");
    expect(again.status).toBe(508);
    expect(again.headers.get("location")).toBeNull();
    expect(await again.text()).toContain("This link points back to itself");
    await expect.poll(() => clicks("round-trip")).toBe(1); // the one hop that went somewhere
  });

  it("stops an expired link whose expired destination is the host it came to, keeping no hit", async () => {
    const answer = await visit("10.9.8.7:3000", "/gone-round");
    expect(answer.status).toBe(508);
    const { rows } = await getPool().query(`SELECT count(*)::int AS n FROM "UnservedHit" WHERE "linkId" = 'loop-2'`);
    expect(rows[0].n).toBe(0);
    expect((await visit("localhost:3000", "/gone-round")).headers.get("location")).toBe("http://10.9.8.7:3000/gone-round");
  });
});
