import { describe, expect, it } from "vitest";
import { decideAttribution, type ClickCandidate, type PromoCandidate } from "@/lib/conversions/attribution";

const DAY = 86_400_000;
const occurredAt = new Date("2026-11-21T12:00:00Z");
const clickAt = (daysBefore: number): ClickCandidate => ({
  id: "click-1",
  createdAt: new Date(occurredAt.getTime() - daysBefore * DAY),
  linkId: "link-maya",
  creatorId: "maya",
  campaignId: "spring",
});
const promo: PromoCandidate = { code: "SOFIA10", creatorId: "sofia", campaignId: "summer" };
const base = { clickIdSent: undefined, click: null, promoSent: undefined, promo: null, occurredAt, windowDays: 30 };

describe("decideAttribution", () => {
  it("a click inside the window attributes to its link, creator and campaign", () => {
    expect(decideAttribution({ ...base, clickIdSent: "click-1", click: clickAt(3) })).toEqual({
      attribution: "click",
      reason: "Click id of a visit 3 days earlier, within the 30-day window",
      linkId: "link-maya",
      creatorId: "maya",
      campaignId: "spring",
    });
  });

  it("click id and promo code both valid: the click id wins, and the reason says so", () => {
    const result = decideAttribution({ ...base, clickIdSent: "click-1", click: clickAt(0), promoSent: "SOFIA10", promo });
    expect(result).toMatchObject({ attribution: "click", creatorId: "maya", reason: "Click id of a visit the same day, within the 30-day window; the click id takes precedence over promo code SOFIA10" });
  });

  it("a click past the window does not count; a promo code then decides", () => {
    expect(decideAttribution({ ...base, clickIdSent: "click-1", click: clickAt(31) })).toMatchObject({
      attribution: "none",
      reason: "Not attributed: the click is 31 days old, past the 30-day attribution window",
      creatorId: null,
    });
    expect(decideAttribution({ ...base, clickIdSent: "click-1", click: clickAt(31), promoSent: "SOFIA10", promo })).toEqual({
      attribution: "promo_code",
      reason: "Promo code SOFIA10 (the click is 31 days old, past the 30-day attribution window)",
      linkId: null,
      creatorId: "sofia",
      campaignId: "summer",
    });
    // the window is the workspace's own
    expect(decideAttribution({ ...base, clickIdSent: "click-1", click: clickAt(31), windowDays: 60 }).attribution).toBe("click");
  });

  it("an unknown click id attributes nothing, and says so", () => {
    expect(decideAttribution({ ...base, clickIdSent: "never-issued", click: null })).toMatchObject({
      attribution: "none",
      reason: "Not attributed: the click id is unknown (never issued, or its click was deleted)",
      linkId: null,
      creatorId: null,
      campaignId: null,
    });
  });

  it("a promo code alone attributes to its creator in its campaign; an unregistered one is explained", () => {
    expect(decideAttribution({ ...base, promoSent: "SOFIA10", promo })).toMatchObject({ attribution: "promo_code", reason: "Promo code SOFIA10", creatorId: "sofia" });
    expect(decideAttribution({ ...base, promoSent: "NOPE" }).reason).toBe("Not attributed: no click id was sent; promo code NOPE is not registered in this workspace");
  });

  it("nothing sent: kept, unattributed, saying why", () => {
    expect(decideAttribution(base)).toMatchObject({ attribution: "none", reason: "Neither a click id nor a promo code was sent" });
  });

  it("a conversion dated well before its click is not the click's (a few minutes of clock skew are)", () => {
    expect(decideAttribution({ ...base, clickIdSent: "click-1", click: clickAt(-1 / 24) }).attribution).toBe("none");
    expect(decideAttribution({ ...base, clickIdSent: "click-1", click: clickAt(-2 / 1440) }).attribution).toBe("click");
  });
});
