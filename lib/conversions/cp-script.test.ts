// /cp.js run in a sandbox with a stand-in page: the cookie it keeps, what track() sends.
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { CP_SCRIPT } from "@/lib/conversions/cp-script";

type Sent = { url: string; init: { method: string; body: string; headers: Record<string, string>; mode: string; credentials: string } };

function runOnPage(search: string, options: { cookie?: string; attrs?: Record<string, string>; protocol?: string; queued?: unknown[][] } = {}) {
  const cookies: string[] = [];
  let jar = options.cookie ?? "";
  const sent: Sent[] = [];
  const attrs: Record<string, string> = { "data-key": "pk_test", ...options.attrs };
  const document = {
    currentScript: { src: "https://app.clickproof.test/cp.js", getAttribute: (name: string) => attrs[name] ?? null },
    get cookie() {
      return jar;
    },
    set cookie(value: string) {
      cookies.push(value);
      const pair = value.split(";")[0] ?? "";
      jar = jar ? `${jar}; ${pair}` : pair;
    },
  };
  const window: Record<string, unknown> = options.queued ? { clickproof: { q: options.queued } } : {};
  const fetch = (url: string, init: Sent["init"]) => {
    sent.push({ url, init });
    return Promise.resolve({ ok: true, status: 201, json: () => Promise.resolve({ received: true }) });
  };
  vm.runInNewContext(CP_SCRIPT, { window, document, location: { search, protocol: options.protocol ?? "https:" }, fetch, URL });
  const api = window.clickproof as { track: (event: string, o?: Record<string, unknown>) => Promise<unknown>; clickId: () => string | undefined };
  return { api, cookies, sent, body: (i = 0) => JSON.parse(sent[i]?.init.body ?? "{}") };
}

describe("/cp.js", () => {
  it("is small: under 2 KB", () => {
    expect(Buffer.byteLength(CP_SCRIPT)).toBeLessThan(2048);
  });

  it("keeps the click id from the landing URL in a first-party cookie for the window", () => {
    const page = runOnPage("?utm_source=ig&cp_click=Zx9-abc_123&x=1", { attrs: { "data-days": "30" } });
    expect(page.cookies).toEqual(["_cp_click=Zx9-abc_123;max-age=2592000;path=/;SameSite=Lax;Secure"]);
    expect(page.api.clickId()).toBe("Zx9-abc_123");
    const other = runOnPage("?ref_click=abc", { attrs: { "data-param": "ref_click", "data-days": "7" }, protocol: "http:" });
    expect(other.cookies).toEqual(["_cp_click=abc;max-age=604800;path=/;SameSite=Lax"]);
  });

  it("writes nothing from a malformed id (no cookie attribute can be smuggled in)", () => {
    expect(runOnPage("?cp_click=abc;domain=evil.example").cookies).toEqual([]);
    expect(runOnPage("?cp_click=").cookies).toEqual([]);
    // a later visit without a click id keeps the one already stored
    const returning = runOnPage("?q=shoes", { cookie: "_cp_click=Stored123" });
    expect(returning.cookies).toEqual([]);
    expect(returning.api.clickId()).toBe("Stored123");
  });

  it("track() posts the conversion with the key and the stored click id to the app's /api/collect", async () => {
    const page = runOnPage("?cp_click=Zx9", {});
    await page.api.track("purchase", { value: 4999, currency: "EUR", orderId: 1001, promoCode: "SOFIA10" });
    expect(page.sent[0]?.url).toBe("https://app.clickproof.test/api/collect");
    expect(page.sent[0]?.init).toMatchObject({ method: "POST", mode: "cors", credentials: "omit", headers: { "Content-Type": "text/plain" } });
    expect(page.body()).toEqual({ key: "pk_test", event: "purchase", clickId: "Zx9", value: 4999, currency: "EUR", promoCode: "SOFIA10", externalId: "1001" });
  });

  it("makes an externalId when none is given, and sends calls queued before it loaded", async () => {
    const page = runOnPage("", { queued: [["signup", {}]] });
    await Promise.resolve();
    expect(page.body()).toMatchObject({ event: "signup", externalId: expect.stringMatching(/^signup-\d+-[a-z0-9]+$/) });
    expect(page.body().clickId).toBeUndefined();
  });
});
