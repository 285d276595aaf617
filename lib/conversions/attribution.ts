// The one attribution rule, pure so it can be read and tested as a table:
//   1. A click id that belongs to this workspace, for a click no more than the attribution window
//      before the conversion, wins — it is evidence of this very visit.
//   2. Otherwise a promo code registered in this workspace attributes to its creator and campaign.
//   3. Otherwise the conversion is kept, unattributed, with the reason.
// (A click id of another workspace's never reaches this rule: lib/conversions/record.ts refuses
// the conversion outright, so no endpoint attributes to another workspace's links.)
export type ClickCandidate = { id: string; createdAt: Date; linkId: string; creatorId: string | null; campaignId: string | null };
export type PromoCandidate = { code: string; creatorId: string; campaignId: string };

export type Attribution = {
  attribution: "click" | "promo_code" | "none";
  reason: string;
  linkId: string | null;
  creatorId: string | null;
  campaignId: string | null;
};

/** A conversion may be timestamped slightly before its click by clocks that disagree. */
const CLOCK_SKEW_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

type Input = {
  clickIdSent: string | undefined;
  click: ClickCandidate | null;
  promoSent: string | undefined;
  promo: PromoCandidate | null;
  occurredAt: Date;
  windowDays: number;
};

function clickVerdict({ clickIdSent, click, occurredAt, windowDays }: Input): { usable: true } | { usable: false; why: string } {
  if (!clickIdSent) return { usable: false, why: "no click id was sent" };
  if (!click) return { usable: false, why: "the click id is unknown (never issued, or its click was deleted)" };
  const age = occurredAt.getTime() - click.createdAt.getTime();
  if (age < -CLOCK_SKEW_MS) return { usable: false, why: "the conversion is dated before its click" };
  if (age > windowDays * DAY_MS) {
    return { usable: false, why: `the click is ${Math.floor(age / DAY_MS)} days old, past the ${windowDays}-day attribution window` };
  }
  return { usable: true };
}

export function decideAttribution(input: Input): Attribution {
  const verdict = clickVerdict(input);
  const { click, promo, promoSent } = input;
  if (verdict.usable && click) {
    const days = Math.max(0, Math.floor((input.occurredAt.getTime() - click.createdAt.getTime()) / DAY_MS));
    const since = days === 0 ? "the same day" : `${days} day${days === 1 ? "" : "s"} earlier`;
    const overPromo = promoSent ? `; the click id takes precedence over promo code ${promoSent}` : "";
    return { attribution: "click", reason: `Click id of a visit ${since}, within the ${input.windowDays}-day window${overPromo}`, linkId: click.linkId, creatorId: click.creatorId, campaignId: click.campaignId };
  }
  const why = "why" in verdict ? verdict.why : "";
  if (promo) {
    const clickNote = input.clickIdSent ? ` (${why})` : "";
    return { attribution: "promo_code", reason: `Promo code ${promo.code}${clickNote}`, linkId: null, creatorId: promo.creatorId, campaignId: promo.campaignId };
  }
  const promoNote = promoSent ? `; promo code ${promoSent} is not registered in this workspace` : "";
  const reason = !input.clickIdSent && !promoSent ? "Neither a click id nor a promo code was sent" : `Not attributed: ${why}${promoNote}`;
  return { attribution: "none", reason, linkId: null, creatorId: null, campaignId: null };
}
