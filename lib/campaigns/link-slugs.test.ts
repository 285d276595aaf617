import { describe, expect, it } from "vitest";
import { chooseLinkSlug, slugCandidates } from "@/lib/campaigns/link-slugs";

describe("per-creator link slugs", () => {
  it("a creator's first partnership gets creator-name", () => {
    expect(chooseLinkSlug("maya-lopez", "spring-drop", false, new Set())).toBe("maya-lopez");
  });

  it("a creator who already has links gets campaign-creator-name", () => {
    expect(chooseLinkSlug("maya-lopez", "spring-drop", true, new Set())).toBe("spring-drop-maya-lopez");
  });

  it("collisions go predictably to campaign-creator-name, then -2, -3", () => {
    expect(chooseLinkSlug("maya-lopez", "spring-drop", false, new Set(["maya-lopez"]))).toBe("spring-drop-maya-lopez");
    expect(chooseLinkSlug("maya-lopez", "spring-drop", true, new Set(["spring-drop-maya-lopez"]))).toBe("spring-drop-maya-lopez-2");
    expect(chooseLinkSlug("maya-lopez", "spring-drop", true, new Set(["spring-drop-maya-lopez", "spring-drop-maya-lopez-2"]))).toBe(
      "spring-drop-maya-lopez-3",
    );
  });

  it("never proposes a reserved word and stays within 64 characters", () => {
    expect(slugCandidates("login", "x", false)[0]).toBe("x-login");
    const long = slugCandidates("a".repeat(40), "b".repeat(40), true);
    expect(long.every((slug) => slug.length <= 64)).toBe(true);
    expect(long[0]).toMatch(/^b+-a{40}$/);
  });
});
