// What a DNS check means for a domain, as a pure function of what it was and what DNS said, so
// every transition is unit-tested without a network or a database.
import type { DomainStatus } from "@prisma/client";

/** The TXT record that proves a workspace controls a host lives under this label. */
export const VERIFY_LABEL = "_clickproof";
export const TXT_PREFIX = "clickproof-verify=";
/** A verified domain whose TXT record disappears keeps serving this long (DNS edits, provider blips). */
export const FAILING_GRACE_MS = 72 * 3_600_000;

export const verifyName = (hostname: string) => `${VERIFY_LABEL}.${hostname}`;
export const txtValue = (token: string) => `${TXT_PREFIX}${token}`;

export type DomainState = { status: DomainStatus; verifiedAt: Date | null; failingSince: Date | null };

export type DnsAnswers = {
  txt: string[];
  cname: string[];
  a: string[];
  /** a lookup failed (timeout, SERVFAIL): nothing is concluded from missing records */
  error?: string;
};

export type RoutingTargets = { cname: string | null; ips: string[] };

export type CheckResult = DomainState & { routingOk: boolean; lastError: string | null };

const bare = (name: string) => name.trim().toLowerCase().replace(/\.$/, "");

export function routingOk(answers: DnsAnswers, targets: RoutingTargets): boolean {
  const cname = targets.cname ? bare(targets.cname) : null;
  return (cname !== null && answers.cname.some((value) => bare(value) === cname)) || answers.a.some((ip) => targets.ips.includes(ip.trim()));
}

/**
 * The next state after a check. The TXT record decides ownership; routing is reported, not
 * required (a brand may verify first and switch the CNAME at launch). `heldElsewhere` is true when
 * another workspace holds the host verified: the record may be ours, but the host is not free.
 */
export function evaluateCheck(
  current: DomainState,
  token: string,
  answers: DnsAnswers,
  targets: RoutingTargets,
  now: Date,
  heldElsewhere: boolean,
): CheckResult {
  const routing = routingOk(answers, targets);
  if (answers.error) {
    // A failed lookup says nothing: keep the state, report the failure.
    return { ...current, routingOk: routing, lastError: `DNS lookup failed: ${answers.error}` };
  }
  const proven = answers.txt.some((value) => value.trim() === txtValue(token));
  if (proven && heldElsewhere) {
    return { status: "pending", verifiedAt: null, failingSince: null, routingOk: routing, lastError: "Another Clickproof workspace holds this domain verified. It can be verified here once removed there, or 72 hours after that workspace's TXT record is gone." };
  }
  if (proven) {
    return { status: "verified", verifiedAt: current.verifiedAt ?? now, failingSince: null, routingOk: routing, lastError: null };
  }
  const missing = answers.txt.length === 0 ? "No TXT record found" : "The TXT record does not hold this domain's token";
  if (current.status === "verified") {
    const since = current.failingSince ?? now;
    if (now.getTime() - since.getTime() >= FAILING_GRACE_MS) {
      return { status: "failed", verifiedAt: null, failingSince: since, routingOk: routing, lastError: `${missing}; the domain stopped serving after 72 hours` };
    }
    return { status: "verified", verifiedAt: current.verifiedAt, failingSince: since, routingOk: routing, lastError: `${missing}; the domain keeps serving until 72 hours after the first failed check` };
  }
  return { status: current.status, verifiedAt: null, failingSince: current.failingSince, routingOk: routing, lastError: missing };
}
