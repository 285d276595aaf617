// Display formatting shared by pages (numbers are computed elsewhere; this only prints them).
import { minorDigits } from "@/lib/money";

const integer = new Intl.NumberFormat("en-US");
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const date = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const dateTime = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" });

export const formatInteger = (value: number) => integer.format(value);
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
/** Axis numbers: 600K, 1.2M, 40. */
export const formatCompact = (value: number) => compact.format(value);
const shortDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
/** "2026-11-21" (a UTC day) → "21 Nov" */
export const formatDayLabel = (isoDay: string) => shortDay.format(new Date(`${isoDay}T00:00:00Z`));
export const formatPercent = (fraction: number) => percent.format(fraction);
export const formatDate = (value: Date) => date.format(value);
export const formatDateTime = (value: Date) => `${dateTime.format(value)} UTC`;

/** Minor units of `currency` → "$1,234.50" / "¥1,500" / "KWD 1.250"; null → "—". */
export function formatMoney(minor: number | null, currency = "USD"): string {
  if (minor === null) return "—";
  const digits = minorDigits(currency);
  return new Intl.NumberFormat("en-US", { style: "currency", currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(minor / 10 ** digits);
}

/** A fraction → "2.6 %"-style percentage with one decimal; null → "—". */
export function formatRate(fraction: number | null, digits = 1): string {
  if (fraction === null) return "—";
  return new Intl.NumberFormat("en-US", { style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(fraction);
}

/** A KPI value in its unit: counts, rates as %, money in the campaign currency, ratios as ×. */
export function formatKpi(unit: "count" | "rate" | "money" | "ratio", value: number | null, currency = "USD"): string {
  if (value === null) return "—";
  switch (unit) {
    case "count":
      return formatInteger(Math.round(value));
    case "rate":
      // Small rates keep two significant digits: 0.0025 % must not print as 0.00 %.
      return formatRate(value, value === 0 || value >= 0.01 ? 1 : Math.min(4, 1 - Math.floor(Math.log10(value * 100))));
    case "money":
      return formatMoney(Math.round(value), currency);
    case "ratio":
      return `${value.toFixed(2)}×`;
  }
}

const pluralRules = new Intl.PluralRules("en-US");

/** A count with its noun in the right number: `countOf(1, "seat")` → "1 seat", `countOf(3, "seat")` → "3 seats". */
export function countOf(count: number, one: string, other = `${one}s`): string {
  return `${formatInteger(count)} ${pluralRules.select(count) === "one" ? one : other}`;
}
