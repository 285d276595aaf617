// What a creator's page may say about the rest of the campaign: the median of each KPI over the
// campaign's creators, never anyone's own figures or names — and nothing at all when fewer than
// MIN_CREATORS_FOR_MEDIAN creators could make it up (with two, the median gives the other away).
import { median, type Kpis } from "@/lib/analytics/kpi";

export const MIN_CREATORS_FOR_MEDIAN = 3;

/** The figures a creator's page shows, theirs or the median's. */
export type PageKpis = {
  clicks: number | null;
  uniqueClicks: number | null;
  audienceCtr: number | null;
  conversions: number | null;
  conversionRate: number | null;
  revenueMinor: number | null;
  aovMinor: number | null;
};

export const PAGE_KPI_KEYS = ["clicks", "uniqueClicks", "audienceCtr", "conversions", "conversionRate", "revenueMinor", "aovMinor"] as const satisfies readonly (keyof PageKpis)[];
const CONVERSION_KEYS: ReadonlySet<keyof PageKpis> = new Set(["conversions", "conversionRate", "revenueMinor", "aovMinor"]);

export function pageKpis(kpis: Kpis, showConversions: boolean): PageKpis {
  const all: PageKpis = {
    clicks: kpis.clicks,
    uniqueClicks: kpis.uniqueClicks,
    audienceCtr: kpis.audienceCtr,
    conversions: kpis.conversions,
    conversionRate: kpis.conversionRate,
    revenueMinor: kpis.revenueMinor,
    aovMinor: kpis.aovMinor,
  };
  return showConversions ? all : hideConversions(all);
}

function hideConversions(kpis: PageKpis): PageKpis {
  return Object.fromEntries(Object.entries(kpis).map(([key, value]) => [key, CONVERSION_KEYS.has(key as keyof PageKpis) ? null : value])) as PageKpis;
}

/**
 * The campaign median of each KPI, over the creators who have a link in it (a creator added but
 * never given a link did not take part yet); null when fewer than three did. Each figure needs
 * three creators with a value of its own: AOV, audience CTR and conversion rate are unknown for
 * some creators (no purchases, no follower count), and a "median" of two known values is their
 * average — from which the viewer, knowing their own, would work out the other's exactly.
 */
export function campaignMedian(participants: readonly { kpis: Kpis }[], showConversions: boolean): { median: PageKpis; creators: number } | null {
  if (participants.length < MIN_CREATORS_FOR_MEDIAN) return null;
  const rows = participants.map((p) => pageKpis(p.kpis, showConversions));
  const figure = (key: keyof PageKpis): number | null => {
    const known = rows.map((row) => row[key]).filter((value): value is number => value !== null);
    return known.length >= MIN_CREATORS_FOR_MEDIAN ? median(known) : null;
  };
  const result = Object.fromEntries(PAGE_KPI_KEYS.map((key) => [key, figure(key)])) as PageKpis;
  return { median: showConversions ? result : hideConversions(result), creators: participants.length };
}
