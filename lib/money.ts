import { z } from "zod";

/** "1,234.50" / "1234.5" / "$1,234" → 123450 minor units; null when not a plain amount. */
export function parseMoneyToMinor(text: string): number | null {
  const cleaned = text.trim().replace(/^[$€£]/, "").replace(/,/g, "");
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  return Math.round(Number(cleaned) * 100);
}

const MAX_MINOR = 100_000_000_000; // a billion in any currency: beyond it, a typo

/** An optional amount typed into a form (blank = none), as minor units. */
export const moneyInputSchema = z
  .string()
  .trim()
  .transform((text, ctx) => {
    if (text === "") return null;
    const minor = parseMoneyToMinor(text);
    if (minor === null || minor > MAX_MINOR) {
      ctx.addIssue({ code: "custom", message: "Enter an amount like 1500 or 1,500.00" });
      return z.NEVER;
    }
    return minor;
  });

export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as USD or EUR");
