import { describe, expect, it } from "vitest";
import { firstFreeSlug, slugifyWorkspaceName } from "@/lib/workspaces/slug";

describe("workspace slugs", () => {
  it.each([
    ["Acme Café & Co.", "acme-cafe-co"],
    ["  Glow   Skincare  ", "glow-skincare"],
    ["Ünïcödé Brand", "unicode-brand"],
    ["!!!", "workspace"],
    ["Login", "login-team"],
  ])("%s → %s", (name, slug) => {
    expect(slugifyWorkspaceName(name)).toBe(slug);
  });

  it("caps the length without a trailing hyphen", () => {
    const slug = slugifyWorkspaceName("a".repeat(39) + " b" + "c".repeat(20));
    expect(slug.length).toBeLessThanOrEqual(40);
    expect(slug.endsWith("-")).toBe(false);
  });

  it("numbers duplicates predictably", () => {
    expect(firstFreeSlug("acme", new Set())).toBe("acme");
    expect(firstFreeSlug("acme", new Set(["acme"]))).toBe("acme-2");
    expect(firstFreeSlug("acme", new Set(["acme", "acme-2", "acme-3"]))).toBe("acme-4");
  });
});
