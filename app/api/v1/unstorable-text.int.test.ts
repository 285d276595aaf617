// Text PostgreSQL cannot store — a lone UTF-16 surrogate ("\ud800"), a NUL character — and JSON
// nested thousands of levels deep, sent to every operation that takes a JSON body: a 422 naming
// the field (a bulk call: that item refused on its own, the others written), never a 500, and
// nothing half-written. Before issue 21 these reached the database and answered 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { api } from "@/lib/testing/api-client";
import { makeApiFixture } from "@/lib/testing/api-fixture";
import { callOf, withValue, type Ids } from "@/lib/testing/api-samples";

connectTestDatabase();
const { getDb } = await import("@/lib/db");
const { OPERATIONS } = await import("@/lib/api/v1");
const { setApiRateLimiterForTests } = await import("@/lib/api/rate-limit");

/** The path of the first string in a sample body, e.g. ["name"] or ["items", 0, "url"]. */
function firstString(value: unknown, at: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === "string") return at;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstString(value[i], [...at, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      const found = firstString(inner, [...at, key]);
      if (found) return found;
    }
  }
  return null;
}


describe("unstorable text and deep nesting, every JSON body of the API", () => {
  let key: string;
  let ids: Ids;
  let workspaceId: string;

  beforeAll(async () => {
    await truncateAll();
    ({ workspaceId, key, ids } = await makeApiFixture("Text", "text"));
  });
  afterAll(() => setApiRateLimiterForTests(undefined));

  const withBody = OPERATIONS.filter((operation) => operation.body);

  it("covers the operations that take a body", () => {
    expect(withBody.map((o) => o.operationId)).toEqual(expect.arrayContaining(["createLink", "createLinksInBulk", "upsertCreators", "createConversion"]));
  });

  for (const operation of withBody) {
    it(`${operation.operationId}: a lone surrogate and a NUL are refused naming the field; deep nesting is a 422`, async () => {
      const good = callOf(operation, ids);
      const field = firstString(good.body);
      if (field) {
        for (const bad of ["x\ud800", "\udfff", "a\u0000b"]) {
          const answer = await api(good.method, good.url, { key, body: withValue(good.body, field, bad) });
          const label = `${operation.operationId} ${field.join(".")} = ${JSON.stringify(bad)} → ${answer.status} ${answer.text.slice(0, 300)}`;
          if (field[0] === "items" && typeof field[1] === "number") {
            const bulk = answer.body as { results: { index: number; ok: boolean; error?: { code: string; details?: { path: string }[] } }[] };
            expect(answer.status, label).toBe(200);
            const item = bulk.results.find((r) => r.index === field[1]);
            expect(item?.ok, label).toBe(false);
            expect(item?.error?.code, label).toBe("invalid_input");
            expect(item?.error?.details?.map((d) => d.path), label).toContain(field.slice(2).join("."));
          } else {
            expect(answer.status, label).toBe(422);
            expect((answer.body as { error: { details: { path: string }[] } }).error.details.map((d) => d.path), label).toContain(field.join("."));
          }
        }
      }
      const deep = `${'{"a":'.repeat(5_000)}"leaf"${"}".repeat(5_000)}`; // as text: JSON.stringify itself recurses
      const nested = await api(good.method, good.url, { key, rawBody: deep });
      expect(nested.status, `${operation.operationId} nested 5,000 deep → ${nested.text.slice(0, 200)}`).toBe(422);
    });
  }

  it("creators in bulk: a good item and a bad one — the good one is written, the bad one fails alone", async () => {
    const answer = await api("POST", "/api/v1/creators/bulk", { key, body: { items: [{ name: "Good Creator", platforms: [{ platform: "x", handle: "goodone", followers: 5 }] }, { name: "Bad\ud800 Creator", platforms: [{ platform: "x", handle: "badone", followers: 5 }] }] } });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ created: 1, failed: 1, results: [{ index: 0, ok: true }, { index: 1, ok: false, error: { code: "invalid_input" } }] });
    expect(await getDb().creator.count({ where: { workspaceId, name: "Good Creator" } })).toBe(1);
  });

  it("links in bulk: the same — the good link is created, the bad one refused with its field", async () => {
    const answer = await api("POST", "/api/v1/links/bulk", {
      key,
      body: { items: [{ url: "https://shop.example.com/good", slug: "good-one" }, { url: "https://shop.example.com/bad", slug: "bad-one", notes: "x\udc00" }] },
    });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body).toMatchObject({ created: 1, failed: 1, results: [{ index: 0, ok: true }, { index: 1, ok: false, error: { details: [{ path: "notes" }] } }] });
  });
});
