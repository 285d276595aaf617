// A stored campaign → what its edit form shows (targets back in the units people type).
import { KPI_CATALOG, type KpiKey } from "@/lib/analytics/kpi";
import type { CampaignDetail } from "@/lib/campaigns/campaigns";
import { utmTemplateSchema, type UtmParams } from "@/lib/links/utm";
import { minorToMajor } from "@/lib/money";

const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");

export function targetForForm(kpi: KpiKey, target: number | null, currency: string): string {
  if (target === null) return "";
  const unit = KPI_CATALOG[kpi].unit;
  if (unit === "money") return minorToMajor(target, currency);
  if (unit === "rate") return String(Number((target * 100).toFixed(4)));
  return String(target);
}

export function storedUtmTemplate(value: unknown): UtmParams | null {
  const parsed = utmTemplateSchema.nullable().safeParse(value ?? null);
  return parsed.success ? parsed.data : null;
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
