import { describe, expect, it } from "vitest";
import { buildDestination } from "@/lib/redirect/destination";

describe("buildDestination", () => {
  it("returns the destination unchanged when the visitor brought no query", () => {
    expect(buildDestination("https://shop.example.com/a?utm_source=ig#top", "")).toBe("https://shop.example.com/a?utm_source=ig#top");
  });

  it("merges the visitor's parameters and keeps the fragment", () => {
    expect(buildDestination("https://shop.example.com/a?utm_source=ig#top", "?ref=story&x=1")).toBe(
      "https://shop.example.com/a?utm_source=ig&ref=story&x=1#top",
    );
  });

  it("keeps the destination's value when both set the same parameter", () => {
    expect(buildDestination("https://shop.example.com/?utm_source=instagram", "?utm_source=spam&utm_term=reel")).toBe(
      "https://shop.example.com/?utm_source=instagram&utm_term=reel",
    );
  });

  it("keeps the destination's own query text exactly as written", () => {
    expect(buildDestination("https://shop.example.com/p?sig=a%20b;c&flag", "?ref=x")).toBe("https://shop.example.com/p?sig=a%20b;c&flag&ref=x");
    expect(buildDestination("https://shop.example.com/p?a=1", "?a=2")).toBe("https://shop.example.com/p?a=1");
  });

  it("adds a query to a destination without one, encoding safely", () => {
    expect(buildDestination("https://shop.example.com/p", "?q=a%20b&emoji=%F0%9F%94%A5")).toBe("https://shop.example.com/p?q=a+b&emoji=%F0%9F%94%A5");
  });
});

describe("buildDestination with a click id", () => {
  const click = { name: "cp_click", value: "Zx9-abc_123" };

  it("appends the click id without breaking an existing query or the fragment", () => {
    expect(buildDestination("https://shop.example.com/a?utm_source=ig#top", "", click)).toBe("https://shop.example.com/a?utm_source=ig&cp_click=Zx9-abc_123#top");
    expect(buildDestination("https://shop.example.com/a#top", "", click)).toBe("https://shop.example.com/a?cp_click=Zx9-abc_123#top");
    expect(buildDestination("https://shop.example.com/p?sig=a%20b;c&flag", "?ref=x", click)).toBe("https://shop.example.com/p?sig=a%20b;c&flag&ref=x&cp_click=Zx9-abc_123");
  });

  it("is always this click's id: a visitor's or the destination's own value is replaced", () => {
    expect(buildDestination("https://shop.example.com/?cp_click=stale&a=1", "?cp_click=forged&b=2", click)).toBe(
      "https://shop.example.com/?a=1&b=2&cp_click=Zx9-abc_123",
    );
  });

  it("uses the workspace's parameter name", () => {
    expect(buildDestination("https://shop.example.com/", "", { name: "ref_id", value: "abc" })).toBe("https://shop.example.com/?ref_id=abc");
  });
});
