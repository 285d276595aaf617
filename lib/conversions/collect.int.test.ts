// /api/collect: conversions from a brand's pages with a publishable key, accepted only from the
// key's allowed hostnames, with CORS headers only for them.
import { beforeAll, describe, expect, it } from "vitest";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { makeWorkspace, refusal } from "@/lib/testing/fixtures";

connectTestDatabase();
const collect = await import("@/app/api/collect/route");
const { createPublishableKey, revokePublishableKey, hostnameAllowed } = await import("@/lib/conversions/publishable-keys");
const { getDb } = await import("@/lib/db");

const send = (origin: string | null, body: unknown) =>
  collect.POST(
    new Request("http://localhost:3000/api/collect", {
      method: "POST",
      headers: { "content-type": "text/plain", ...(origin ? { origin } : {}) },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );

describe("POST /api/collect", () => {
  let ws: Awaited<ReturnType<typeof makeWorkspace>>;
  let key = "";
  beforeAll(async () => {
    await truncateAll();
    ws = await makeWorkspace("Shop brand");
    key = (await createPublishableKey(ws.workspace.id, { allowedHostnames: "shop.example.com, *.brand.example" })).key;
  });

  it("records a conversion from an allowed page, answering with CORS for that origin only", async () => {
    const response = await send("https://shop.example.com", { key, event: "purchase", value: 4999, currency: "USD", externalId: "web-1" });
    expect(response.status).toBe(201);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://shop.example.com");
    expect(await response.json()).toEqual({ received: true, externalId: "web-1", duplicate: false });
    const stored = await getDb().conversion.findUniqueOrThrow({ where: { workspaceId_externalId: { workspaceId: ws.workspace.id, externalId: "web-1" } } });
    expect(stored).toMatchObject({ source: "script", valueMinor: 4999, attribution: "none" });
    const again = await send("https://eu.brand.example", { key, event: "purchase", value: 4999, currency: "USD", externalId: "web-1" });
    expect([again.status, (await again.json()).duplicate]).toEqual([200, true]);
  });

  it("refuses pages not allowed, unknown or revoked keys — and writes nothing", async () => {
    const before = await getDb().conversion.count();
    const elsewhere = await send("https://evil.example.com", { key, event: "purchase", externalId: "evil-1" });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.headers.get("access-control-allow-origin")).toBeNull();
    expect((await send(null, { key, event: "purchase", externalId: "no-origin" })).status).toBe(403);
    expect((await send("https://shop.example.com", { key: "pk_made_up", event: "purchase", externalId: "x" })).status).toBe(401);
    const spare = await createPublishableKey(ws.workspace.id, { allowedHostnames: "shop.example.com" });
    await revokePublishableKey(ws.workspace.id, spare.id);
    expect((await send("https://shop.example.com", { key: spare.key, event: "purchase", externalId: "revoked" })).status).toBe(401);
    expect(await getDb().conversion.count()).toBe(before);
  });

  it("bad input: 422 with field paths (readable by the allowed page), nothing written", async () => {
    const before = await getDb().conversion.count();
    const bad = await send("https://shop.example.com", { key, event: "purchase", value: 10 });
    expect(bad.status).toBe(422);
    expect(bad.headers.get("access-control-allow-origin")).toBe("https://shop.example.com");
    expect((await bad.json()).error.details.map((d: { path: string }) => d.path)).toEqual(["externalId"]);
    expect((await send("https://shop.example.com", "{oops")).status).toBe(422);
    expect(await getDb().conversion.count()).toBe(before);
  });

  it("a publishable key cannot be made with anything but hostnames, nor on Free", async () => {
    const bad = await refusal(createPublishableKey(ws.workspace.id, { allowedHostnames: "https://shop.example.com/checkout" }));
    expect(bad.details).toEqual([{ path: "allowedHostnames.0", message: expect.stringContaining("Hostnames only") }]);
    expect((await refusal(createPublishableKey(ws.workspace.id, { allowedHostnames: " , " }))).details).toEqual([{ path: "allowedHostnames", message: "List at least one hostname, e.g. shop.example.com" }]);
    const free = await makeWorkspace("Free shop", "free");
    expect((await refusal(createPublishableKey(free.workspace.id, { allowedHostnames: "shop.example.com" }))).code).toBe("plan_required");
  });

  it("hostname matching: exact names, and *.domain for its subdomains only", () => {
    expect(hostnameAllowed("shop.example.com", ["shop.example.com"])).toBe(true);
    expect(hostnameAllowed("SHOP.example.com", ["shop.example.com"])).toBe(true);
    expect(hostnameAllowed("example.com", ["shop.example.com"])).toBe(false);
    expect(hostnameAllowed("eu.brand.example", ["*.brand.example"])).toBe(true);
    expect(hostnameAllowed("brand.example", ["*.brand.example"])).toBe(false);
    expect(hostnameAllowed("evilbrand.example", ["*.brand.example"])).toBe(false);
  });
});
