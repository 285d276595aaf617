// Bad input, fuzzed (fast-check), over every REST operation: random JSON bodies, valid samples
// with one field replaced by anything, unknown fields, text that is not JSON, random query
// parameters and random ids in the path. Whatever comes in, the answer is never a 500 and is
// one the OpenAPI document lists (the client checks), and a refused call writes nothing: the
// workspace's rows are the same before and after. Seeded, so every run tries the same inputs.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { api } from "@/lib/testing/api-client";
import { makeApiFixture } from "@/lib/testing/api-fixture";
import { callOf, SAMPLES, type Ids } from "@/lib/testing/api-samples";

connectTestDatabase();
const { getPool } = await import("@/lib/db");
const { OPERATIONS } = await import("@/lib/api/v1");
const { setApiRateLimiterForTests } = await import("@/lib/api/rate-limit");

/** Inputs per operation (FUZZ_RUNS=500 for a longer hunt; the seed keeps a run reproducible). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const SEED = 20261121;

/** Every row of the workspace's tables, as text: equal before and after means nothing was written. */
async function snapshot(workspaceId: string): Promise<string> {
  const tables = ["Link", "Creator", "CreatorPlatform", "FollowerCount", "Campaign", "CampaignKpi", "CampaignCreator", "Conversion", "PromoCode", "Click"];
  const parts = await Promise.all(
    tables.map(async (table) => {
      const { rows } = await getPool().query<{ digest: string | null; n: number }>(
        `SELECT md5(string_agg(row_to_json(t)::text, '' ORDER BY row_to_json(t)::text)) AS digest, count(*)::int AS n FROM "${table}" t WHERE "workspaceId" = $1`,
        [workspaceId],
      );
      return `${table}:${rows[0]?.n}:${rows[0]?.digest}`;
    }),
  );
  return parts.join("|");
}

/** Anything JSON can say, including deep nesting, big numbers and odd strings. */
const anyJson = fc.jsonValue({ maxDepth: 3 });
const oddString = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("", " ", "\u0000", "javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "x".repeat(5_000), "١٢٣", "𝓂𝒶𝓎𝒶", "../../etc", "%00", "NaN", "-1", "1e309", "2026-02-30"),
);

function bodies(sample: unknown): fc.Arbitrary<{ body?: unknown; rawBody?: string }> {
  const options: fc.Arbitrary<{ body?: unknown; rawBody?: string }>[] = [
    anyJson.map((body) => ({ body })),
    fc.string({ maxLength: 30 }).map((rawBody) => ({ rawBody: `{${rawBody}` })), // never valid JSON
  ];
  if (sample && typeof sample === "object" && !Array.isArray(sample)) {
    const keys = [...Object.keys(sample), "unknownField", "workspaceId", "id", "__proto__"];
    // the valid sample with one field (known or not) set to anything
    options.push(
      fc.tuple(fc.constantFrom(...keys), fc.oneof(anyJson, oddString)).map(([key, value]) => ({ body: { ...(sample as Record<string, unknown>), [key]: value } })),
      // and with every text in it, nested ones too, replaced by an odd value
      fc.oneof(oddString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null)).map((value) => ({
        body: JSON.parse(JSON.stringify(sample, (_key, v: unknown) => (typeof v === "string" ? value : v))) as unknown,
      })),
    );
  }
  return fc.oneof(...options);
}

const query = fc.dictionary(fc.constantFrom("limit", "cursor", "groupBy", "interval", "start", "end", "timezone", "format", "linkId", "creatorId", "campaignId", "size", "margin", "color", "q", "status", "x"), oddString, { maxKeys: 4 });
const pathId = fc.oneof(oddString.filter((s) => s.length > 0 && s.length < 200), fc.constant("does-not-exist"));

describe("every API operation, fuzzed", () => {
  let workspaceId: string;
  let key: string;
  let ids: Ids;

  beforeAll(async () => {
    await truncateAll();
    ({ workspaceId, key, ids } = await makeApiFixture("Fuzz", "fuzz"));
  });
  afterAll(() => setApiRateLimiterForTests(undefined));

  it("covers every operation", () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(OPERATIONS.map((o) => o.operationId).sort());
  });

  for (const operation of OPERATIONS) {
    it(`${operation.operationId}: never a 500, and a refused call writes nothing`, async () => {
      const template = callOf(operation, { linkId: "LINK", creatorId: "CREATOR", campaignId: "CAMPAIGN" });
      const sampleBody = SAMPLES[operation.operationId]!(ids).body;
      const hasBody = template.method !== "GET" && template.method !== "DELETE";
      const input = fc.record({
        payload: hasBody ? bodies(sampleBody) : fc.constant({}),
        extra: query,
        id: fc.option(pathId, { nil: null, freq: 3 }),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ payload, extra, id }) => {
          const call = callOf(operation, id === null ? ids : { linkId: encodeURIComponent(id), creatorId: encodeURIComponent(id), campaignId: encodeURIComponent(id) });
          const url = new URL(call.url, "http://localhost");
          for (const [name, value] of Object.entries(extra)) url.searchParams.set(name, value);
          const before = await snapshot(workspaceId);
          const answer = await api(call.method, `${url.pathname}${url.search}`, { key, ...payload });
          expect(answer.status, `${call.method} ${url.pathname}${url.search} ${JSON.stringify(payload).slice(0, 300)} → ${answer.text.slice(0, 300)}`).toBeLessThan(500);
          if (answer.status >= 400) expect(await snapshot(workspaceId), "a refused call wrote something").toBe(before);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    });
  }
});
