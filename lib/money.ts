import { z } from "zod";

// Amounts are stored in ISO 4217 minor units: cents for USD, whole yen for JPY (no minor unit),
// fils for KWD (three digits). Everything that turns typed text into minor units, or minor units
// back into text, goes through here with the amount's currency.

// ISO 4217's minor units for the currencies that do not have two (all others have two). Fixed
// here rather than read from Intl, whose locale data differs (it prints IDR and HUF without
// decimals, though their ISO minor unit is 2) and can change with a Node upgrade; the stored
// amounts must not. The migration 20261121040000_currency_minor_units uses the same lists.
const ZERO_DECIMAL = new Set(["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"]);
const THREE_DECIMAL = new Set(["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"]);
const FOUR_DECIMAL = new Set(["CLF", "UYW"]);

/** How many decimals a currency's minor unit has (ISO 4217): USD 2, JPY 0, KWD 3. */
export function minorDigits(currency: string): number {
  const code = currency.toUpperCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  if (FOUR_DECIMAL.has(code)) return 4;
  return 2;
}

/** Minor units → the plain amount in major units, as spreadsheets and form fields want it: 150050 USD → "1500.50", 1500 JPY → "1500". */
export function minorToMajor(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

/**
 * "1,234.50" / "1234.5" / "$1,234" → 123450 minor units of `currency`; null when not a plain
 * amount, when it has more decimals than the currency has (¥1500.5 is not an amount), or when its
 * commas do not group thousands ("12,34,5" is a typo, not 12345).
 */
export function parseMoneyToMinor(text: string, currency: string): number | null {
  const unsigned = text.trim().replace(/^[$€£¥₩]/, "");
  const integerPart = unsigned.split(".")[0] ?? "";
  if (integerPart.includes(",") && !/^\d{1,3}(,\d{3})+$/.test(integerPart)) return null;
  const cleaned = unsigned.replace(/,/g, "");
  const digits = minorDigits(currency);
  const pattern = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(cleaned)) return null;
  const [whole, fraction = ""] = cleaned.split(".");
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

/** What a form says when an amount does not parse: an example in the currency's own shape. */
export function moneyHint(currency: string, example = 500): string {
  const digits = minorDigits(currency);
  return digits === 0
    ? `Enter a whole amount like ${example} (${currency} has no decimals)`
    : `Enter an amount like ${example} or ${example.toFixed(digits)}`;
}

/**
 * Re-expresses an amount typed in one currency as the same number in another: when a campaign
 * moves from USD to JPY, a fee of "500" stays "500" (50000 cents → ¥500), rounded when the new
 * currency has fewer decimals.
 */
export function relabelMinor(minor: number, from: string, to: string): number {
  const shift = minorDigits(to) - minorDigits(from);
  return shift >= 0 ? minor * 10 ** shift : Math.round(minor / 10 ** -shift);
}

/** Amounts are 32-bit integers in the database. */
export const MAX_AMOUNT_MINOR = 2_147_483_647;
export const MAX_AMOUNT_MESSAGE = "At most 2,147,483,647 minor units";

// The codes Node knows, with the ISO ones it lacks (the funds codes in the tables above).
const KNOWN_CURRENCIES = new Set([...Intl.supportedValuesOf("currency"), ...ZERO_DECIMAL, ...THREE_DECIMAL, ...FOUR_DECIMAL]);

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as USD or EUR")
  .refine((code) => KNOWN_CURRENCIES.has(code), "Not an ISO 4217 currency code; use one such as USD, EUR or JPY");
