import { describe, expect, it } from "vitest";
import { creatorFormInput } from "@/lib/creators/form-input";

describe("creatorFormInput", () => {
  it("turns flat form fields into platform rows, in index order, ignoring rows the form does not have", () => {
    expect(
      creatorFormInput({
        name: "Maya",
        email: "",
        "platforms.2.handle": "c",
        "platforms.0.platform": "instagram",
        "platforms.0.handle": "a",
        "platforms.0.followers": "10",
        "platforms.7.handle": "ignored",
        other: "ignored",
      }),
    ).toEqual({ name: "Maya", email: "", niche: undefined, notes: undefined, platforms: [{ platform: "instagram", handle: "a", followers: "10" }, {}, { handle: "c" }] });
  });
});
