import { describe, expect, it } from "vitest";
import { rosterOptions, rosterQuery } from "@/lib/creators/roster-options";

describe("roster options", () => {
  it("reads ?q, ?sort and ?view with safe defaults", () => {
    expect(rosterOptions({})).toEqual({ q: "", sort: "name", archived: false });
    expect(rosterOptions({ q: " @maya ", sort: "-followers", view: "archived" })).toEqual({ q: "maya", sort: "-followers", archived: true });
    expect(rosterOptions({ sort: "drop table", view: "all", q: ["a", "b"] })).toEqual({ q: "a", sort: "name", archived: false });
  });

  it("writes a query string without defaults", () => {
    expect(rosterQuery({ q: "", sort: "name", archived: false })).toBe("");
    expect(rosterQuery({ q: "maya lopez", sort: "followers", archived: true })).toBe("?q=maya+lopez&sort=followers&view=archived");
  });
});
