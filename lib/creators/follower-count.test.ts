import { describe, expect, it } from "vitest";
import { FOLLOWERS_MAX, parseFollowerCount } from "@/lib/creators/follower-count";

describe("parseFollowerCount", () => {
  it.each([
    ["12400", 12400],
    [" 12400 ", 12400],
    ["0", 0],
    ["12,400", 12400],
    ["1,200,000", 1_200_000],
    ["12.4k", 12400],
    ["12.4K", 12400],
    ["800k", 800_000],
    ["1.2m", 1_200_000],
    ["1.2 M", 1_200_000],
    ["1.23456m", 1_234_560],
    [500, 500],
  ])("reads %j as %d", (input, expected) => {
    expect(parseFollowerCount(input)).toBe(expected);
  });

  it.each(["", "abc", "-5", "12.4", "12.400", "1,2,3", "12,40", "1.2b", "12k5", "1e6", "∞"])("refuses %j", (input) => {
    expect(parseFollowerCount(input)).toBeNull();
  });

  it("refuses negative, fractional, non-finite and too-large numbers", () => {
    expect(parseFollowerCount(-1)).toBeNull();
    expect(parseFollowerCount(1.5)).toBeNull();
    expect(parseFollowerCount(Number.NaN)).toBeNull();
    expect(parseFollowerCount(FOLLOWERS_MAX)).toBe(FOLLOWERS_MAX);
    expect(parseFollowerCount(FOLLOWERS_MAX + 1)).toBeNull();
    expect(parseFollowerCount("3m")).toBe(3_000_000);
    expect(parseFollowerCount("2001m")).toBeNull();
  });
});
