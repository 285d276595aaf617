// Campaign rules, written once: the form (through campaignFormToInput), server actions and the API.
import { z } from "zod";
import { KPI_CATALOG, KPI_KEYS, type KpiKey } from "@/lib/analytics/kpi";
import { AppError } from "@/lib/errors";
import { destinationUrlSchema } from "@/lib/links/schema";
import { utmTemplateSchema } from "@/lib/links/utm";
import { currencySchema, MAX_AMOUNT_MESSAGE, MAX_AMOUNT_MINOR, moneyHint, parseMoneyToMinor } from "@/lib/money";

export const OBJECTIVES = ["awareness", "traffic", "conversions", "loyalty"] as const;
export const MAX_SUPPORTING_KPIS = 6;

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-01")
  // round trip: Date.parse rolls 2026-02-30 over to March 2 instead of refusing it
  .refine((day) => {
    const parsed = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day && parsed.getUTCFullYear() >= 1970;
  }, "Not a real date");

export const campaignKpiSchema = z.object({
  kpi: z.enum(KPI_KEYS, { error: "Unknown KPI" }),
  /** in the KPI's stored unit: rates as fractions, money in minor units */
  target: z.number().finite().min(0, "Targets cannot be negative").nullable().default(null),
  primary: z.boolean().default(false),
});

/** Each field's rule, without defaults: the whole campaign and a PATCH of some fields share them. */
const campaignFields = {
  name: z.string({ error: "Name is required" }).trim().min(2, "Name needs at least 2 characters").max(80, "Name can be at most 80 characters"),
  objective: z.enum(OBJECTIVES, { error: "Choose an objective: awareness, traffic, conversions or loyalty" }),
  startsOn: isoDay.nullable(),
  endsOn: isoDay.nullable(),
  budgetMinor: z
    .number({ error: "Budget is a whole number of minor units" })
    .int("Budget is a whole number of minor units (cents for USD)")
    .min(0, "Budget cannot be negative")
    .max(MAX_AMOUNT_MINOR, MAX_AMOUNT_MESSAGE)
    .nullable()
    .meta({ description: "in minor units of `currency` (cents for USD, whole yen for JPY)" }),
  currency: currencySchema,
  destinationUrl: destinationUrlSchema.nullable(),
  kpis: z.array(campaignKpiSchema).max(KPI_KEYS.length, "Each KPI can appear once"),
  utmTemplate: utmTemplateSchema.nullable(),
};

type CampaignShape = { startsOn: string | null; endsOn: string | null; kpis: { kpi: string; primary: boolean }[] };

/** The rules across fields, checked on the whole campaign (after a PATCH is merged into it). */
function refineCampaign(campaign: CampaignShape, ctx: z.RefinementCtx) {
  if (campaign.startsOn && campaign.endsOn && campaign.endsOn < campaign.startsOn) {
    ctx.addIssue({ code: "custom", path: ["endsOn"], message: "The end date is before the start date" });
  }
  const primaries = campaign.kpis.filter((k) => k.primary).length;
  if (campaign.kpis.length > 0 && primaries !== 1) {
    ctx.addIssue({ code: "custom", path: ["kpis"], message: "Choose exactly one primary KPI" });
  }
  if (campaign.kpis.length - primaries > MAX_SUPPORTING_KPIS) {
    ctx.addIssue({ code: "custom", path: ["kpis"], message: `Choose at most ${MAX_SUPPORTING_KPIS} supporting KPIs` });
  }
  if (new Set(campaign.kpis.map((k) => k.kpi)).size !== campaign.kpis.length) {
    ctx.addIssue({ code: "custom", path: ["kpis"], message: "Each KPI can appear once" });
  }
}

export const campaignSchema = z
  .object({
    ...campaignFields,
    startsOn: campaignFields.startsOn.default(null),
    endsOn: campaignFields.endsOn.default(null),
    budgetMinor: campaignFields.budgetMinor.default(null),
    currency: campaignFields.currency.default("USD"),
    destinationUrl: campaignFields.destinationUrl.default(null),
    kpis: campaignFields.kpis.default([]),
    utmTemplate: campaignFields.utmTemplate.default(null),
  })
  .superRefine(refineCampaign)
  .meta({ id: "CampaignCreate" });

/** The rules across fields alone, for a campaign whose fields were validated one by one. */
export const campaignRulesSchema = z.custom<CampaignInput>().superRefine(refineCampaign);

/** PATCH /api/v1/campaigns/{id}: the fields sent replace the campaign's (KPIs as a set); `null` clears. */
export const campaignPatchSchema = z.object(campaignFields).partial().meta({ id: "CampaignPatch" });
export type CampaignInput = z.infer<typeof campaignSchema>;

// ---------- form encoding ----------

/** A target as typed in the form (rates in %, money in the campaign's currency) → the stored unit. */
export function targetFromForm(kpi: KpiKey, text: string, currency: string): number | null {
  const value = text.trim();
  if (value === "") return null;
  const unit = KPI_CATALOG[kpi].unit;
  const field = `target_${kpi}`;
  if (unit === "money") {
    const minor = parseMoneyToMinor(value, currency);
    if (minor === null) throw new AppError("invalid_input", "Please fix the highlighted fields.", [{ path: field, message: moneyHint(currency, 2) }]);
    return minor;
  }
  const number = Number(value.replace(/%$/, "").replace(/,/g, ""));
  if (!Number.isFinite(number) || number < 0) {
    throw new AppError("invalid_input", "Please fix the highlighted fields.", [{ path: field, message: "Enter a positive number" }]);
  }
  return unit === "rate" ? number / 100 : number;
}

/** The campaign form's flat fields → the structured input campaignSchema validates. */
export function campaignFormToInput(form: Record<string, string>): unknown {
  const primary = form.primaryKpi as KpiKey | undefined;
  // Amounts are typed in the campaign's currency; an unreadable code parses as two decimals here
  // and is refused by the schema with its own message.
  const currency = form.currency?.trim().toUpperCase() || "USD";
  const kpis = KPI_KEYS.filter((kpi) => kpi === primary || form[`kpi_${kpi}`] === "on").map((kpi) => ({
    kpi,
    primary: kpi === primary,
    target: targetFromForm(kpi, form[`target_${kpi}`] ?? "", currency),
  }));
  const budgetText = form.budget?.trim() ?? "";
  const budgetMinor = budgetText === "" ? null : parseMoneyToMinor(budgetText, currency);
  if (budgetText !== "" && budgetMinor === null) {
    throw new AppError("invalid_input", "Please fix the highlighted fields.", [{ path: "budget", message: moneyHint(currency, 5000) }]);
  }
  const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  return {
    name: form.name ?? "",
    objective: form.objective,
    startsOn: blank(form.startsOn),
    endsOn: blank(form.endsOn),
    budgetMinor,
    currency,
    destinationUrl: blank(form.destinationUrl),
    kpis: primary ? kpis : kpis.filter((k) => !k.primary),
    utmTemplate: Object.fromEntries(["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"].map((key) => [key, form[key] ?? ""])),
  };
}

// ---------- a creator's terms in a campaign ----------

export const campaignCreatorTermsSchema = z.object({
  creatorId: z.string({ error: "Choose a creator" }).trim().min(1, "Choose a creator"),
  flatFeeMinor: z.number().int().min(0).max(MAX_AMOUNT_MINOR, MAX_AMOUNT_MESSAGE).default(0),
  giftedValueMinor: z.number().int().min(0).max(MAX_AMOUNT_MINOR, MAX_AMOUNT_MESSAGE).default(0),
  /** a fraction: 0.1 = 10 % of attributed revenue */
  commissionRate: z.number().min(0, "Commission cannot be negative").max(1, "Commission is a percentage of revenue: at most 100 %").default(0),
});

/** The terms form → terms input; fees are typed in the campaign's currency. */
export function termsFormToInput(form: Record<string, string>, currency: string): unknown {
  const money = (field: string) => {
    const text = form[field]?.trim() ?? "";
    if (text === "") return 0;
    const minor = parseMoneyToMinor(text, currency);
    if (minor === null) throw new AppError("invalid_input", "Please fix the highlighted fields.", [{ path: field, message: moneyHint(currency) }]);
    return minor;
  };
  const rateText = form.commissionPercent?.trim().replace(/%$/, "") ?? "";
  const rate = rateText === "" ? 0 : Number(rateText);
  if (!Number.isFinite(rate)) {
    throw new AppError("invalid_input", "Please fix the highlighted fields.", [{ path: "commissionPercent", message: "Enter a percentage like 10" }]);
  }
  return { creatorId: form.creatorId ?? "", flatFeeMinor: money("flatFee"), giftedValueMinor: money("giftedValue"), commissionRate: rate / 100 };
}
