// Follower counts as people type them. Spreadsheets and platform dashboards print "12,400",
// "12.4K" or "1.2M"; all of them mean a whole number of accounts, so we accept those forms and
// nothing looser: a bare "12.4" or "12.400" is refused because it is ambiguous (a decimal, or a
// European thousands separator?) and guessing would silently store a count 1,000 times off.

/** PostgreSQL `integer` holds up to 2,147,483,647; no account comes near this. */
export const FOLLOWERS_MAX = 2_000_000_000;

const PLAIN = /^\d+$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+$/; // 12,400 or 1,200,000 — commas only in thousands places
const SUFFIXED = /^(\d+(?:\.\d+)?)\s*([km])$/i; // 12.4k, 1.2M, 800K

const MULTIPLIER = { k: 1_000, m: 1_000_000 } as const;

/**
 * "12,400" → 12400, "12.4k" → 12400, "1.2m" → 1200000, 500 → 500.
 * Returns null for anything that is not a non-negative whole count (or over FOLLOWERS_MAX).
 * Suffixed values are rounded to the nearest whole follower ("1.23456m" → 1234560).
 */
export function parseFollowerCount(input: string | number): number | null {
  let value: number;
  if (typeof input === "number") {
    value = input;
  } else {
    const text = input.trim();
    const suffixed = SUFFIXED.exec(text);
    if (PLAIN.test(text)) value = Number(text);
    else if (GROUPED.test(text)) value = Number(text.replace(/,/g, ""));
    else if (suffixed?.[1] && suffixed[2]) {
      const unit = suffixed[2].toLowerCase() === "k" ? "k" : "m";
      value = Math.round(Number(suffixed[1]) * MULTIPLIER[unit]);
    } else return null;
  }
  if (!Number.isSafeInteger(value) || value < 0 || value > FOLLOWERS_MAX) return null;
  return value;
}
