// Idempotency-Key on the API's POSTs, through the real route modules (every answer also checked
// against the OpenAPI document): a retry answers the first answer and does nothing twice, the
// same key with another request is a 409, and only successes are kept.
import { beforeEach, describe, expect, it } from "vitest";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { api } from "@/lib/testing/api-client";

connectTestDatabase();
const { getDb } = await import("@/lib/db");

describe("Idempotency-Key", () => {
  let a: Awaited<ReturnType<typeof makeWorkspace>>;
  let b: Awaited<ReturnType<typeof makeWorkspace>>;
  const links = () => getDb().link.count({ where: { workspaceId: a.workspace.id } });
  const post = (body: unknown, key?: string, path = "/api/v1/links", who = a) => api("POST", path, { key: who.apiKey, body, headers: key ? { "Idempotency-Key": key } : {} });

  beforeEach(async () => {
    await truncateAll();
    a = await makeWorkspace("A");
    b = await makeWorkspace("B");
  });

  it("the same request again answers the first answer, and creates nothing more", async () => {
    const first = await post({ url: "https://shop.example.com/a", tags: ["x"] }, "order-42");
    expect(first.status).toBe(201);
    expect(first.headers.get("Idempotent-Replayed")).toBe("false");
    // the same body in another key order is the same request
    const again = await post({ tags: ["x"], url: "https://shop.example.com/a" }, "order-42");
    expect(again.status).toBe(201);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(await links()).toBe(1);
    // without a key, each POST is its own
    await post({ url: "https://shop.example.com/a" });
    expect(await links()).toBe(2);
  });

  it("the same key with another request is a 409 naming the header; another workspace's key is its own", async () => {
    await post({ url: "https://shop.example.com/a" }, "k-1");
    const other = await post({ url: "https://shop.example.com/b" }, "k-1");
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("idempotency_key_reused");
    expect(other.body.error.details[0].path).toBe("Idempotency-Key");
    expect((await post({ items: [{ url: "https://shop.example.com/a" }] }, "k-1", "/api/v1/links/bulk")).status).toBe(409); // another endpoint is another request
    expect((await post({ url: "https://shop.example.com/b" }, "k-1", "/api/v1/links", b)).status).toBe(201);
    expect(await links()).toBe(1);
  });

  it("sent many times at once, the request runs once: the others replay it or hear it is still running", async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => post({ url: "https://shop.example.com/burst" }, "burst")));
    expect(await links()).toBe(1);
    for (const answer of answers) expect([201, 409]).toContain(answer.status);
    const created = answers.filter((answer) => answer.status === 201);
    expect(new Set(created.map((answer) => answer.body.id)).size).toBe(1);
    for (const answer of answers.filter((x) => x.status === 409)) expect(answer.body.error.code).toBe("idempotency_key_in_use");
    // once it is done, every retry replays it
    expect((await post({ url: "https://shop.example.com/burst" }, "burst")).body.id).toBe(created[0]?.body.id);
  });

  it("keeps only a success: a refused request may be fixed and sent again with the same key", async () => {
    await post({ url: "https://shop.example.com/a", slug: "taken" });
    const refused = await post({ url: "https://shop.example.com/b", slug: "taken" }, "fix-me");
    expect(refused.status).toBe(409);
    const fixed = await post({ url: "https://shop.example.com/b", slug: "free" }, "fix-me");
    expect([fixed.status, fixed.body.slug]).toEqual([201, "free"]);
    // bad input is refused before the key is looked at, and keeps nothing either
    expect((await post({ url: "ftp://no" }, "bad-input")).status).toBe(422);
    expect((await post({ url: "https://shop.example.com/c" }, "bad-input")).status).toBe(201);
  });

  it("a first request that never finished is never run again: its outcome is unknown", async () => {
    await post({ url: "https://shop.example.com/a" }, "crashed");
    // as if the process died after the work and before keeping the answer, ten minutes ago
    await getDb().idempotencyKey.updateMany({ where: { key: "crashed" }, data: { status: null, body: null, createdAt: new Date(Date.now() - 10 * 60_000) } });
    const retry = await post({ url: "https://shop.example.com/a" }, "crashed");
    expect([retry.status, retry.body.error.code]).toEqual([409, "idempotency_key_in_use"]);
    expect(retry.body.error.message).toMatch(/did not finish/);
    expect(await links()).toBe(1);
  });

  it("a replay answers the first answer even where the same body would now be refused", async () => {
    const soon = new Date(Date.now() + 1500).toISOString();
    const first = await post({ url: "https://shop.example.com/a", expiresAt: soon }, "expiring");
    expect(first.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect((await post({ url: "https://shop.example.com/a", expiresAt: soon })).status).toBe(422); // in the past now
    const replay = await post({ url: "https://shop.example.com/a", expiresAt: soon }, "expiring");
    expect([replay.status, replay.body.id]).toEqual([201, first.body.id]);
  });

  it("a key lives 24 hours; a malformed key is a 422", async () => {
    const first = await post({ url: "https://shop.example.com/a" }, "day-old");
    await getDb().idempotencyKey.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    const later = await post({ url: "https://shop.example.com/a" }, "day-old");
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
    expect(await getDb().idempotencyKey.count()).toBe(1); // the expired one is gone
    const bad = await post({ url: "https://shop.example.com/a" }, "x".repeat(256));
    expect([bad.status, bad.body.error.details[0].path]).toEqual([422, "Idempotency-Key"]);
  });

  it("holds for every POST — a conversion, a bulk call (the document says so on each: lib/api/openapi.test.ts)", async () => {
    const conversion = { event: "signup", externalId: "user-1" };
    await getDb().workspace.update({ where: { id: a.workspace.id }, data: { plan: "team" } });
    expect((await post(conversion, "conv-1", "/api/v1/conversions")).status).toBe(201);
    expect((await post(conversion, "conv-1", "/api/v1/conversions")).headers.get("Idempotent-Replayed")).toBe("true");
    const bulk = await post({ items: [{ url: "https://shop.example.com/1" }, { url: "https://shop.example.com/2" }] }, "bulk-1", "/api/v1/links/bulk");
    const bulkAgain = await post({ items: [{ url: "https://shop.example.com/1" }, { url: "https://shop.example.com/2" }] }, "bulk-1", "/api/v1/links/bulk");
    expect(bulkAgain.body).toEqual(bulk.body);
    expect(await links()).toBe(2);
  });
});
