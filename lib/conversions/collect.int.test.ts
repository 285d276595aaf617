// /api/collect: conversions from a brand's pages with a publishable key, accepted only from the
// key's allowed hostnames, with CORS headers only for them.
import { beforeAll, describe, expect, it } from "vitest";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { makeWorkspace, refusal } from "@/lib/testing/fixtures";

connectTestDatabase();
const collect = await import("@/app/api/collect/route");
const { createPublishableKey, revokePublishableKey, hostnameAllowed } = await import("@/lib/conversions/publishable-keys");
const { getDb } = await import("@/lib/db");
const { createApiRateLimiter, setApiRateLimiterForTests } = await import("@/lib/api/rate-limit");
const { resetEnvForTests } = await import("@/lib/env");

const send = (origin: string | null, body: unknown, address = "203.0.113.1") =>
  collect.POST(
    new Request("http://localhost:3000/api/collect", {
      method: "POST",
      // what lib/api/front-door.ts leaves: the socket's address
      headers: { "content-type": "text/plain", "x-forwarded-for": address, ...(origin ? { origin } : {}) },
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
    // anyone can hold a publishable key: a reused id with other fields tells nothing of the order
    const probe = await send("https://shop.example.com", { key, event: "signup", externalId: "web-1" });
    expect(probe.status).toBe(200);
    expect(await probe.json()).toEqual({ received: true, externalId: "web-1", duplicate: true });
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

  it("text the database cannot store is refused naming the field, not a 500", async () => {
    const before = await getDb().conversion.count();
    const nul = await send("https://shop.example.com", { key, event: "purchase", externalId: "nul\u0000id" });
    expect(nul.status).toBe(422);
    expect((await nul.json()).error.details[0].path).toBe("externalId");
    const surrogate = await send("https://shop.example.com", `{"key":"${key}","event":"purchase","externalId":"x","promoCode":"\\ud800"}`);
    expect(surrogate.status).toBe(422);
    expect(await getDb().conversion.count()).toBe(before);
  });

  it("is rate-limited per address and per key (a publishable key is public), 429 with Retry-After", async () => {
    process.env.COLLECT_PER_IP_PER_MINUTE = "3";
    process.env.COLLECT_PER_KEY_PER_MINUTE = "5";
    resetEnvForTests();
    const limiter = createApiRateLimiter();
    setApiRateLimiterForTests(limiter);
    try {
      const post = (n: number, address: string) => send("https://shop.example.com", { key, event: "purchase", value: 100, currency: "USD", externalId: `flood-${n}` }, address);
      const fromOne = [];
      for (let n = 0; n < 4; n++) fromOne.push((await post(n, "198.51.100.7")).status);
      expect(fromOne).toEqual([201, 201, 201, 429]);
      const refused = await post(99, "198.51.100.7");
      expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
      expect((await refused.json()).error.message).toContain("conversions from one address");
      // other addresses, the same key: the key's budget (5) runs out after two more
      expect((await post(10, "198.51.100.8")).status).toBe(201);
      expect((await post(11, "198.51.100.9")).status).toBe(201);
      const keySpent = await post(12, "198.51.100.10");
      expect(keySpent.status).toBe(429);
      expect((await keySpent.json()).error.message).toContain("this publishable key");
      expect(await getDb().conversion.count({ where: { externalId: { startsWith: "flood-" } } })).toBe(5);
    } finally {
      delete process.env.COLLECT_PER_IP_PER_MINUTE;
      delete process.env.COLLECT_PER_KEY_PER_MINUTE;
      resetEnvForTests();
      setApiRateLimiterForTests(undefined);
      await limiter.close();
    }
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
