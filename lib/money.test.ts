import { describe, expect, it } from "vitest";
import { moneyInputSchema, parseMoneyToMinor } from "@/lib/money";

describe("money input", () => {
  it.each([
    ["1500", 150_000],
    ["1,500.50", 150_050],
    ["$12.5", 1_250],
    ["0", 0],
  ])("%s → %i minor units", (text, minor) => {
    expect(parseMoneyToMinor(text)).toBe(minor);
  });

  it.each(["-5", "1.234", "abc", "1e5", "12,34,5.5.5"])("refuses %s", (text) => {
    expect(moneyInputSchema.safeParse(text).success).toBe(false);
  });

  it("blank is no amount", () => {
    expect(moneyInputSchema.parse("  ")).toBeNull();
  });
});
