import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { scopesOf } from "@/lib/api/define";
import { OPERATIONS } from "@/lib/api/v1";
import { SCOPES } from "@/lib/api-keys/scopes";

const document = buildOpenApiDocument("http://localhost:3000/api/v1") as unknown as {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        operationId: string;
        security: { apiKey: string[] }[];
        parameters?: { in: string; name: string }[];
        requestBody?: { required: boolean; content: Record<string, { schema: unknown }> };
        responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
      }
    >
  >;
  components: { schemas: Record<string, unknown> };
};

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and lists every operation once, with its scope", () => {
    expect(document.openapi).toBe("3.1.0");
    const listed = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
    expect(listed.map((l) => l.op.operationId).sort()).toEqual(OPERATIONS.map((o) => o.operationId).sort());
    for (const operation of OPERATIONS) {
      const op = document.paths[operation.path]![operation.method]!;
      expect(op.security).toEqual([{ apiKey: [...scopesOf(operation)] }]);
      for (const scope of scopesOf(operation)) expect(Object.keys(SCOPES)).toContain(scope);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["401", "403", "429"]));
    }
  });

  it("has schemas that compile (every $ref resolves) and reject what they should", () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    ajv.addSchema(document as object, "doc");
    const link = ajv.getSchema("doc#/components/schemas/Link")!;
    const good = { id: "l1", slug: "maya", domain: null, shortUrl: "http://x/maya", url: "https://shop.example.com/", creatorId: null, campaignId: null, tags: [], archived: false, paused: false, expiresAt: null, maxClicks: null, clicksLeft: null, expiredUrl: null, notes: null, createdAt: "2026-11-21T10:00:00.000Z", updatedAt: "2026-11-21T10:00:00.000Z", clicks: 0, filteredClicks: 0 };
    expect(link(good)).toBe(true);
    expect(link({ ...good, surprise: 1 })).toBe(false); // an undocumented field is drift
    expect(link({ ...good, tags: undefined })).toBe(false);
    expect(link({ ...good, clicks: undefined })).toBe(false); // every answer with a link carries its counts
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, answer] of Object.entries(op.responses)) {
          if (!answer.content?.["application/json"]?.schema) continue;
          const pointer = `doc#/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}/${method}/responses/${status}/content/application~1json/schema`;
          expect(ajv.getSchema(pointer), `${method} ${path} ${status}`).toBeTypeOf("function");
        }
      }
    }
  });

  it("says what the server enforces on request bodies: no unknown fields, JSON only, required only when {} is refused", () => {
    const doc = document;
    const open: string[] = [];
    const visit = (node: unknown, where: string, seen: Set<unknown>) => {
      if (!node || typeof node !== "object" || seen.has(node)) return;
      seen.add(node);
      const schema = node as { $ref?: string; properties?: object; additionalProperties?: unknown };
      if (schema.$ref) visit(doc.components.schemas[schema.$ref.split("/").pop()!], `${where} → ${schema.$ref}`, seen);
      if (schema.properties && schema.additionalProperties === undefined) open.push(where);
      // (a `contains` schema describes one item among others, not a whole object)
      for (const [key, value] of Object.entries(node)) if (key !== "$ref" && key !== "contains") visit(value, `${where}.${key}`, seen);
    };
    for (const operation of OPERATIONS) {
      const op = doc.paths[operation.path]![operation.method]!;
      expect(Object.keys(op.responses), operation.operationId).toEqual(expect.arrayContaining(["500", "503"]));
      if (!operation.body) continue;
      expect(Object.keys(op.requestBody!.content)).toEqual(["application/json"]);
      expect(Object.keys(op.responses), operation.operationId).toContain("415");
      expect(op.requestBody!.required, operation.operationId).toBe(!operation.body.safeParse({}).success);
      visit(op.requestBody!.content["application/json"]!.schema, operation.operationId, new Set());
    }
    expect(open).toEqual([]);
    // every POST takes an Idempotency-Key, and says what a key used twice answers
    for (const operation of OPERATIONS.filter((o) => o.method === "post")) {
      const op = doc.paths[operation.path]![operation.method]!;
      expect(op.parameters?.some((p) => p.in === "header" && p.name === "Idempotency-Key"), operation.operationId).toBe(true);
      expect(Object.keys(op.responses), operation.operationId).toContain("409");
    }
    // setting a creator's terms may send no body at all; creating a link may not
    const byId = Object.fromEntries(OPERATIONS.map((o) => [o.operationId, doc.paths[o.path]![o.method]!]));
    expect(byId.createLink!.requestBody!.required).toBe(true);
  });

  it("holds the campaign's rules a client can check: exactly one primary KPI, and no default makes a field required", () => {
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    ajv.addSchema(document as object, "doc3");
    const create = ajv.getSchema("doc3#/paths/~1campaigns/post/requestBody/content/application~1json/schema")!;
    const base = { name: "Spring", objective: "traffic" };
    expect(create(base)).toBe(true);
    expect(create({ ...base, kpis: [] })).toBe(true);
    expect(create({ ...base, kpis: [{ kpi: "clicks", primary: true }, { kpi: "cpc", target: 50 }] })).toBe(true);
    expect(create({ ...base, kpis: [{ kpi: "clicks", primary: true }, { kpi: "cpc", primary: true }] })).toBe(false);
    expect(create({ ...base, kpis: [{ kpi: "clicks" }, { kpi: "cpc" }] })).toBe(false);
    expect(create({ ...base, kpis: [{ kpi: "clicks", primary: true, surprise: 1 }] })).toBe(false);
    // defaults are said in words; no request schema carries the keyword a generator turns into "required"
    const campaign = document.components.schemas.CampaignCreate as { required: string[]; properties: Record<string, { default?: unknown; description?: string }> };
    expect(campaign.required).toEqual(["name", "objective"]);
    expect(campaign.properties.currency).toMatchObject({ description: 'Default: "USD".' });
    expect(JSON.stringify(Object.values(document.paths).map((item) => Object.values(item).map((op) => (op as { requestBody?: unknown }).requestBody)))).not.toContain('"default"');
  });
});
