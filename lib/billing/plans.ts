// The one plans config: every plan's limits, features and Stripe price lookup keys, and the pure
// rules that turn a workspace's billing state into what it may do. Gates (lib/billing/gates.ts),
// usage (lib/billing/usage.ts), the webhook sync and every page read this file; nothing else
// hard-codes a limit. Table: ../shared/docs/product.md "Plans".
import type { Plan } from "@prisma/client";

export type PlanId = Plan;
export const PLAN_IDS = ["free", "single", "team"] as const satisfies readonly PlanId[];

export const FEATURES = {
  campaigns: "Campaign tagging and comparison views",
  api: "REST API and bulk generation",
  conversions: "Conversion tracking",
  creatorPages: "Creator performance pages",
} as const;
export type Feature = keyof typeof FEATURES;

export const LIMITS = {
  linksPerMonth: "Links created per month",
  clicksPerMonth: "Clicks tracked per month",
  historyDays: "Analytics history",
  members: "Members",
  brandedDomains: "Branded domains",
  apiRequestsPerMinute: "API requests per minute, per key",
} as const;
export type Limit = keyof typeof LIMITS;

export type BillingInterval = "monthly" | "yearly";

export type PlanDefinition = {
  id: PlanId;
  name: string;
  summary: string;
  limits: Record<Limit, number>;
  features: Record<Feature, boolean>;
  /** Stripe price lookup keys; null for Free, which is never bought. */
  prices: Record<BillingInterval, string> | null;
};

export const PLANS: Record<PlanId, PlanDefinition> = {
  free: {
    id: "free",
    name: "Free",
    summary: "Per-creator links and click analytics.",
    limits: { linksPerMonth: 50, clicksPerMonth: 5_000, historyDays: 30, members: 1, brandedDomains: 0, apiRequestsPerMinute: 0 },
    features: { campaigns: false, api: false, conversions: false, creatorPages: false },
    prices: null,
  },
  single: {
    id: "single",
    name: "Single",
    summary: "One brand running creator campaigns, with the API.",
    limits: { linksPerMonth: 2_000, clicksPerMonth: 100_000, historyDays: 365, members: 1, brandedDomains: 1, apiRequestsPerMinute: 120 },
    features: { campaigns: true, api: true, conversions: true, creatorPages: true },
    prices: { monthly: "clickproof_single_monthly", yearly: "clickproof_single_yearly" },
  },
  team: {
    id: "team",
    name: "Team",
    summary: "A team sharing creator programmes at scale.",
    limits: { linksPerMonth: 25_000, clicksPerMonth: 1_000_000, historyDays: 3 * 365, members: 10, brandedDomains: 5, apiRequestsPerMinute: 600 },
    features: { campaigns: true, api: true, conversions: true, creatorPages: true },
    prices: { monthly: "clickproof_team_monthly", yearly: "clickproof_team_yearly" },
  },
};

/** An analytics history as people say it: "30 days", "1 year", "3 years". */
export function historyText(days: number): string {
  return days % 365 === 0 ? `${days / 365} year${days === 365 ? "" : "s"}` : `${days} days`;
}

/** Days a past-due subscription keeps its plan while Stripe retries the payment. */
export const PAST_DUE_GRACE_DAYS = 7;
/** Usage at or above this share of a limit is flagged in settings. */
export const USAGE_WARNING_SHARE = 0.8;

export type BillingState = {
  plan: PlanId;
  billingStatus: string | null;
  pastDueSince: Date | null;
};

const DAY_MS = 86_400_000;

/** When a past-due workspace falls back to Free limits; null when it is not past due. */
export function graceEndsAt(state: BillingState): Date | null {
  if (state.plan === "free" || !state.pastDueSince) return null;
  if (state.billingStatus !== "past_due" && state.billingStatus !== "unpaid") return null;
  return new Date(state.pastDueSince.getTime() + PAST_DUE_GRACE_DAYS * DAY_MS);
}

/**
 * The plan whose limits apply now. A paid plan stays in force while its payment is past due,
 * for the grace period; after it, Free limits apply (nothing is deleted: what exceeds them is
 * read-only until the payment goes through).
 */
export function effectivePlan(state: BillingState, now: Date = new Date()): PlanId {
  const graceEnd = graceEndsAt(state);
  if (graceEnd && now >= graceEnd) return "free";
  return state.plan;
}

/** What the gates and the usage meter read from a workspace row. */
export type WorkspaceBilling = BillingState & { currentPeriodStart: Date | null; currentPeriodEnd: Date | null };

/**
 * The period usage is counted over: the subscription's current billing period while a paid plan
 * is in force, otherwise the calendar month (UTC).
 */
export function usagePeriod(state: WorkspaceBilling, now: Date = new Date()): { start: Date; end: Date } {
  const { currentPeriodStart: start, currentPeriodEnd: end } = state;
  if (effectivePlan(state, now) !== "free" && start && end && start <= now && now < end) return { start, end };
  return {
    start: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
    end: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)),
  };
}

export function hasFeature(plan: PlanId, feature: Feature): boolean {
  return PLANS[plan].features[feature];
}

/** Whether the plan in force now includes a feature. */
export function planIncludes(state: BillingState, feature: Feature, now: Date = new Date()): boolean {
  return hasFeature(effectivePlan(state, now), feature);
}

export function limitOf(plan: PlanId, limit: Limit): number {
  return PLANS[plan].limits[limit];
}

/** The plans that include a feature, cheapest first. */
export function plansWith(feature: Feature): PlanDefinition[] {
  return PLAN_IDS.map((id) => PLANS[id]).filter((candidate) => candidate.features[feature]);
}

/** The cheapest plan that unlocks a feature (for "upgrade to …" messages). */
export function cheapestPlanWith(feature: Feature): PlanDefinition {
  const plan = plansWith(feature)[0];
  if (!plan) throw new Error(`No plan includes ${feature}`);
  return plan;
}

/** The cheapest plan whose limit is above `needed` (null when none is). */
export function cheapestPlanAllowing(limit: Limit, needed: number): PlanDefinition | null {
  return PLAN_IDS.map((id) => PLANS[id]).find((candidate) => candidate.limits[limit] >= needed) ?? null;
}

/** The plan a Stripe price lookup key buys, with its interval; null for a key we do not sell. */
export function planForLookupKey(lookupKey: string | null | undefined): { plan: PlanId; interval: BillingInterval } | null {
  if (!lookupKey) return null;
  for (const id of PLAN_IDS) {
    const prices = PLANS[id].prices;
    if (!prices) continue;
    for (const interval of ["monthly", "yearly"] as const) {
      if (prices[interval] === lookupKey) return { plan: id, interval };
    }
  }
  return null;
}

export function isPlanId(value: string): value is PlanId {
  return (PLAN_IDS as readonly string[]).includes(value);
}
