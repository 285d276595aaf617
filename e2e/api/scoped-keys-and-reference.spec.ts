// The public API as a brand's developer meets it: a key made with only the scopes a script needs,
// the reference page and the OpenAPI document it is drawn from, and bulk creation with a result
// per item.
import { expect, test } from "@playwright/test";
import { DEMO, DEMO_STATE } from "../support/env";
import { bearer, shot, uniqueSuffix } from "../support/helpers";

test.describe("scoped keys", () => {
  test.use({ storageState: DEMO_STATE });

  test("a read-only key reads links but cannot write them; the settings list its scopes", async ({ page, request }) => {
    await page.goto(`/w/${DEMO.workspace}/settings`);
    const form = page.getByRole("form", { name: "Create API key" });
    const name = `Reporting ${uniqueSuffix()}`;
    await form.getByLabel("Key name").fill(name);
    // Every scope starts ticked; keep only links:read.
    const boxes = form.getByRole("checkbox");
    await expect(boxes).toHaveCount(9);
    for (const box of await boxes.all()) await box.uncheck();
    // Nothing ticked: refused with a readable message, the name kept.
    await form.getByRole("button", { name: "Create API key" }).click();
    await expect(form.getByText("Choose at least one thing the key may do")).toBeVisible();
    await expect(form.getByLabel("Key name")).toHaveValue(name);
    await form.getByLabel("links:read").check();
    await form.getByRole("button", { name: "Create API key" }).click();
    const key = ((await page.getByTestId("new-api-key").textContent()) ?? "").trim();
    expect(key).toMatch(/^cp_\S{20,}$/);
    await expect(page.getByTestId("api-keys-table").getByRole("row", { name: new RegExp(name) })).toContainText("links:read");
    await shot(page, "settings-scoped-key");

    const read = await request.get("/api/v1/links?limit=2", { headers: bearer(key) });
    expect(read.status()).toBe(200);
    expect(read.headers()["ratelimit-limit"]).toBe("600"); // the demo is on Team
    expect(Number(read.headers()["ratelimit-remaining"])).toBeLessThan(600);
    const write = await request.post("/api/v1/links", { headers: bearer(key), data: { url: "https://shop.example.com/nope" } });
    expect(write.status()).toBe(403);
    expect((await write.json()).error.message).toContain('lacks the "links:write" scope');
  });
});

test("the API reference shows every endpoint from the OpenAPI document", async ({ page, request }) => {
  const document = await request.get("/api/v1/openapi.json");
  expect(document.status()).toBe(200);
  const spec = (await document.json()) as { openapi: string; paths: Record<string, Record<string, { operationId: string }>> };
  expect(spec.openapi).toBe("3.1.0");
  const operationIds = Object.values(spec.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
  expect(operationIds).toEqual(expect.arrayContaining(["createLink", "createLinksInBulk", "listLinks", "createConversion"]));

  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { name: "API reference", level: 1 })).toBeVisible();
  for (const id of operationIds) await expect(page.getByTestId(`operation-${id}`)).toBeVisible();
  const bulk = page.getByTestId("operation-createLinksInBulk");
  await expect(bulk).toContainText("/api/v1/links/bulk");
  await bulk.getByRole("table", { name: /body/ }).getByRole("link", { name: "list of LinkCreate" }).click();
  await expect(page).toHaveURL(/#schema-LinkCreate$/);
  await expect(page.getByRole("table", { name: "LinkCreate fields" })).toContainText("slug");
  await shot(page, "api-reference");
  await page.screenshot({ path: "e2e/.tmp/screens/api-reference-top.png" });
  await bulk.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "e2e/.tmp/screens/api-reference-bulk.png" });
});

test("bulk creation answers one result per item, good items created despite bad ones", async ({ request }) => {
  const suffix = uniqueSuffix();
  const response = await request.post("/api/v1/links/bulk", {
    headers: bearer(),
    data: {
      items: [
        { url: "https://shop.example.com/a", slug: `bulk-a-${suffix}`, tags: ["e2e"] },
        { url: "javascript:alert(1)" },
        { url: "https://shop.example.com/b", slug: `bulk-a-${suffix}` },
        { url: "https://shop.example.com/c" },
      ],
    },
  });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { created: number; failed: number; results: { index: number; ok: boolean; error?: { code: string; details: { path: string }[] }; link?: { shortUrl: string } }[] };
  expect([body.created, body.failed]).toEqual([2, 2]);
  expect(body.results.map((r) => r.ok)).toEqual([true, false, false, true]);
  expect(body.results[1]!.error!.details[0]!.path).toBe("url");
  // The created short link redirects.
  const hop = await request.get(body.results[0]!.link!.shortUrl, { maxRedirects: 0 });
  expect(hop.status()).toBe(302);
  expect(hop.headers()["location"]).toContain("https://shop.example.com/a");
});
