import { describe, expect, it } from "vitest";
import { createLinkSchema, slugSchema } from "@/lib/links/schema";
import { destinationUrlSchema, URL_MAX } from "@/lib/urls/destination";

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((issue) => issue.message) ?? [];

describe("slugSchema", () => {
  it.each(["maya-lopez", "spring-drop-maya-lopez", "a", "x1", "2026-drop"])("accepts %s", (slug) => {
    expect(slugSchema.parse(slug)).toBe(slug);
  });

  it.each([
    ["Maya", "lowercase"],
    ["maya_lopez", "lowercase letters, digits and single hyphens"],
    ["-maya", "single hyphens"],
    ["maya-", "single hyphens"],
    ["maya--lopez", "single hyphens"],
    ["maya.lopez", "single hyphens"],
    ["a/b", "single hyphens"],
    ["café", "single hyphens"],
  ])("refuses %s and says why", (slug, why) => {
    const result = slugSchema.safeParse(slug);
    expect(result.success).toBe(false);
    expect(messages(result).join(" ")).toContain(why);
  });

  it.each(["api", "login", "_next", "w", "signup", "workspaces"])("refuses the reserved word %s on the default domain", (slug) => {
    const result = createLinkSchema.safeParse({ url: "https://example.com", slug });
    expect(result.success).toBe(false);
    expect(messages(result).join(" ")).toMatch(/reserved|lowercase/);
  });

  it.each(["api", "login", "signup", "docs"])("allows %s on a branded domain, which the app does not share", (slug) => {
    expect(createLinkSchema.safeParse({ url: "https://example.com", slug, domain: "go.brand.com" }).success).toBe(true);
  });

  it("refuses slugs over 64 characters", () => {
    expect(messages(slugSchema.safeParse("a".repeat(65)))).toContain("Slug can be at most 64 characters");
  });
});

describe("destinationUrlSchema", () => {
  it("accepts http and https URLs and trims them", () => {
    expect(destinationUrlSchema.parse("  https://shop.example.com/a?b=1#c ")).toBe("https://shop.example.com/a?b=1#c");
    expect(destinationUrlSchema.parse("http://127.0.0.1:8080/")).toBe("http://127.0.0.1:8080/");
  });

  it.each([
    ["javascript:alert(1)", "not javascript"],
    ["data:text/html,hi", "not data"],
    ["file:///etc/passwd", "not file"],
    ["ftp://example.com", "not ftp"],
    ["shop.example.com", "full URL"],
    ["", "required"],
    ["https://user:pw@example.com", "user name or password"],
  ])("refuses %s", (url, why) => {
    const result = destinationUrlSchema.safeParse(url);
    expect(result.success).toBe(false);
    expect(messages(result).join(" ")).toContain(why);
  });

  it("refuses URLs longer than 2,048 characters and accepts exactly 2,048", () => {
    const base = "https://example.com/";
    expect(destinationUrlSchema.safeParse(base + "a".repeat(URL_MAX - base.length)).success).toBe(true);
    expect(messages(destinationUrlSchema.safeParse(base + "a".repeat(URL_MAX - base.length + 1)))).toContain(
      "Destination URL can be at most 2,048 characters",
    );
  });
});

describe("createLinkSchema", () => {
  it("treats an empty slug or creator as none (a random slug is made, no creator)", () => {
    const parsed = createLinkSchema.parse({ url: "https://example.com", slug: "", creatorId: "" });
    expect(parsed.slug).toBeUndefined();
    expect(parsed.creatorId).toBeUndefined();
  });

  it("reports every bad field with its path and its readable reason", () => {
    const result = createLinkSchema.safeParse({ url: 42, slug: "Bad Slug" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["url", "Destination URL must be text"],
      ["slug", "Slug may use only lowercase letters, digits and single hyphens between them (e.g. maya-lopez)"],
    ]);
  });
});
