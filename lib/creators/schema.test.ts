import { describe, expect, it } from "vitest";
import { creatorCsvRowSchema, creatorDetailsSchema, createCreatorSchema, followersSchema, handleSchema, platformSchema } from "@/lib/creators/schema";
import { fieldIssues } from "@/lib/validation";
import { parsePlatform } from "@/lib/creators/platforms";

const issues = (result: { success: boolean; error?: Parameters<typeof fieldIssues>[0] }) => (result.error ? fieldIssues(result.error) : []);

describe("creator schemas", () => {
  it("normalises handles: leading @ and spaces removed", () => {
    expect(handleSchema.parse(" @maya.eats ")).toBe("maya.eats");
    expect(handleSchema.parse("@@Maya_Lopez-2")).toBe("Maya_Lopez-2");
    expect(handleSchema.parse("josé")).toBe("josé");
  });

  it.each([
    ["", "Handle is required"],
    ["@", "Handle is required"],
    ["https://instagram.com/maya", "paste the handle"],
    ["maya lopez", "letters, digits"],
    ["x".repeat(101), "at most 100"],
  ])("refuses the handle %j", (handle, message) => {
    const result = handleSchema.safeParse(handle);
    expect(result.success).toBe(false);
    expect(issues(result)[0]?.message).toContain(message);
  });

  it("reads platforms by value, label and common names", () => {
    expect(["instagram", "Instagram", "TikTok", "YouTube", "X", "Twitter", "LinkedIn", "Twitch", "Blog", "Newsletter", "Blog / newsletter", "Other"].map(parsePlatform)).toEqual([
      "instagram",
      "instagram",
      "tiktok",
      "youtube",
      "x",
      "x",
      "linkedin",
      "twitch",
      "blog",
      "blog",
      "blog",
      "other",
    ]);
    expect(parsePlatform("myspace")).toBeNull();
    expect(issues(platformSchema.safeParse("myspace"))[0]?.message).toMatch(/^Unknown platform "myspace"; use one of Instagram, TikTok/);
    expect(issues(platformSchema.safeParse(""))[0]?.message).toBe("Choose a platform");
  });

  it("lowercases e-mail, treats blank optional fields as absent, and refuses a bad e-mail", () => {
    expect(creatorDetailsSchema.parse({ name: " Maya ", email: " Maya@Example.COM ", niche: "", notes: "  " })).toEqual({ name: "Maya", email: "maya@example.com" });
    expect(issues(creatorDetailsSchema.safeParse({ name: "", email: "maya@" }))).toEqual([
      { path: "name", message: "Name is required" },
      { path: "email", message: "Enter a valid e-mail address, such as maya@example.com" },
    ]);
  });

  it("creates with platform rows, ignoring empty rows but keeping each row's field path", () => {
    const input = {
      name: "Maya",
      platforms: [
        { platform: "instagram", handle: "@maya", followers: "12.4k" },
        { platform: "", handle: "", followers: "" },
        { platform: "tiktok", handle: "maya", followers: "80,000" },
      ],
    };
    expect(createCreatorSchema.parse(input).platforms).toEqual([
      { platform: "instagram", handle: "maya", followers: 12400 },
      { platform: "tiktok", handle: "maya", followers: 80000 },
    ]);
    const bad = createCreatorSchema.safeParse({ ...input, platforms: [{ platform: "instagram", handle: "", followers: "" }, {}, { platform: "", handle: "maya", followers: "lots" }] });
    expect(issues(bad)).toEqual([
      { path: "platforms.2.platform", message: "Choose a platform" },
      { path: "platforms.2.followers", message: expect.stringContaining("12.4k") },
    ]);
  });

  it("needs at least one platform, and each platform once", () => {
    expect(issues(createCreatorSchema.safeParse({ name: "Maya", platforms: [{ platform: "instagram", handle: "", followers: "" }] }))).toEqual([
      { path: "platforms", message: "Add at least one platform with its handle and follower count" },
    ]);
    const twice = createCreatorSchema.safeParse({
      name: "Maya",
      platforms: [
        { platform: "instagram", handle: "a", followers: 1 },
        { platform: "Instagram", handle: "b", followers: 2 },
      ],
    });
    expect(issues(twice)).toEqual([{ path: "platforms.1.platform", message: expect.stringContaining("already listed") }]);
  });

  it("says why a follower count is refused", () => {
    expect(issues(followersSchema.safeParse("lots"))[0]?.message).toBe("Use a whole number like 12400, 12,400, 12.4k or 1.2m");
    expect(issues(followersSchema.safeParse("3,000,000,000"))[0]?.message).toBe("Followers can be at most 2,000,000,000");
    expect(issues(followersSchema.safeParse(""))[0]?.message).toBe("Follower count is required");
  });

  it("validates a CSV row with field paths", () => {
    expect(creatorCsvRowSchema.parse({ name: "Maya", email: "", platform: "TikTok", handle: "@maya", followers: "1.2m" })).toEqual({
      name: "Maya",
      platform: "tiktok",
      handle: "maya",
      followers: 1_200_000,
    });
    expect(issues(creatorCsvRowSchema.safeParse({ name: "Maya", email: "nope", platform: "Fax", handle: "maya", followers: "-3" })).map((i) => i.path)).toEqual([
      "email",
      "platform",
      "followers",
    ]);
  });
});
