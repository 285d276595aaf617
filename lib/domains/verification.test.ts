import { describe, expect, it } from "vitest";
import { evaluateCheck, FAILING_GRACE_MS, routingOk, txtValue, type DnsAnswers, type DomainState } from "@/lib/domains/verification";

const token = "abc123";
const targets = { cname: "cname.clickproof.test", ips: ["203.0.113.7"] };
const now = new Date("2026-11-21T12:00:00Z");
const pending: DomainState = { status: "pending", verifiedAt: null, failingSince: null };
const verified: DomainState = { status: "verified", verifiedAt: new Date("2026-11-01T00:00:00Z"), failingSince: null };
const dns = (over: Partial<DnsAnswers> = {}): DnsAnswers => ({ txt: [], cname: [], a: [], ...over });

describe("evaluateCheck", () => {
  it("verifies when the TXT record holds the token, whatever else is there", () => {
    const result = evaluateCheck(pending, token, dns({ txt: ["google-site-verification=x", ` ${txtValue(token)} `] }), targets, now, false);
    expect(result).toMatchObject({ status: "verified", verifiedAt: now, failingSince: null, lastError: null, routingOk: false });
  });

  it("stays pending with the reason when the record is missing or holds another token", () => {
    expect(evaluateCheck(pending, token, dns(), targets, now, false)).toMatchObject({ status: "pending", verifiedAt: null, lastError: "No TXT record found" });
    expect(evaluateCheck(pending, token, dns({ txt: [txtValue("other")] }), targets, now, false).lastError).toMatch(/does not hold this domain's token/);
  });

  it("does not verify a host another workspace holds verified", () => {
    const result = evaluateCheck(pending, token, dns({ txt: [txtValue(token)] }), targets, now, true);
    expect(result).toMatchObject({ status: "pending", verifiedAt: null });
    expect(result.lastError).toMatch(/Another Clickproof workspace/);
  });

  it("keeps a verified domain serving for the grace period after its record disappears, then fails it", () => {
    const first = evaluateCheck(verified, token, dns(), targets, now, false);
    expect(first).toMatchObject({ status: "verified", verifiedAt: verified.verifiedAt, failingSince: now });
    const almost = evaluateCheck(first, token, dns(), targets, new Date(now.getTime() + FAILING_GRACE_MS - 1), false);
    expect(almost).toMatchObject({ status: "verified", failingSince: now });
    const over = evaluateCheck(almost, token, dns(), targets, new Date(now.getTime() + FAILING_GRACE_MS), false);
    expect(over).toMatchObject({ status: "failed", verifiedAt: null });
    // and the record coming back verifies it again, afresh
    const back = evaluateCheck(over, token, dns({ txt: [txtValue(token)] }), targets, new Date(now.getTime() + FAILING_GRACE_MS + 5), false);
    expect(back).toMatchObject({ status: "verified", failingSince: null, lastError: null });
  });

  it("clears a failing streak as soon as the record is seen again", () => {
    const failing = { ...verified, failingSince: now };
    expect(evaluateCheck(failing, token, dns({ txt: [txtValue(token)] }), targets, now, false)).toMatchObject({ status: "verified", failingSince: null, verifiedAt: verified.verifiedAt });
  });

  it("concludes nothing from a failed lookup", () => {
    const result = evaluateCheck(verified, token, dns({ error: "SERVFAIL" }), targets, now, false);
    expect(result).toMatchObject({ status: "verified", failingSince: null });
    expect(result.lastError).toMatch(/SERVFAIL/);
  });
});

describe("routingOk", () => {
  it("accepts our CNAME (any case, trailing dot) or one of our addresses", () => {
    expect(routingOk(dns({ cname: ["CNAME.clickproof.test."] }), targets)).toBe(true);
    expect(routingOk(dns({ a: ["203.0.113.7"] }), targets)).toBe(true);
    expect(routingOk(dns({ cname: ["elsewhere.example"] , a: ["198.51.100.1"] }), targets)).toBe(false);
    expect(routingOk(dns({ cname: ["cname.clickproof.test"] }), { cname: null, ips: [] })).toBe(false);
  });
});
