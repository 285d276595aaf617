import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/format";
import { minorDigits, minorToMajor, moneyHint, parseMoneyToMinor, relabelMinor } from "@/lib/money";

describe("minor units per currency", () => {
  it("knows each currency's minor unit (ISO 4217)", () => {
    expect([minorDigits("USD"), minorDigits("EUR"), minorDigits("JPY"), minorDigits("KRW"), minorDigits("KWD")]).toEqual([2, 2, 0, 0, 3]);
  });

  it("follows ISO 4217, not the runtime's locale data (which prints IDR and HUF without decimals)", () => {
    expect([minorDigits("IDR"), minorDigits("HUF"), minorDigits("CLF"), minorDigits("jpy")]).toEqual([2, 2, 4, 0]);
  });

  it("treats an unknown code as two decimals rather than failing", () => {
    expect(minorDigits("ZZ")).toBe(2);
  });
});

describe("typed amounts → minor units", () => {
  it.each([
    ["1500", "USD", 150_000],
    ["1,500.50", "USD", 150_050],
    ["$12.5", "USD", 1_250],
    ["0", "USD", 0],
    ["0.07", "EUR", 7],
    ["1500", "JPY", 1_500],
    ["¥1,500", "JPY", 1_500],
    ["₩25000", "KRW", 25_000],
    ["1.25", "KWD", 1_250],
    ["1.005", "KWD", 1_005],
  ])("%s %s → %i minor units", (text, currency, minor) => {
    expect(parseMoneyToMinor(text, currency)).toBe(minor);
  });

  it.each([
    ["-5", "USD"],
    ["1.234", "USD"],
    ["abc", "USD"],
    ["1e5", "USD"],
    ["12,34,5.5.5", "USD"],
    ["12,34,5", "USD"],
    ["1,2345", "USD"],
    [",500", "USD"],
    ["5,00.50", "USD"],
    ["", "USD"],
    ["1500.5", "JPY"],
    ["1500.", "JPY"],
    ["1.0001", "KWD"],
  ])("refuses %s in %s", (text, currency) => {
    expect(parseMoneyToMinor(text, currency)).toBeNull();
  });

  it("does not drift through floating point: 0.29 USD is 29 cents, 1,234,567.89 is exact", () => {
    expect(parseMoneyToMinor("0.29", "USD")).toBe(29);
    expect(parseMoneyToMinor("1,234,567.89", "USD")).toBe(123_456_789);
  });

  it("explains the currency's shape when an amount is refused", () => {
    expect(moneyHint("JPY", 5000)).toBe("Enter a whole amount like 5000 (JPY has no decimals)");
    expect(moneyHint("USD", 5000)).toBe("Enter an amount like 5000 or 5000.00");
    expect(moneyHint("KWD", 5)).toBe("Enter an amount like 5 or 5.000");
  });
});

describe("minor units → text", () => {
  it("writes plain major units with the currency's decimals (CSV and form fields)", () => {
    expect(minorToMajor(150_050, "USD")).toBe("1500.50");
    expect(minorToMajor(1_500, "JPY")).toBe("1500");
    expect(minorToMajor(1_250, "KWD")).toBe("1.250");
    expect(minorToMajor(33.333, "USD")).toBe("0.33"); // a per-click cost is a fraction of a cent
  });

  it("formats for people with the currency's own decimals", () => {
    expect(formatMoney(150_050, "USD")).toBe("$1,500.50");
    expect(formatMoney(1_500, "JPY")).toBe("¥1,500");
    expect(formatMoney(25_000, "KRW")).toBe("₩25,000");
    expect(formatMoney(null, "JPY")).toBe("—");
  });

  it("round-trips what a form shows back to the same amount", () => {
    for (const [minor, currency] of [[150_050, "USD"], [1_500, "JPY"], [1_250, "KWD"], [7, "EUR"]] as const) {
      expect(parseMoneyToMinor(minorToMajor(minor, currency), currency)).toBe(minor);
    }
  });
});

describe("relabelling an amount into another currency", () => {
  it("keeps the typed number: $500.00 → ¥500 → $500.00, € stays as is", () => {
    expect(relabelMinor(50_000, "USD", "JPY")).toBe(500);
    expect(relabelMinor(500, "JPY", "USD")).toBe(50_000);
    expect(relabelMinor(50_000, "USD", "EUR")).toBe(50_000);
    expect(relabelMinor(1_250, "KWD", "USD")).toBe(125);
  });
});
