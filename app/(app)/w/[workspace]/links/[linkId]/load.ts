// What the link page shows, loaded in one place: the member's workspace, the link, the range the
// plan allows, the numbers for it and what the forms need. The page only lays it out.
import "server-only";
import { notFound } from "next/navigation";
import type { BreakdownItem } from "@/components/analytics/breakdown";
import { BREAKDOWN_DIMENSIONS, getLinkBreakdown, getLinkDailySeries, getLinkTotals, getUnservedHits, type BreakdownRow } from "@/lib/analytics/link-analytics";
import { requireWorkspaceMember } from "@/lib/auth/page-guard";
import { effectivePlan, PLANS } from "@/lib/billing/plans";
import { listCampaignOptions } from "@/lib/campaigns/campaigns";
import { listCreatorOptions } from "@/lib/creators/queries";
import { lastDays } from "@/lib/date-range";
import { getLink } from "@/lib/links/queries";
import { currentLinkHosts } from "@/lib/links/request-hosts";
import { shortUrl } from "@/lib/urls/short-url";
import { getLinkDefaults } from "@/lib/workspaces/link-defaults";

export const RANGES = { "7d": 7, "30d": 30, "90d": 90, "365d": 365, "1095d": 1095 } as const;
export type RangeKey = keyof typeof RANGES;
export const rangeLabel = (days: number) => (days < 365 ? `Last ${days} days` : days === 365 ? "Last year" : `Last ${days / 365} years`);

const TITLES: Record<string, string> = { source: "Sources", country: "Countries", device: "Devices", browser: "Browsers", os: "Operating systems", referrer: "Referrers" };
const SOURCE_NAMES: Record<string, string> = { link: "Link clicks", qr: "QR scans" };
const UNKNOWN: Record<string, string> = { country: "Unknown", device: "Unknown", browser: "Unknown", os: "Unknown", referrer: "Direct / none" };
const DEVICE_NAMES: Record<string, string> = { desktop: "Desktop", mobile: "Mobile", tablet: "Tablet", other: "Other" };
const countryNames = new Intl.DisplayNames(["en"], { type: "region" });

/** A breakdown's rows as people read them: country names, device names, "Direct / none". */
function toItems(dimension: string, rows: BreakdownRow[]): BreakdownItem[] {
  return rows.map((row) => {
    let name = row.name ?? UNKNOWN[dimension] ?? "Unknown";
    if (dimension === "country" && row.name) name = `${countryNames.of(row.name) ?? row.name} (${row.name})`;
    if (dimension === "device" && row.name) name = DEVICE_NAMES[row.name] ?? row.name;
    if (dimension === "source" && row.name) name = SOURCE_NAMES[row.name] ?? row.name;
    return { name, value: row.clicks };
  });
}

export async function loadLinkPage(workspaceSlug: string, linkId: string, rangeParam: string | undefined) {
  const { workspace, role } = await requireWorkspaceMember(workspaceSlug);
  // The plan's analytics history bounds how far back a range may reach (lib/billing/plans.ts).
  const plan = PLANS[effectivePlan(workspace)];
  const allowed = (key: RangeKey) => RANGES[key] <= plan.limits.historyDays;
  const requested: RangeKey = rangeParam && Object.hasOwn(RANGES, rangeParam) ? (rangeParam as RangeKey) : "30d";
  const rangeKey: RangeKey = allowed(requested) ? requested : ((Object.keys(RANGES) as RangeKey[]).filter(allowed).at(-1) ?? "7d");
  const link = await getLink(workspace.id, linkId);
  if (!link) notFound();

  const range = lastDays(RANGES[rangeKey]);
  const [defaults, creators, campaigns, hosts, totals, unserved, series, ...breakdowns] = await Promise.all([
    getLinkDefaults(workspace.id),
    listCreatorOptions(workspace.id),
    listCampaignOptions(workspace.id),
    currentLinkHosts(),
    getLinkTotals(workspace.id, link.id, range),
    getUnservedHits(workspace.id, link.id, range),
    getLinkDailySeries(workspace.id, link.id, range),
    ...BREAKDOWN_DIMENSIONS.map((dimension) => getLinkBreakdown(workspace.id, link.id, dimension, range)),
  ]);
  const now = new Date();
  return {
    workspace,
    role,
    plan,
    link,
    url: shortUrl(hosts, link),
    expired: (link.expiresAt !== null && link.expiresAt <= now) || (link.maxClicks !== null && link.limitedClicks >= link.maxClicks),
    range: { key: rangeKey, requested, keys: (Object.keys(RANGES) as RangeKey[]).map((key) => ({ key, label: rangeLabel(RANGES[key]), allowed: allowed(key) })) },
    totals,
    unserved,
    series,
    hasClicks: totals.clicks + totals.filteredClicks > 0,
    breakdowns: BREAKDOWN_DIMENSIONS.map((dimension, index) => ({ dimension, title: TITLES[dimension] ?? dimension, items: toItems(dimension, breakdowns[index] ?? []) })),
    defaults,
    creators,
    campaigns,
  };
}

export type LinkPageView = Awaited<ReturnType<typeof loadLinkPage>>;
