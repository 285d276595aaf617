// Where a link may send people, proven in one place for every way the REST API takes a URL: each
// URL field of each operation's request body, found in the OpenAPI document (so a new one cannot
// slip past), is sent every refused kind of destination — another scheme (javascript:, data:,
// file:, in any spelling the URL parser accepts), our own hosts in any spelling (a loop through
// us), a brand's domain we serve — and each is refused with a 422 naming that field (a bulk call: that
// item, refused on its own), and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { api } from "@/lib/testing/api-client";
import { makeApiFixture } from "@/lib/testing/api-fixture";
import { callOf, withValue, type Ids } from "@/lib/testing/api-samples";

connectTestDatabase();
const { getDb, getPool } = await import("@/lib/db");
const { OPERATIONS } = await import("@/lib/api/v1");
const { buildOpenApiDocument } = await import("@/lib/api/openapi");
const { setApiRateLimiterForTests } = await import("@/lib/api/rate-limit");

/** A served brand domain (another workspace's: a link through it would count a visit twice). */
const BRAND_HOST = "go.brand-dest.test";

const REFUSED: [string, RegExp][] = [
  ["javascript:alert(document.cookie)", /http or https/],
  ["JavaScript:alert(1)", /http or https/],
  ["  java\tscript:alert(1)", /http or https/],
  ["\u0000javascript:alert(1)", /NUL/],
  ["\u0001javascript:alert(1)", /http or https/], // the URL parser drops leading control characters
  ["data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", /http or https/],
  ["file:///etc/passwd", /http or https/],
  ["vbscript:msgbox(1)", /http or https/],
  ["//evil.example.com/", /full URL/],
  ["https://user:pass@shop.example.com/", /user name or password/],
  ["http://localhost:3000/w/demo", /loop/], // the app itself (the test client's origin)
  ["http://127.0.0.1:3000/spring-maya", /loop/],
  ["http://LOCALHOST.:3000/x", /loop/],
  ["http://[::1]:3000/x", /loop/],
  [`https://${BRAND_HOST}/anything`, /loop/],
  [`https://${BRAND_HOST.toUpperCase()}./anything`, /loop/],
];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
/** document["a"]["b"]… or undefined. */
const dig = (value: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), value);

/** The paths of the URL fields in a request body's JSON schema, e.g. ["url"], ["items", 0, "expiredUrl"]. */
function urlFields(schema: unknown, resolve: (ref: string) => unknown, at: (string | number)[] = []): (string | number)[][] {
  if (!isRecord(schema)) return [];
  if (typeof schema.$ref === "string") return urlFields(resolve(schema.$ref), resolve, at);
  const found: (string | number)[][] = [];
  for (const combinator of ["anyOf", "oneOf", "allOf"]) {
    const branches = schema[combinator];
    if (Array.isArray(branches)) for (const branch of branches) found.push(...urlFields(branch, resolve, at));
  }
  if (schema.items) found.push(...urlFields(schema.items, resolve, [...at, 0]));
  for (const [name, property] of Object.entries(isRecord(schema.properties) ? schema.properties : {})) {
    if (/url$/i.test(name)) found.push([...at, name]);
    else found.push(...urlFields(property, resolve, [...at, name]));
  }
  return found;
}


type Refusal = { message: string; details?: { path: string; message: string }[] };

/**
 * Why the field was refused: a 422 names it in its details; a bulk call answers 200 with the item
 * refused on its own (path "items.<i>.<field>" → item i, detail "<field>"), and nothing created.
 */
function refusal(answer: { status: number; body: unknown }, field: (string | number)[]): string | undefined {
  if (field[0] === "items" && typeof field[1] === "number") {
    const bulk = answer.body as { created?: number; results?: { index: number; ok: boolean; error?: Refusal }[] };
    if (answer.status !== 200 || bulk.created !== 0) return undefined;
    const item = bulk.results?.find((result) => result.index === field[1]);
    return item?.ok === false ? item.error?.details?.find((d) => d.path === field.slice(2).join("."))?.message : undefined;
  }
  if (answer.status !== 422) return undefined;
  return (answer.body as { error: Refusal }).error.details?.find((d) => d.path === field.join("."))?.message;
}

async function rowCounts(workspaceId: string): Promise<string> {
  const tables = ["Link", "Campaign", "CampaignCreator", "Domain"];
  const counts = await Promise.all(
    tables.map(async (table) => {
      const { rows } = await getPool().query<{ digest: string | null }>(
        `SELECT md5(string_agg(row_to_json(t)::text, '' ORDER BY row_to_json(t)::text)) AS digest FROM "${table}" t WHERE "workspaceId" = $1`,
        [workspaceId],
      );
      return `${table}:${rows[0]?.digest}`;
    }),
  );
  return counts.join("|");
}

describe("destinations, every URL field of the API", () => {
  let workspaceId: string;
  let key: string;
  let ids: Ids;
  const document: unknown = buildOpenApiDocument("http://localhost:3000/api/v1");
  const resolve = (ref: string) => dig(document, "components", "schemas", ref.replace("#/components/schemas/", ""));
  const fieldsOf = (operation: (typeof OPERATIONS)[number]) =>
    urlFields(dig(document, "paths", operation.path, operation.method, "requestBody", "content", "application/json", "schema"), resolve);

  beforeAll(async () => {
    await truncateAll();
    ({ workspaceId, key, ids } = await makeApiFixture("Dest", "dest"));
    const other = await makeWorkspace("Brand");
    await getDb().domain.create({ data: { workspaceId: other.workspace.id, hostname: BRAND_HOST, status: "verified", verificationToken: "t" } });
  });
  afterAll(() => setApiRateLimiterForTests(undefined));

  it("finds the URL fields in the document (so the cases below cover every one)", () => {
    const found = OPERATIONS.flatMap((operation) => fieldsOf(operation).map((field) => `${operation.operationId}.${field.join(".")}`));
    expect(found).toEqual(expect.arrayContaining(["createLink.url", "createLink.expiredUrl", "createLinksInBulk.items.0.url", "updateLink.url", "createCampaign.destinationUrl"]));
  });

  for (const operation of OPERATIONS) {
    it(`${operation.operationId}: refuses every bad destination on each URL field, and writes nothing`, async () => {
      const fields = fieldsOf(operation);
      if (fields.length === 0) return; // takes no URL
      for (const field of fields) {
        // the sample works with a good URL in this field, so a refusal below is for the URL alone
        const good = callOf(operation, ids);
        for (const [destination, why] of REFUSED) {
          const before = await rowCounts(workspaceId);
          const answer = await api(good.method, good.url, { key, body: withValue(good.body, field, destination) });
          const label = `${operation.operationId} ${field.join(".")} = ${JSON.stringify(destination)} → ${answer.status} ${answer.text.slice(0, 300)}`;
          expect(refusal(answer, field), label).toMatch(why);
          expect(await rowCounts(workspaceId), label).toBe(before);
        }
        const accepted = await api(good.method, good.url, { key, body: withValue(good.body, field, "https://shop.example.com/ok?utm_source=x") });
        expect(accepted.status, `${operation.operationId} ${field.join(".")} with a good URL`).toBeLessThan(300);
      }
    });
  }
});
