import { describe, expect, it } from "vitest";
import { convertMinor, sumInCurrency, type Rates } from "@/lib/conversions/currency";

// The brand entered: 1 EUR = 1.08 USD, 1 JPY = 0.0067 USD (workspace currency USD); no GBP rate.
const rates: Rates = { base: "USD", rates: new Map([["EUR", 1.08], ["JPY", 0.0067]]) };

describe("currency conversion with the brand's rates", () => {
  it("converts to and from the workspace currency and between two others", () => {
    expect(convertMinor(10_000, "EUR", "USD", rates)).toBe(10_800); // €100.00 → $108.00
    expect(convertMinor(10_800, "USD", "EUR", rates)).toBe(10_000);
    expect(convertMinor(1_000, "JPY", "USD", rates)).toBe(670); // ¥1,000 → $6.70
    expect(convertMinor(10_000, "EUR", "JPY", rates)).toBe(16_119); // €100 → ¥16,119
    expect(convertMinor(123, "GBP", "GBP", rates)).toBe(123);
  });

  it("never guesses: without a rate the amount stays apart", () => {
    expect(convertMinor(5_000, "GBP", "USD", rates)).toBeNull();
    expect(sumInCurrency([{ currency: "USD", minor: 1_000 }, { currency: "EUR", minor: 1_000 }, { currency: "GBP", minor: 700 }, { currency: "GBP", minor: 300 }], "USD", rates)).toEqual({
      minor: 2_080,
      apart: new Map([["GBP", 1_000]]),
    });
  });
});
