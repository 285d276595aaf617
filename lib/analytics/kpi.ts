// The KPI definitions of product.md, in one place. The SQL aggregates below define the counts over
// raw "Click" rows; the rollups that analytics read (LinkHourlyStat, LinkDailyStat, maintained by
// lib/clicks/writer.ts) implement the same definitions, and rollups.int.test.ts holds them equal.
//
// - clicks: redirects served to humans (bots and link-preview fetchers excluded)
// - filtered: the bot and preview hits, counted apart
// - unique clicks: distinct visitors per link per UTC day (a visitor is a hash of IP + user
//   agent under a salt that rotates daily, so one visitor on two days counts twice by design)
export const CLICKS_SQL = `count(*) FILTER (WHERE NOT "isBot")::int`;
export const FILTERED_SQL = `count(*) FILTER (WHERE "isBot")::int`;
export const UNIQUE_CLICKS_SQL = `count(DISTINCT ("linkId", "visitorHash", ("createdAt" AT TIME ZONE 'UTC')::date)) FILTER (WHERE NOT "isBot")::int`;

export type ClickTotals = { clicks: number; uniqueClicks: number; filteredClicks: number };

// ---------------------------------------------------------------------------------------------
// Derived KPIs. Every ratio is null when its denominator is missing or zero: "no data" must never
// print as 0 % or ∞. Money is in minor units (cents) of one currency.

export type CostTerms = {
  flatFeeMinor: number;
  giftedValueMinor: number;
  /** commission on attributed revenue, as a fraction (0.1 = 10 %) */
  commissionRate: number;
};

export type PerformanceFacts = ClickTotals & {
  /** the creator's follower count on the post's platform when the post went live */
  followers: number | null;
  conversions: number;
  purchases: number;
  revenueMinor: number;
  terms: CostTerms | null;
};

export type Kpis = {
  clicks: number;
  uniqueClicks: number;
  filteredClicks: number;
  followers: number | null;
  /** unique clicks ÷ followers */
  audienceCtr: number | null;
  conversions: number;
  /** conversions ÷ unique clicks */
  conversionRate: number | null;
  revenueMinor: number;
  /** revenue ÷ purchases */
  aovMinor: number | null;
  /** flat fee + gifted value + commission on attributed revenue; null when no terms were agreed */
  costMinor: number | null;
  /** cost ÷ clicks */
  cpcMinor: number | null;
  /** cost ÷ conversions */
  cpaMinor: number | null;
  /** revenue ÷ cost */
  roas: number | null;
};

const ratio = (numerator: number, denominator: number | null): number | null =>
  denominator && denominator > 0 ? numerator / denominator : null;

export function costOf(terms: CostTerms | null, revenueMinor: number): number | null {
  if (!terms) return null;
  return terms.flatFeeMinor + terms.giftedValueMinor + Math.round(terms.commissionRate * revenueMinor);
}

export function computeKpis(facts: PerformanceFacts): Kpis {
  const cost = costOf(facts.terms, facts.revenueMinor);
  return {
    clicks: facts.clicks,
    uniqueClicks: facts.uniqueClicks,
    filteredClicks: facts.filteredClicks,
    followers: facts.followers,
    audienceCtr: ratio(facts.uniqueClicks, facts.followers),
    conversions: facts.conversions,
    conversionRate: ratio(facts.conversions, facts.uniqueClicks),
    revenueMinor: facts.revenueMinor,
    aovMinor: ratio(facts.revenueMinor, facts.purchases),
    costMinor: cost,
    cpcMinor: cost === null ? null : ratio(cost, facts.clicks),
    cpaMinor: cost === null ? null : ratio(cost, facts.conversions),
    roas: cost === null ? null : ratio(facts.revenueMinor, cost),
  };
}

// ---------------------------------------------------------------------------------------------
// Timing: clicks by time since the post went live.

export const TIMING_BUCKETS = [
  { key: "0-1h", label: "First hour", upToHours: 1 },
  { key: "1-3h", label: "1–3 h", upToHours: 3 },
  { key: "3-6h", label: "3–6 h", upToHours: 6 },
  { key: "6-12h", label: "6–12 h", upToHours: 12 },
  { key: "12-24h", label: "12–24 h", upToHours: 24 },
  { key: "1-3d", label: "1–3 d", upToHours: 72 },
  { key: "3-7d", label: "3–7 d", upToHours: 168 },
  { key: "later", label: "Later", upToHours: Number.POSITIVE_INFINITY },
] as const;
export type TimingBucketKey = (typeof TIMING_BUCKETS)[number]["key"];

/** The bucket of a click that arrived `hours` after the post (clicks before it count as first hour). */
export function timingBucket(hours: number): TimingBucketKey {
  return TIMING_BUCKETS.find((b) => hours < b.upToHours)?.key ?? "later";
}

/** Click counts per bucket, from counts per whole hour since the post (hour 0 = first hour). */
export function timingFromHourly(countsByHour: ReadonlyMap<number, number>): Record<TimingBucketKey, number> {
  const result = Object.fromEntries(TIMING_BUCKETS.map((b) => [b.key, 0])) as Record<TimingBucketKey, number>;
  for (const [hour, count] of countsByHour) result[timingBucket(Math.max(0, hour))] += count;
  return result;
}

/** Each bucket's share of all the clicks (fractions adding up to 1); null without clicks. */
export function timingShares(buckets: Readonly<Record<TimingBucketKey, number>>): Record<TimingBucketKey, number> | null {
  const total = TIMING_BUCKETS.reduce((sum, b) => sum + buckets[b.key], 0);
  if (total === 0) return null;
  return Object.fromEntries(TIMING_BUCKETS.map((b) => [b.key, buckets[b.key] / total])) as Record<TimingBucketKey, number>;
}

/**
 * Hours until half of the link's clicks had arrived, from counts per whole hour since the post:
 * the end of the hour in which the running total reaches half. null without clicks.
 */
export function halfLifeHours(countsByHour: ReadonlyMap<number, number>): number | null {
  const hours = [...countsByHour.entries()].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = hours.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  let running = 0;
  for (const [hour, count] of hours) {
    running += count;
    if (running * 2 >= total) return Math.max(0, hour) + 1;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Consistency across campaigns.

/** Coefficient of variation at or below this is "consistent". */
export const CONSISTENT_CV = 0.3;

export type Consistency =
  | { verdict: "one campaign so far" | "no data"; campaigns: number; mean: number | null; cv: null }
  | { verdict: "consistent" | "variable"; campaigns: number; mean: number; cv: number };

/** Mean and coefficient of variation (population standard deviation ÷ mean) of per-campaign values. */
export function consistency(values: ReadonlyArray<number | null>): Consistency {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length === 0) return { verdict: "no data", campaigns: 0, mean: null, cv: null };
  const mean = known.reduce((a, b) => a + b, 0) / known.length;
  // Nothing measured yet (every value zero) is no evidence of steadiness.
  if (mean === 0) return { verdict: "no data", campaigns: known.length, mean: 0, cv: null };
  if (known.length === 1) return { verdict: "one campaign so far", campaigns: 1, mean, cv: null };
  const variance = known.reduce((sum, v) => sum + (v - mean) ** 2, 0) / known.length;
  const cv = Math.sqrt(variance) / mean;
  return { verdict: cv <= CONSISTENT_CV ? "consistent" : "variable", campaigns: known.length, mean, cv };
}

/** The median of the known values; null when there are none. */
export function median(values: ReadonlyArray<number | null>): number | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const upper = known[Math.floor(known.length / 2)] ?? 0;
  const lower = known[Math.ceil(known.length / 2) - 1] ?? 0;
  return (lower + upper) / 2; // the same element twice when the count is odd
}

// ---------------------------------------------------------------------------------------------
// The KPIs a campaign can target and a comparison can rank by.

export const KPI_KEYS = ["clicks", "unique_clicks", "audience_ctr", "conversions", "conversion_rate", "revenue", "aov", "cpc", "cpa", "roas"] as const;
export type KpiKey = (typeof KPI_KEYS)[number];
export type KpiUnit = "count" | "rate" | "money" | "ratio";

export const KPI_CATALOG: Record<KpiKey, { label: string; unit: KpiUnit; higherIsBetter: boolean }> = {
  clicks: { label: "Clicks", unit: "count", higherIsBetter: true },
  unique_clicks: { label: "Unique clicks", unit: "count", higherIsBetter: true },
  audience_ctr: { label: "Audience CTR", unit: "rate", higherIsBetter: true },
  conversions: { label: "Conversions", unit: "count", higherIsBetter: true },
  conversion_rate: { label: "Conversion rate", unit: "rate", higherIsBetter: true },
  revenue: { label: "Revenue", unit: "money", higherIsBetter: true },
  aov: { label: "AOV", unit: "money", higherIsBetter: true },
  cpc: { label: "CPC", unit: "money", higherIsBetter: false },
  cpa: { label: "CPA", unit: "money", higherIsBetter: false },
  roas: { label: "ROAS", unit: "ratio", higherIsBetter: true },
};

/** One KPI's value out of a computed set (money in minor units, rates as fractions). */
export function kpiValue(kpis: Kpis, key: KpiKey): number | null {
  switch (key) {
    case "clicks":
      return kpis.clicks;
    case "unique_clicks":
      return kpis.uniqueClicks;
    case "audience_ctr":
      return kpis.audienceCtr;
    case "conversions":
      return kpis.conversions;
    case "conversion_rate":
      return kpis.conversionRate;
    case "revenue":
      return kpis.revenueMinor;
    case "aov":
      return kpis.aovMinor;
    case "cpc":
      return kpis.cpcMinor;
    case "cpa":
      return kpis.cpaMinor;
    case "roas":
      return kpis.roas;
  }
}

/** Whether a value meets its target, given which direction is better; null without both. */
export function meetsTarget(key: KpiKey, value: number | null, target: number | null): boolean | null {
  if (value === null || target === null) return null;
  return KPI_CATALOG[key].higherIsBetter ? value >= target : value <= target;
}

/** Sums the additive facts of several rows (a campaign's creators, a creator's campaigns). */
export function sumFacts(rows: readonly PerformanceFacts[]): PerformanceFacts {
  const anyTerms = rows.some((r) => r.terms);
  const followers = rows.some((r) => r.followers !== null) ? rows.reduce((s, r) => s + (r.followers ?? 0), 0) : null;
  return {
    clicks: rows.reduce((s, r) => s + r.clicks, 0),
    uniqueClicks: rows.reduce((s, r) => s + r.uniqueClicks, 0),
    filteredClicks: rows.reduce((s, r) => s + r.filteredClicks, 0),
    followers,
    conversions: rows.reduce((s, r) => s + r.conversions, 0),
    purchases: rows.reduce((s, r) => s + r.purchases, 0),
    revenueMinor: rows.reduce((s, r) => s + r.revenueMinor, 0),
    // Cost adds up per creator (each commission on that creator's revenue), so the sum of costs is
    // carried as a flat fee; commission is already inside it.
    terms: anyTerms
      ? { flatFeeMinor: rows.reduce((s, r) => s + (costOf(r.terms, r.revenueMinor) ?? 0), 0), giftedValueMinor: 0, commissionRate: 0 }
      : null,
  };
}
