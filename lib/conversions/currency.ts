// Money in several currencies, never silently summed: amounts convert with the rates the brand
// entered (one unit of a currency = `rate` units of the workspace's currency), across each
// currency's own minor unit (JPY has none, USD two, KWD three). Without a rate an amount stays
// apart, in its own currency.
import { minorDigits } from "@/lib/money";

export type Rates = { base: string; rates: ReadonlyMap<string, number> };

function rateToBase(currency: string, rates: Rates): number | null {
  if (currency === rates.base) return 1;
  const rate = rates.rates.get(currency);
  return rate && rate > 0 ? rate : null;
}

/** `minor` units of `from` in `to`'s minor units, rounded; null when a rate is missing. */
export function convertMinor(minor: number, from: string, to: string, rates: Rates): number | null {
  if (from === to) return minor;
  const fromRate = rateToBase(from, rates);
  const toRate = rateToBase(to, rates);
  if (fromRate === null || toRate === null) return null;
  const major = minor / 10 ** minorDigits(from);
  return Math.round(((major * fromRate) / toRate) * 10 ** minorDigits(to));
}

/** Adds amounts in many currencies into one: what converts, and what has to stay apart. */
export function sumInCurrency(amounts: Iterable<{ currency: string; minor: number }>, to: string, rates: Rates): { minor: number; apart: Map<string, number> } {
  let minor = 0;
  const apart = new Map<string, number>();
  for (const amount of amounts) {
    const converted = convertMinor(amount.minor, amount.currency, to, rates);
    if (converted === null) apart.set(amount.currency, (apart.get(amount.currency) ?? 0) + amount.minor);
    else minor += converted;
  }
  return { minor, apart };
}
