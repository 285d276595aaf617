import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { makeWorkspace, refusal, testHosts } from "@/lib/testing/fixtures";

connectTestDatabase();
const { NextRequest } = await import("next/server");
const { middleware } = await import("@/middleware");
const domains = await import("@/lib/domains/domains");
const { staticResolver } = await import("@/lib/domains/dns");
const { txtValue, verifyName, FAILING_GRACE_MS } = await import("@/lib/domains/verification");
const { getServedDomain, clearDomainCache } = await import("@/lib/domains/serving");
const { createLink } = await import("@/lib/links/create-link");
const { clearLinkCache } = await import("@/lib/cache/link-cache");
const { getDb, getPool } = await import("@/lib/db");

type Ws = Awaited<ReturnType<typeof makeWorkspace>>;
const ctx = (ws: Ws) => ({ workspaceId: ws.workspace.id, hosts: testHosts });

/** A fake DNS holding the TXT records of the given domains (and our CNAME for each). */
function dnsFor(...list: { hostname: string; verificationToken: string }[]) {
  return staticResolver(
    Object.fromEntries(
      list.flatMap((d) => [
        [verifyName(d.hostname), { TXT: [txtValue(d.verificationToken)] }],
        [d.hostname, { CNAME: ["localhost"] }],
      ]),
    ),
  );
}

async function verifiedDomain(ws: Ws, hostname: string) {
  const domain = await domains.addDomain(ws.workspace.id, testHosts, { hostname });
  return domains.checkDomain(ws.workspace.id, domain.id, dnsFor(domain));
}

/** A visitor's request to the app, as middleware.ts receives it. */
function visit(host: string, path: string, method = "GET") {
  return middleware(new NextRequest(`http://${host}${path}`, { method, headers: { host, "user-agent": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) Safari/604.1", "x-forwarded-for": "81.2.69.142" } }));
}

async function clicksOf(linkId: string): Promise<number> {
  const { rows } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM "Click" WHERE "linkId" = $1`, [linkId]);
  return rows[0]!.n;
}

beforeEach(() => {
  clearDomainCache();
  clearLinkCache();
});

describe("adding a domain", () => {
  let ws: Ws;
  beforeAll(async () => {
    await truncateAll();
    ws = await makeWorkspace("Adds", "single");
  });

  it("stores the normalised host with a token and shows the records to create", async () => {
    const domain = await domains.addDomain(ws.workspace.id, testHosts, { hostname: " https://Go.Brand-One.com/ " });
    expect(domain).toMatchObject({ hostname: "go.brand-one.com", status: "pending", verifiedAt: null });
    expect(domain.verificationToken).toMatch(/^[0-9a-f]{32}$/);
    const records = domains.recordsToCreate(domain, { cname: "clk.clickproof.test", ips: ["203.0.113.7"] });
    expect(records).toEqual([
      expect.objectContaining({ type: "TXT", name: "_clickproof.go.brand-one.com", value: `clickproof-verify=${domain.verificationToken}` }),
      expect.objectContaining({ type: "CNAME", name: "go.brand-one.com", value: "clk.clickproof.test" }),
      expect.objectContaining({ type: "A", name: "go.brand-one.com", value: "203.0.113.7" }),
    ]);
  });

  it("counts domains against the plan (Single: one) and says which plan allows more", async () => {
    const error = await refusal(domains.addDomain(ws.workspace.id, testHosts, { hostname: "links.brand-one.com" }));
    expect(error.code).toBe("limit_reached");
    expect(error.message).toMatch(/Branded domains is 1/i);
    expect(error.details).toMatchObject({ limit: "brandedDomains", requiredPlan: "team" });
    const free = await makeWorkspace("Free", "free");
    expect((await refusal(domains.addDomain(free.workspace.id, testHosts, { hostname: "go.free-brand.com" }))).code).toBe("limit_reached");
  });

  it("refuses bad names, our own host, and a repeat, with the field named", async () => {
    const team = await makeWorkspace("Team");
    for (const [hostname, message] of [
      ["go.brand.com/path", /only the domain/],
      ["10.0.0.1", /IP address/],
      ["localhost:3000", /only the domain/],
    ] as const) {
      const error = await refusal(domains.addDomain(team.workspace.id, testHosts, { hostname }));
      expect(error.code).toBe("invalid_input");
      expect(error.details).toEqual([{ path: "hostname", message: expect.stringMatching(message) }]);
    }
    const ownHosts = { shortOrigin: "https://clk.clickproof.test", ownHosts: ["clk.clickproof.test"], ownAddresses: [] };
    expect((await refusal(domains.addDomain(team.workspace.id, ownHosts, { hostname: "clk.clickproof.test" }))).details).toEqual([{ path: "hostname", message: expect.stringMatching(/Clickproof's own/) }]);
    await domains.addDomain(team.workspace.id, testHosts, { hostname: "go.team-brand.com" });
    expect((await refusal(domains.addDomain(team.workspace.id, testHosts, { hostname: "GO.team-brand.com" }))).code).toBe("conflict");
  });
});

describe("verification", () => {
  let a: Ws;
  let b: Ws;
  beforeAll(async () => {
    await truncateAll();
    [a, b] = await Promise.all([makeWorkspace("A"), makeWorkspace("B")]);
  });

  it("stays pending with the reason until the TXT record holds the token, then serves", async () => {
    const domain = await domains.addDomain(a.workspace.id, testHosts, { hostname: "go.alpha.com" });
    const wrong = await domains.checkDomain(a.workspace.id, domain.id, staticResolver({ [verifyName("go.alpha.com")]: { TXT: [txtValue("not-it")] } }));
    expect(wrong).toMatchObject({ status: "pending", verifiedAt: null, lastError: expect.stringMatching(/does not hold/) });
    expect(await getServedDomain("go.alpha.com")).toBeNull();

    const ok = await domains.checkDomain(a.workspace.id, domain.id, dnsFor(domain), new Date(), testHosts);
    expect(ok).toMatchObject({ status: "verified", lastError: null, routingOk: true });
    expect(ok.lastCheckedAt).not.toBeNull();
    expect(await getServedDomain("go.alpha.com")).toMatchObject({ id: domain.id, workspaceId: a.workspace.id });
  });

  it("lets only one workspace hold a host verified, whatever both put in DNS", async () => {
    const claim = await domains.addDomain(b.workspace.id, testHosts, { hostname: "go.alpha.com" });
    const held = await domains.checkDomain(b.workspace.id, claim.id, dnsFor(claim));
    expect(held).toMatchObject({ status: "pending", lastError: expect.stringMatching(/Another Clickproof workspace/) });
    expect((await getServedDomain("go.alpha.com"))?.workspaceId).toBe(a.workspace.id);
  });

  it("is scoped: another workspace's domain id is not found", async () => {
    const [domain] = await domains.listDomains(a.workspace.id);
    expect((await refusal(domains.checkDomain(b.workspace.id, domain!.id, dnsFor(domain!)))).code).toBe("not_found");
    expect((await refusal(domains.removeDomain(b.workspace.id, domain!.id))).code).toBe("not_found");
    expect((await refusal(domains.setDomainFallback(b.workspace.id, domain!.id, testHosts, { fallbackUrl: "https://x.example" }))).code).toBe("not_found");
    expect(await domains.listDomains(b.workspace.id)).toHaveLength(1); // only its own pending claim
  });

  it("re-checks on a schedule: a vanished record keeps serving for the grace period, then stops", async () => {
    const c = await makeWorkspace("C");
    const domain = await verifiedDomain(c, "go.gamma.com");
    const empty = staticResolver({});
    const later = new Date(Date.now() + domains.RECHECK_VERIFIED_MS + 60_000);
    expect(await domains.recheckDueDomains(empty, later)).toBeGreaterThanOrEqual(1);
    const failing = await domains.getDomain(c.workspace.id, domain.id);
    expect(failing).toMatchObject({ status: "verified", failingSince: later });
    expect(await getServedDomain("go.gamma.com")).not.toBeNull();

    const afterGrace = new Date(later.getTime() + FAILING_GRACE_MS);
    await domains.recheckDueDomains(empty, afterGrace);
    expect(await domains.getDomain(c.workspace.id, domain.id)).toMatchObject({ status: "failed", verifiedAt: null });
    expect(await getServedDomain("go.gamma.com")).toBeNull();
  });

  it("re-checks pending domains every 10 minutes for a week, verified ones every 6 hours", async () => {
    const d = await makeWorkspace("D");
    const domain = await domains.addDomain(d.workspace.id, testHosts, { hostname: "go.delta.com" });
    const checkedAt = async () => (await domains.getDomain(d.workspace.id, domain.id)).lastCheckedAt?.getTime() ?? null;
    const t0 = Date.now();
    const at = (ms: number) => new Date(t0 + ms);
    await domains.recheckDueDomains(staticResolver({}), at(0)); // no record yet: still pending
    expect(await checkedAt()).toBe(t0);
    await domains.recheckDueDomains(staticResolver({}), at(domains.RECHECK_PENDING_MS - 1_000));
    expect(await checkedAt()).toBe(t0); // not due yet
    await domains.recheckDueDomains(dnsFor(domain), at(domains.RECHECK_PENDING_MS));
    expect((await domains.getDomain(d.workspace.id, domain.id)).status).toBe("verified");
    await domains.recheckDueDomains(staticResolver({}), at(domains.RECHECK_PENDING_MS + 20 * 60_000));
    expect(await checkedAt()).toBe(t0 + domains.RECHECK_PENDING_MS); // verified: not due for 6 hours

    const stale = await makeWorkspace("Stale");
    const old = await domains.addDomain(stale.workspace.id, testHosts, { hostname: "go.old-pending.com" });
    await getDb().domain.update({ where: { id: old.id }, data: { createdAt: new Date(t0 - 8 * 86_400_000) } });
    await domains.recheckDueDomains(dnsFor(old), at(0));
    expect((await domains.getDomain(stale.workspace.id, old.id)).lastCheckedAt).toBeNull(); // pending for over a week: left alone
  });
});

describe("links on branded domains, routed by Host", () => {
  let a: Ws;
  let b: Ws;
  beforeAll(async () => {
    await truncateAll();
    [a, b] = await Promise.all([makeWorkspace("Alpha"), makeWorkspace("Beta")]);
    await verifiedDomain(a, "go.alpha.com");
    await verifiedDomain(b, "go.beta.com");
  });

  it("keeps slugs unique per domain: one slug on two domains, twice on one refused", async () => {
    const onA = await createLink(ctx(a), { url: "https://alpha.example/shop", slug: "maya", domain: "go.alpha.com" });
    const onB = await createLink(ctx(b), { url: "https://beta.example/shop", slug: "maya", domain: "GO.BETA.COM" });
    const onDefault = await createLink(ctx(a), { url: "https://alpha.example/default", slug: "maya" });
    expect([onA.domain, onB.domain, onDefault.domain]).toEqual(["go.alpha.com", "go.beta.com", ""]);
    expect((await refusal(createLink(ctx(a), { url: "https://alpha.example/2", slug: "maya", domain: "go.alpha.com" }))).code).toBe("conflict");
    // words the app keeps for itself are free on a branded domain
    expect((await createLink(ctx(a), { url: "https://alpha.example/login", slug: "login", domain: "go.alpha.com" })).slug).toBe("login");
  });

  it("refuses a domain the workspace does not hold verified", async () => {
    const pending = await domains.addDomain(a.workspace.id, testHosts, { hostname: "go.alpha-pending.com" });
    for (const domain of [pending.hostname, "go.beta.com", "nowhere.example.com"]) {
      const error = await refusal(createLink(ctx(a), { url: "https://alpha.example/x", domain }));
      expect(error.details).toEqual([{ path: "domain", message: expect.stringMatching(/not a verified domain of this workspace/) }]);
    }
  });

  it("serves each host's own slugs only, and counts the click", async () => {
    const [alphaLink] = await getDb().link.findMany({ where: { workspaceId: a.workspace.id, domain: "go.alpha.com", slug: "maya" } });
    const before = await clicksOf(alphaLink!.id);
    const alpha = await visit("go.alpha.com", "/maya?ref=story");
    expect(alpha.status).toBe(302);
    expect(alpha.headers.get("location")).toMatch(/^https:\/\/alpha\.example\/shop\?ref=story&cp_click=/);
    expect(await clicksOf(alphaLink!.id)).toBe(before + 1);

    expect((await visit("go.beta.com", "/maya")).headers.get("location")).toMatch(/^https:\/\/beta\.example\/shop/);
    expect((await visit("localhost:3000", "/maya")).headers.get("location")).toMatch(/^https:\/\/alpha\.example\/default/);
    // a branded slug is not a default-domain slug, and "login" on the app's host is the app's page
    expect((await visit("go.beta.com", "/login")).headers.get("x-middleware-rewrite")).toMatch(/\/link-not-found$/);
    expect((await visit("localhost:3000", "/login")).headers.get("x-middleware-next")).toBe("1");
    expect((await visit("go.alpha.com", "/login")).headers.get("location")).toMatch(/^https:\/\/alpha\.example\/login\?cp_click=/);
  });

  it("sends the root, unknown slugs and any other path to the fallback, or to our not-found page without one", async () => {
    // a look-alike of "maya" (Cyrillic а) or "maya." is no slug of this host; "/MAYA" is its maya (the slug rule)
    for (const path of ["/", "/nope", "/w/anything", "/m%D0%B0ya", "/maya."]) {
      expect((await visit("go.beta.com", path)).headers.get("x-middleware-rewrite"), path).toMatch(/\/link-not-found$/);
    }
    expect((await visit("go.beta.com", "/MAYA")).headers.get("location")).toMatch(/^https:\/\/beta\.example\/shop/);
    const [beta] = await domains.listDomains(b.workspace.id);
    await domains.setDomainFallback(b.workspace.id, beta!.id, testHosts, { fallbackUrl: "https://beta.example/" });
    for (const path of ["/", "/nope", "/w/anything"]) {
      const response = await visit("go.beta.com", path);
      expect(response.status, path).toBe(302);
      expect(response.headers.get("location")).toBe("https://beta.example/");
    }
    const loop = await refusal(domains.setDomainFallback(b.workspace.id, beta!.id, testHosts, { fallbackUrl: "https://go.beta.com/home" }));
    expect(loop.details).toEqual([{ path: "fallbackUrl", message: expect.stringMatching(/loop/) }]);
    expect((await refusal(domains.setDomainFallback(b.workspace.id, beta!.id, testHosts, { fallbackUrl: "javascript:alert(1)" }))).code).toBe("invalid_input");
  });

  it("an unverified host serves nobody's links nor the app's pages; a removed one stops at once", async () => {
    const [defaultMaya] = await getDb().link.findMany({ where: { domain: "", slug: "maya" } });
    const before = await clicksOf(defaultMaya!.id);
    // pending: every path is our not-found page — never the default domain's /maya, never /login
    for (const path of ["/maya", "/login", "/"]) {
      expect((await visit("go.alpha-pending.com", path)).headers.get("x-middleware-rewrite"), path).toMatch(/\/link-not-found$/);
    }
    const [alpha] = (await domains.listDomains(a.workspace.id)).filter((d) => d.hostname === "go.alpha.com");
    await domains.removeDomain(a.workspace.id, alpha!.id);
    expect(await getServedDomain("go.alpha.com")).toBeNull();
    expect((await visit("go.alpha.com", "/maya")).headers.get("x-middleware-rewrite")).toMatch(/\/link-not-found$/);
    expect(await clicksOf(defaultMaya!.id)).toBe(before);
    expect((await domains.listDomains(a.workspace.id)).map((d) => d.hostname)).not.toContain("go.alpha.com");
  });

  it("a removed domain can be added again, and is verified afresh", async () => {
    const again = await domains.addDomain(a.workspace.id, testHosts, { hostname: "go.alpha.com" });
    expect(again).toMatchObject({ status: "pending", verifiedAt: null, fallbackUrl: null });
    await domains.removeDomain(a.workspace.id, again.id);
  });

  it("refuses destinations and fallbacks on a domain we serve (they would loop)", async () => {
    const looping = await refusal(createLink(ctx(b), { url: "https://go.beta.com/maya" }));
    expect(looping.details).toEqual([{ path: "url", message: expect.stringMatching(/loop/) }]);
    const expired = await refusal(createLink(ctx(a), { url: "https://alpha.example/", expiredUrl: "https://GO.BETA.COM/x" }));
    expect(expired.details).toEqual([{ path: "expiredUrl", message: expect.stringMatching(/loop/) }]);
    const [beta] = await domains.listDomains(b.workspace.id);
    const c = await makeWorkspace("Gamma");
    const gamma = await verifiedDomain(c, "go.gamma-two.com");
    const fallback = await refusal(domains.setDomainFallback(c.workspace.id, gamma.id, testHosts, { fallbackUrl: `https://${beta!.hostname}/` }));
    expect(fallback.details).toEqual([{ path: "fallbackUrl", message: expect.stringMatching(/loop/) }]);
  });

  it("a host that moves to another workspace never serves its previous holder's links", async () => {
    const claim = await verifiedDomain(b, "go.alpha.com");
    expect(claim.status).toBe("verified");
    const response = await visit("go.alpha.com", "/maya");
    expect(response.headers.get("x-middleware-rewrite")).toMatch(/\/link-not-found$/);
  });

  it("after a downgrade serves the oldest verified domains the plan allows, never a pending one's slot; the others serve nobody", async () => {
    // Beta: go.beta.com (verified first), go.alpha.com (verified later), and a pending domain added before both
    await getDb().domain.updateMany({ where: { workspaceId: b.workspace.id }, data: { createdAt: new Date("2026-01-02T00:00:00Z") } });
    await getDb().domain.updateMany({ where: { workspaceId: b.workspace.id, hostname: "go.alpha.com" }, data: { createdAt: new Date("2026-01-03T00:00:00Z") } });
    await getDb().domain.create({ data: { workspaceId: b.workspace.id, hostname: "go.beta-old.com", verificationToken: "x", createdAt: new Date("2026-01-01T00:00:00Z") } });
    await getDb().workspace.update({ where: { id: b.workspace.id }, data: { plan: "single" } });
    clearDomainCache();
    expect(await getServedDomain("go.beta.com")).not.toBeNull();
    expect(await getServedDomain("go.alpha.com")).toBeNull();
    await getDb().workspace.update({ where: { id: b.workspace.id }, data: { plan: "free" } });
    clearDomainCache();
    expect(await getServedDomain("go.beta.com")).toBeNull();
    // its slug is not read as the default domain's (workspace A has a default-domain /maya)
    expect((await visit("go.beta.com", "/maya")).headers.get("x-middleware-rewrite")).toMatch(/\/link-not-found$/);
    await getDb().workspace.update({ where: { id: b.workspace.id }, data: { plan: "team" } });
    clearDomainCache();
    expect(await getServedDomain("go.beta.com")).not.toBeNull();
  });
});
