// The OpenAPI document as a generated client meets it: openapi-typescript turns it into types, and
// calls like the README's — minimal bodies that rely on the server's defaults, an empty body
// where every field is optional, a list with its cursor — must typecheck against them through
// openapi-fetch, while a mistyped field must not.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";

const dir = mkdtempSync(path.join(os.tmpdir(), "cp-client-"));

/** The compiler's complaints about one client program against the generated types. */
function diagnosticsOf(name: string, source: string): string[] {
  const file = path.join(dir, `${name}.ts`);
  writeFileSync(file, `import createClient from "openapi-fetch";\nimport type { paths } from "./api";\nconst client = createClient<paths>({ baseUrl: "http://localhost:3000/api/v1" });\nexport async function run() {\n${source}\n}\n`);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    typeRoots: [],
    types: [],
    baseUrl: process.cwd(),
    paths: { "openapi-fetch": [path.resolve("node_modules/openapi-fetch")] },
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("a client generated from the document", () => {
  beforeAll(async () => {
    // as the JSON a client generator downloads from /api/v1/openapi.json
    const ast = await openapiTS(JSON.stringify(buildOpenApiDocument("/api/v1")));
    writeFileSync(path.join(dir, "api.ts"), astToString(ast));
  }, 60_000);

  it("typechecks the README's calls: defaults stay optional, an all-optional body may be empty", () => {
    const problems = diagnosticsOf(
      "readme",
      `
      await client.POST("/links", { body: { url: "https://shop.example.com/spring", slug: "my-first-link" } });
      await client.POST("/links/bulk", { body: { items: [{ url: "https://shop.example.com/drop", slug: "drop-ana", tags: ["tiktok"] }] } });
      await client.POST("/campaigns", { body: { name: "Spring", objective: "traffic" } });
      await client.POST("/campaigns", { body: { name: "Spring", objective: "traffic", kpis: [{ kpi: "clicks", primary: true }, { kpi: "cpc" }] } });
      await client.PUT("/campaigns/{campaignId}/creators/{creatorId}", { params: { path: { campaignId: "c", creatorId: "k" } }, body: { flatFeeMinor: 50000, commissionRate: 0.1 } });
      await client.PUT("/campaigns/{campaignId}/creators/{creatorId}", { params: { path: { campaignId: "c", creatorId: "k" } } });
      const { data } = await client.GET("/links", { params: { query: { limit: 5, archived: "false" } } });
      const next: string | null | undefined = data?.nextCursor;
      const clicks: number | undefined = data?.data[0]?.clicks;
      void next; void clicks;
      `,
    );
    expect(problems).toEqual([]);
  });

  it("refuses a mistyped field, an archived flag that is not true or false, and a campaign without its required fields", () => {
    // (through openapi-fetch's generic calls TypeScript checks no excess fields: the types themselves are asked)
    const typo = `const body: paths["/links"]["post"]["requestBody"]["content"]["application/json"] = { url: "https://x.test/", slugg: "x" }; void body; void client;`;
    expect(diagnosticsOf("typo", typo).join("\n")).toMatch(/'slugg' does not exist/);
    const flag = `const query: NonNullable<paths["/links"]["get"]["parameters"]["query"]> = { archived: "yes" }; void query; void client;`;
    expect(diagnosticsOf("flag", flag).join("\n")).toMatch(/"yes"/);
    expect(diagnosticsOf("missing", `await client.POST("/campaigns", { body: { name: "Spring" } });`).join("\n")).toMatch(/objective/);
  });
});
