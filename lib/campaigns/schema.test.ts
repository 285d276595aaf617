import { describe, expect, it } from "vitest";
import { AppError, type FieldIssue } from "@/lib/errors";
import { campaignSchema, parseCampaignForm } from "@/lib/campaigns/schema";

function refusal(form: Record<string, string>): Record<string, string> {
  try {
    parseCampaignForm(form);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return Object.fromEntries(((error as AppError).details as FieldIssue[]).map((issue) => [issue.path, issue.message]));
  }
  throw new Error("the form was accepted");
}

const good = { name: "Spring Drop", objective: "conversions", currency: "USD", primaryKpi: "conversions" };

describe("parseCampaignForm", () => {
  it("reads a good form into the stored units", () => {
    const input = parseCampaignForm({ ...good, budget: "5,000", kpi_audience_ctr: "on", target_audience_ctr: "4 %", target_conversions: "120", kpi_revenue: "on", target_revenue: "12,500.50" });
    expect(input.budgetMinor).toBe(500_000);
    expect(input.kpis).toEqual([
      { kpi: "audience_ctr", primary: false, target: 0.04 },
      { kpi: "conversions", primary: true, target: 120 },
      { kpi: "revenue", primary: false, target: 1_250_050 },
    ]);
  });

  it("names every problem in one answer, each on its own field", () => {
    const errors = refusal({
      name: "x",
      objective: "conversions",
      currency: "USD",
      startsOn: "2026-03-10",
      endsOn: "2026-03-01",
      budget: "five grand",
      kpi_clicks: "on",
      target_clicks: "lots",
      kpi_audience_ctr: "on",
      target_audience_ctr: "150",
      destinationUrl: "javascript:alert(1)",
    });
    expect(Object.keys(errors).sort()).toEqual(["budget", "destinationUrl", "endsOn", "kpis", "name", "target_audience_ctr", "target_clicks"]);
    expect(errors.target_audience_ctr).toMatch(/at most 100 %/);
    expect(errors.target_clicks).toBe("Enter a positive number");
    expect(errors.kpis).toBe("Choose exactly one primary KPI");
    expect(errors.endsOn).toBe("The end date is before the start date");
  });

  it("refuses targets no campaign can reach", () => {
    expect(refusal({ ...good, target_conversions: "2.5" })).toEqual({ target_conversions: "Conversions is counted in whole numbers" });
    expect(refusal({ ...good, kpi_conversion_rate: "on", target_conversion_rate: "100.5%" }).target_conversion_rate).toMatch(/at most 100 %/);
    // 100 % itself is a (hard) target, not an impossible one
    expect(parseCampaignForm({ ...good, kpi_audience_ctr: "on", target_audience_ctr: "100" }).kpis[0]).toEqual({ kpi: "audience_ctr", primary: false, target: 1 });
  });
});

describe("campaignSchema (the API's rules)", () => {
  it("refuses a rate target above 1 on the row's target", () => {
    const result = campaignSchema.safeParse({ name: "Spring", objective: "awareness", kpis: [{ kpi: "audience_ctr", target: 1.5, primary: true }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["kpis.0.target"]);
  });

  it("checks the rules across fields even when a field fails", () => {
    const result = campaignSchema.safeParse({ name: "", objective: "awareness", kpis: [{ kpi: "clicks", primary: false }] });
    expect(result.error?.issues.map((issue) => issue.path.join(".")).sort()).toEqual(["kpis", "name"]);
  });
});
