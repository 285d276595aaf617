// Campaign rules, written once: the form (through parseCampaignForm), server actions and the API.
import { z } from "zod";
import { KPI_CATALOG, KPI_KEYS, type KpiKey } from "@/lib/analytics/kpi";
import { AppError, type FieldIssue } from "@/lib/errors";
import { destinationUrlSchema } from "@/lib/urls/destination";
import { UTM_KEYS, utmTemplateSchema } from "@/lib/links/utm";
import { assertStorableText, fieldIssues } from "@/lib/validation";
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

/** What a target can be for a KPI of each unit: a rate is a share (at most 100 %), a count whole, money whole minor units. */
function targetProblem(kpi: KpiKey, target: number): string | null {
  const { label, unit } = KPI_CATALOG[kpi];
  if (unit === "rate" && target > 1) return `${label} is a share of ${kpi === "audience_ctr" ? "followers" : "clicks"}: a target can be at most 100 %`;
  if (unit === "count" && !Number.isInteger(target)) return `${label} is counted in whole numbers`;
  if (unit === "money" && !Number.isInteger(target)) return `${label} is a whole number of minor units (cents for USD)`;
  if (unit === "money" && target > MAX_AMOUNT_MINOR) return MAX_AMOUNT_MESSAGE;
  return null;
}

export const campaignKpiSchema = z
  .object({
    kpi: z.enum(KPI_KEYS, { error: "Unknown KPI" }),
    /** in the KPI's stored unit: rates as fractions, money in minor units */
    target: z
      .number()
      .finite()
      .min(0, "Targets cannot be negative")
      .nullable()
      .default(null)
      .meta({ description: "In the KPI's unit: rates as fractions at most 1 (0.04 = 4 %), counts whole, money in whole minor units of the campaign's currency; null for no target." }),
    primary: z.boolean().default(false),
  })
  .superRefine((row, ctx) => {
    const problem = row.target === null ? null : targetProblem(row.kpi, row.target);
    if (problem) ctx.addIssue({ code: "custom", path: ["target"], message: problem });
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
  kpis: z
    .array(campaignKpiSchema)
    .max(KPI_KEYS.length, "Each KPI can appear once")
    .meta({
      description: "None, or exactly one primary KPI with its supporting ones; each KPI once.",
      // the rule "exactly one primary" (refineCampaign), said in JSON Schema for validators and clients
      anyOf: [{ maxItems: 0 }, { contains: { type: "object", properties: { primary: { const: true } }, required: ["primary"] }, minContains: 1, maxContains: 1 }],
    }),
  utmTemplate: utmTemplateSchema.nullable(),
};

/**
 * The rules across fields, checked on the whole campaign (after a PATCH is merged into it). They
 * also run when some field failed, so one answer names every problem: each rule looks only at
 * the fields it needs and skips itself when one of those is not readable.
 */
function refineCampaign(campaign: unknown, ctx: z.RefinementCtx) {
  if (!campaign || typeof campaign !== "object") return;
  const { startsOn, endsOn, kpis } = campaign as { startsOn?: unknown; endsOn?: unknown; kpis?: unknown };
  const readableDay = (day: unknown): day is string => typeof day === "string" && isoDay.safeParse(day).success;
  if (readableDay(startsOn) && readableDay(endsOn) && endsOn < startsOn) {
    ctx.addIssue({ code: "custom", path: ["endsOn"], message: "The end date is before the start date" });
  }
  if (!Array.isArray(kpis) || !kpis.every((k) => k && typeof k === "object")) return;
  const rows = kpis as { kpi?: unknown; primary?: unknown }[];
  const primaries = rows.filter((k) => k.primary === true).length;
  if (rows.length > 0 && primaries !== 1) {
    ctx.addIssue({ code: "custom", path: ["kpis"], message: "Choose exactly one primary KPI" });
  }
  if (rows.length - primaries > MAX_SUPPORTING_KPIS) {
    ctx.addIssue({ code: "custom", path: ["kpis"], message: `Choose at most ${MAX_SUPPORTING_KPIS} supporting KPIs` });
  }
  if (new Set(rows.map((k) => k.kpi)).size !== rows.length) {
    ctx.addIssue({ code: "custom", path: ["kpis"], message: "Each KPI can appear once" });
  }
}

const everyProblemAtOnce = { when: () => true };

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
  .superRefine(refineCampaign, everyProblemAtOnce)
  .meta({ id: "CampaignCreate" });

/** The rules across fields alone, for a campaign whose fields were validated one by one. */
export const campaignRulesSchema = z.custom<CampaignInput>().superRefine(refineCampaign);

/** PATCH /api/v1/campaigns/{id}: the fields sent replace the campaign's (KPIs as a set); `null` clears. */
export const campaignPatchSchema = z.object(campaignFields).partial().meta({ id: "CampaignPatch" });
export type CampaignInput = z.infer<typeof campaignSchema>;

// ---------- form encoding ----------

/** A target as typed in the form (rates in %, money in the campaign's currency) → the stored unit, or why not. */
export function targetFromForm(kpi: KpiKey, text: string, currency: string): { target: number | null } | { problem: string } {
  const value = text.trim();
  if (value === "") return { target: null };
  const unit = KPI_CATALOG[kpi].unit;
  if (unit === "money") {
    const minor = parseMoneyToMinor(value, currency);
    return minor === null ? { problem: moneyHint(currency, 2) } : { target: minor };
  }
  const number = Number(value.replace(/\s*%$/, "").replace(/,/g, ""));
  if (value === "%" || !Number.isFinite(number) || number < 0) return { problem: "Enter a positive number" };
  return { target: unit === "rate" ? number / 100 : number };
}

/** Where the form shows a schema issue: a KPI row's target beside its field, the budget as typed. */
function formPath(path: string, kpis: readonly { kpi: KpiKey }[]): string {
  const target = /^kpis\.(\d+)\.target$/.exec(path);
  if (target) {
    const row = kpis[Number(target[1])];
    if (row) return `target_${row.kpi}`;
  }
  if (path.startsWith("kpis")) return "kpis";
  if (path === "budgetMinor") return "budget";
  return path;
}

/**
 * The campaign form's flat fields → a valid campaign, or one refusal naming every problem at once:
 * amounts the form could not read and everything campaignSchema finds, each on its form field.
 */
export function parseCampaignForm(form: Record<string, string>): CampaignInput {
  const issues: FieldIssue[] = [];
  const primary = form.primaryKpi as KpiKey | undefined;
  // Amounts are typed in the campaign's currency; an unreadable code parses as two decimals here
  // and is refused by the schema with its own message.
  const currency = form.currency?.trim().toUpperCase() || "USD";
  const kpis = KPI_KEYS.filter((kpi) => kpi === primary || form[`kpi_${kpi}`] === "on").map((kpi) => {
    const read = targetFromForm(kpi, form[`target_${kpi}`] ?? "", currency);
    if ("problem" in read) issues.push({ path: `target_${kpi}`, message: read.problem });
    return { kpi, primary: kpi === primary, target: "target" in read ? read.target : null };
  });
  const budgetText = form.budget?.trim() ?? "";
  const budgetMinor = budgetText === "" ? null : parseMoneyToMinor(budgetText, currency);
  if (budgetText !== "" && budgetMinor === null) issues.push({ path: "budget", message: moneyHint(currency, 5000) });
  const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  const input = {
    name: form.name ?? "",
    objective: form.objective,
    startsOn: blank(form.startsOn),
    endsOn: blank(form.endsOn),
    budgetMinor,
    currency,
    destinationUrl: blank(form.destinationUrl),
    kpis,
    utmTemplate: Object.fromEntries(UTM_KEYS.map((key) => [key, form[key] ?? ""])),
  };
  assertStorableText(input);
  const result = campaignSchema.safeParse(input);
  if (!result.success) {
    for (const issue of fieldIssues(result.error)) {
      const path = formPath(issue.path, kpis);
      // an amount the form could not read already says why; the schema's word on its null adds nothing
      if (!issues.some((known) => known.path === path)) issues.push({ path, message: issue.message });
    }
  }
  if (issues.length > 0 || !result.success) {
    throw new AppError("invalid_input", "Please fix the highlighted fields.", issues);
  }
  return result.data;
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
