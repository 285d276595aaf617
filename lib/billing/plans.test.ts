import { Plan } from "@prisma/client";
import { describe, expect, it } from "vitest";
import {
  historyText,
  cheapestPlanAllowing,
  cheapestPlanWith,
  effectivePlan,
  graceEndsAt,
  hasFeature,
  limitOf,
  PAST_DUE_GRACE_DAYS,
  PLAN_IDS,
  planForLookupKey,
  planIncludes,
  PLANS,
  usagePeriod,
} from "@/lib/billing/plans";

const DAY = 86_400_000;
const now = new Date("2026-11-21T12:00:00Z");

describe("the plans table (../shared/docs/product.md)", () => {
  it("has the product's limits", () => {
    expect(PLANS.free.limits).toEqual({ linksPerMonth: 50, clicksPerMonth: 5_000, historyDays: 30, members: 1, brandedDomains: 0, apiRequestsPerMinute: 0 });
    expect(PLANS.single.limits).toEqual({ linksPerMonth: 2_000, clicksPerMonth: 100_000, historyDays: 365, members: 1, brandedDomains: 1, apiRequestsPerMinute: 120 });
    expect(PLANS.team.limits).toEqual({ linksPerMonth: 25_000, clicksPerMonth: 1_000_000, historyDays: 1_095, members: 10, brandedDomains: 5, apiRequestsPerMinute: 600 });
  });

  it("keeps campaigns, the API, conversions and creator pages off Free and on Single and Team", () => {
    for (const feature of ["campaigns", "api", "conversions", "creatorPages"] as const) {
      expect([hasFeature("free", feature), hasFeature("single", feature), hasFeature("team", feature)]).toEqual([false, true, true]);
      expect(cheapestPlanWith(feature).id).toBe("single");
    }
  });

  it("names the cheapest plan that allows a number, or none", () => {
    expect(cheapestPlanAllowing("linksPerMonth", 51)?.id).toBe("single");
    expect(cheapestPlanAllowing("members", 2)?.id).toBe("team");
    expect(cheapestPlanAllowing("members", 11)).toBeNull();
  });

  it("maps Stripe price lookup keys to a plan and interval, and nothing else", () => {
    expect(planForLookupKey("clickproof_team_yearly")).toEqual({ plan: "team", interval: "yearly" });
    expect(planForLookupKey("clickproof_single_monthly")).toEqual({ plan: "single", interval: "monthly" });
    expect(planForLookupKey("someone_elses_price")).toBeNull();
    expect(planForLookupKey(null)).toBeNull();
  });
});

describe("plan order", () => {
  it("is the database enum's order and the order of the plans' history (retention's GREATEST(plan, retainedPlan) relies on it)", () => {
    expect(Object.values(Plan)).toEqual([...PLAN_IDS]);
    const history = PLAN_IDS.map((id) => limitOf(id, "historyDays"));
    expect([...history].sort((a, b) => a - b)).toEqual(history);
    expect(new Set(history).size).toBe(history.length);
  });
});

describe("effectivePlan", () => {
  const team = { plan: "team" as const, billingStatus: "active", pastDueSince: null };

  it("is the plan paid for while the subscription is in good standing", () => {
    expect(effectivePlan(team, now)).toBe("team");
    expect(effectivePlan({ plan: "single", billingStatus: null, pastDueSince: null }, now)).toBe("single"); // set by the CLI
  });

  it(`keeps a past-due plan for ${PAST_DUE_GRACE_DAYS} days, then applies Free limits`, () => {
    const since = new Date(now.getTime() - 2 * DAY);
    const pastDue = { plan: "team" as const, billingStatus: "past_due", pastDueSince: since };
    expect(graceEndsAt(pastDue)).toEqual(new Date(since.getTime() + PAST_DUE_GRACE_DAYS * DAY));
    expect(effectivePlan(pastDue, now)).toBe("team");
    expect(planIncludes(pastDue, "campaigns", now)).toBe(true);
    const later = new Date(since.getTime() + PAST_DUE_GRACE_DAYS * DAY);
    expect(effectivePlan(pastDue, later)).toBe("free");
    expect(planIncludes(pastDue, "campaigns", later)).toBe(false);
  });

  it("has no grace period when nothing is past due", () => {
    expect(graceEndsAt(team)).toBeNull();
    expect(graceEndsAt({ plan: "free", billingStatus: "past_due", pastDueSince: now })).toBeNull();
  });
});

describe("usagePeriod", () => {
  const paid = { plan: "single" as const, billingStatus: "active", pastDueSince: null };

  it("is the subscription's current period while a paid plan is in force", () => {
    const start = new Date("2026-11-05T08:30:00Z");
    const end = new Date("2026-12-05T08:30:00Z");
    expect(usagePeriod({ ...paid, currentPeriodStart: start, currentPeriodEnd: end }, now)).toEqual({ start, end });
  });

  it("is the calendar month (UTC) on Free, without a period, or once the period has passed", () => {
    const month = { start: new Date("2026-11-01T00:00:00Z"), end: new Date("2026-12-01T00:00:00Z") };
    expect(usagePeriod({ plan: "free", billingStatus: null, pastDueSince: null, currentPeriodStart: null, currentPeriodEnd: null }, now)).toEqual(month);
    expect(usagePeriod({ ...paid, currentPeriodStart: null, currentPeriodEnd: null }, now)).toEqual(month);
    const stale = { ...paid, currentPeriodStart: new Date("2026-09-01T00:00:00Z"), currentPeriodEnd: new Date("2026-10-01T00:00:00Z") };
    expect(usagePeriod(stale, now)).toEqual(month);
    expect(usagePeriod({ ...paid, currentPeriodStart: null, currentPeriodEnd: null }, new Date("2026-12-31T23:59:59Z")).end).toEqual(new Date("2027-01-01T00:00:00Z"));
  });
});

describe("historyText", () => {
  it("says a history in days, or in years when it is whole years", () => {
    expect(historyText(30)).toBe("30 days");
    expect(historyText(365)).toBe("1 year");
    expect(historyText(3 * 365)).toBe("3 years");
  });
});
