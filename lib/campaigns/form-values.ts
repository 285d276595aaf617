// A stored campaign → what its edit form shows (targets back in the units people type).
import { KPI_CATALOG, type KpiKey } from "@/lib/analytics/kpi";
import type { CampaignDetail } from "@/lib/campaigns/campaigns";
import { DEFAULT_UTM_TEMPLATE, storedUtmTemplate, type UTM_KEYS, type UtmParams } from "@/lib/links/utm";
import { minorToMajor } from "@/lib/money";

export type CampaignFormValues = {
  name: string;
  objective: string;
  startsOn: string;
  endsOn: string;
  budget: string;
  currency: string;
  destinationUrl: string;
  primaryKpi: KpiKey | "";
  supporting: KpiKey[];
  targets: Partial<Record<KpiKey, string>>;
  utm: Partial<Record<(typeof UTM_KEYS)[number], string>>;
};

/** A new campaign's form: its UTM tags start from the workspace template. */
export const emptyCampaign = (utm: UtmParams = DEFAULT_UTM_TEMPLATE): CampaignFormValues => ({
  name: "",
  objective: "traffic",
  startsOn: "",
  endsOn: "",
  budget: "",
  currency: "USD",
  destinationUrl: "",
  primaryKpi: "audience_ctr",
  supporting: ["clicks", "unique_clicks", "cpc"],
  targets: {},
  utm,
});

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

export function targetForForm(kpi: KpiKey, target: number | null, currency: string): string {
  if (target === null) return "";
  const unit = KPI_CATALOG[kpi].unit;
  if (unit === "money") return minorToMajor(target, currency);
  if (unit === "rate") return String(Number((target * 100).toFixed(4)));
  return String(target);
}

export function campaignFormValues(campaign: CampaignDetail) {
  const primary = campaign.kpis.find((k) => k.primary);
  return {
    name: campaign.name,
    objective: campaign.objective,
    startsOn: isoDay(campaign.startsOn),
    endsOn: isoDay(campaign.endsOn),
    budget: campaign.budgetMinor === null ? "" : minorToMajor(campaign.budgetMinor, campaign.currency),
    currency: campaign.currency,
    destinationUrl: campaign.destinationUrl ?? "",
    primaryKpi: primary?.kpi ?? ("" as const),
    supporting: campaign.kpis.filter((k) => !k.primary).map((k) => k.kpi),
    targets: Object.fromEntries(campaign.kpis.map((k) => [k.kpi, targetForForm(k.kpi, k.target, campaign.currency)])),
    utm: storedUtmTemplate(campaign.utmTemplate) ?? {},
  };
}
