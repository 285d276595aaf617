import { describe, expect, it } from "vitest";
import { billingPatch, type CurrentBilling, type SubscriptionSnapshot } from "@/lib/billing/subscription";

const at = new Date("2026-11-21T10:00:00Z");
const periodStart = new Date("2026-11-21T10:00:00Z");
const periodEnd = new Date("2026-12-21T10:00:00Z");
const sub = (patch: Partial<SubscriptionSnapshot> = {}): SubscriptionSnapshot => ({
  id: "sub_1",
  customerId: "cus_1",
  status: "active",
  lookupKey: "clickproof_team_monthly",
  periodStart,
  periodEnd,
  cancelAtPeriodEnd: false,
  ...patch,
});
const free: CurrentBilling = { plan: "free", stripeSubscriptionId: null, billingStatus: null, pastDueSince: null };
const onTeam: CurrentBilling = { plan: "team", stripeSubscriptionId: "sub_1", billingStatus: "active", pastDueSince: null };

describe("billingPatch", () => {
  it("an active subscription sets the plan its price buys, with the period", () => {
    expect(billingPatch(free, sub(), at)).toEqual({
      plan: "team",
      stripeSubscriptionId: "sub_1",
      stripeCustomerId: "cus_1",
      billingStatus: "active",
      billingInterval: "monthly",
      currentPeriodStart: periodStart,
      currentPeriodEnd: periodEnd,
      cancelAtPeriodEnd: false,
      pastDueSince: null,
    });
    expect(billingPatch(free, sub({ lookupKey: "clickproof_single_yearly" }), at)).toMatchObject({ plan: "single", billingInterval: "yearly" });
  });

  it("a cancelled, expired, incomplete or paused subscription means Free", () => {
    for (const status of ["canceled", "incomplete_expired", "incomplete", "paused"] as const) {
      expect(billingPatch(onTeam, sub({ status }), at)).toMatchObject({ plan: "free", billingStatus: status, currentPeriodEnd: null, pastDueSince: null });
    }
  });

  it("past due keeps the plan and starts the grace period once; paying ends it", () => {
    const first = billingPatch(onTeam, sub({ status: "past_due" }), at);
    expect(first).toMatchObject({ plan: "team", billingStatus: "past_due", pastDueSince: at });
    const retried = billingPatch({ ...onTeam, billingStatus: "past_due", pastDueSince: at }, sub({ status: "past_due" }), new Date("2026-11-24T10:00:00Z"));
    expect(retried?.pastDueSince).toEqual(at);
    expect(billingPatch({ ...onTeam, billingStatus: "past_due", pastDueSince: at }, sub(), at)).toMatchObject({ plan: "team", pastDueSince: null });
  });

  it("an old subscription's end does not touch a workspace on a newer live one", () => {
    const onNewer = { ...onTeam, stripeSubscriptionId: "sub_2" };
    expect(billingPatch(onNewer, sub({ id: "sub_1", status: "canceled" }), at)).toBeNull();
    // …but a newer live subscription replaces an ended one
    expect(billingPatch({ ...onTeam, plan: "free", billingStatus: "canceled" }, sub({ id: "sub_3" }), at)).toMatchObject({ plan: "team", stripeSubscriptionId: "sub_3" });
  });

  it("ignores a live subscription to a price Clickproof does not sell", () => {
    expect(billingPatch(free, sub({ lookupKey: "unknown_price" }), at)).toBeNull();
    expect(billingPatch(free, sub({ lookupKey: null }), at)).toBeNull();
  });

  it("cancel at period end keeps the plan until Stripe ends the subscription", () => {
    expect(billingPatch(onTeam, sub({ cancelAtPeriodEnd: true }), at)).toMatchObject({ plan: "team", cancelAtPeriodEnd: true });
  });
});
