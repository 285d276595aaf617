import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readCreatorCsv } from "@/lib/creators/csv-import";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/creators/import-limits";

function fileError(text: string): string {
  try {
    readCreatorCsv(text);
  } catch (error) {
    if (error instanceof AppError && Array.isArray(error.details)) return `${error.details[0]?.path}: ${error.details[0]?.message}`;
    throw error;
  }
  throw new Error("expected the file to be refused");
}

describe("readCreatorCsv", () => {
  it("groups rows by e-mail, then by name, with case-insensitive headers and extra columns ignored", () => {
    const csv = [
      "Name,E-mail ignored,EMAIL,Platform,Handle,Followers,Comment",
      "Maya Lopez,x,Maya@Example.com,Instagram,@maya.eats,\"12,400\",hi",
      "maya lopez,x,maya@example.com,TikTok,maya,12.4k,",
      "Sam Reed,x,,YouTube,samreed,1.2m,",
      "sam  reed,x,,twitter,sam,900,",
      "Maya Lopez,x,,X,mayax,300,", // no e-mail, same name as an e-mail group → joins it
    ].join("\n");
    const { groups, refused, dataRows } = readCreatorCsv(csv);
    expect(refused).toEqual([]);
    expect(dataRows).toBe(5);
    expect(groups).toEqual([
      {
        key: "email:maya@example.com",
        name: "Maya Lopez",
        email: "maya@example.com",
        rows: [
          { row: 2, platform: "instagram", handle: "maya.eats", followers: 12400 },
          { row: 3, platform: "tiktok", handle: "maya", followers: 12400 },
          { row: 6, platform: "x", handle: "mayax", followers: 300 },
        ],
      },
      {
        key: "name:sam reed",
        name: "Sam Reed",
        rows: [
          { row: 4, platform: "youtube", handle: "samreed", followers: 1_200_000 },
          { row: 5, platform: "x", handle: "sam", followers: 900 },
        ],
      },
    ]);
  });

  it("reports bad rows with the spreadsheet's row number and field paths; blank lines keep the numbering", () => {
    const csv = ["name,email,platform,handle,followers", "Ana,ana@example.com,Instagram,ana,100", "", "Bo,bo@,Fax,bo,lots", "Cy,,Instagram,,10"].join("\n");
    const { groups, refused } = readCreatorCsv(csv);
    expect(groups.map((g) => g.name)).toEqual(["Ana"]);
    expect(refused).toEqual([
      {
        row: 4,
        issues: [
          { path: "email", message: expect.stringContaining("valid e-mail") },
          { path: "platform", message: expect.stringContaining('Unknown platform "Fax"') },
          { path: "followers", message: expect.stringContaining("whole number") },
        ],
      },
      { row: 5, issues: [{ path: "handle", message: "Handle is required" }] },
    ]);
  });

  it("refuses a row with more filled cells than columns (an unquoted 22,500) instead of importing 22 followers", () => {
    const csv = [
      "name,email,platform,handle,followers",
      "Ana,ana@example.com,Instagram,ana,22,500",
      'Bo,,Instagram,bo,"22,500"',
      "Cy,,TikTok,cy,10,", // a trailing empty cell is no extra value
      "Ana,ana@example.com,TikTok,ana.tt,100",
    ].join("\n");
    const { groups, refused } = readCreatorCsv(csv);
    expect(groups.map((g) => [g.name, g.rows.map((r) => r.followers)])).toEqual([["Bo", [22_500]], ["Cy", [10]]]);
    expect(refused).toEqual([
      { row: 2, issues: [{ path: "(row)", message: expect.stringMatching(/has 6 cells but the first row names 5 columns.*write 22,500 followers as 22500 or "22,500"/) }] },
      { row: 5, issues: [{ path: "(row)", message: expect.stringContaining("row 2 of the same creator was refused") }] },
    ]);
  });

  it("refuses a creator whole when one of its rows is bad, and a platform given twice", () => {
    const csv = [
      "name,email,platform,handle,followers",
      "Ana,ana@example.com,Instagram,ana,100",
      "Ana,ana@example.com,TikTok,ana,-1",
      "Bo,,YouTube,bo,5",
      "Bo,,youtube,bo2,6",
      "Cy,,Twitch,cy,7",
    ].join("\n");
    const { groups, refused } = readCreatorCsv(csv);
    expect(groups.map((g) => g.name)).toEqual(["Cy"]);
    expect(refused.map((r) => [r.row, r.issues[0]?.path, r.issues[0]?.message])).toEqual([
      [2, "(row)", expect.stringContaining("row 3 of the same creator was refused")],
      [3, "followers", expect.stringContaining("whole number")],
      [4, "(row)", expect.stringContaining("row 5 of the same creator was refused")],
      [5, "platform", "YouTube is already given for this creator in row 4"],
    ]);
  });

  it("refuses files without the needed columns, empty files and files over the limits", () => {
    expect(fileError("name,platform,followers\nAna,Instagram,1")).toMatch(/^file: Missing column handle\./);
    expect(fileError("")).toMatch(/^file: The file is empty/);
    expect(fileError("name,platform,handle,followers\n" + "Ana,Instagram,ana,1\n".repeat(IMPORT_MAX_ROWS + 1))).toMatch(/too large/);
    expect(fileError("name,platform,handle,followers\n" + "x".repeat(IMPORT_MAX_BYTES))).toMatch(/too large/);
  });

  it("accepts exactly the row limit, and files without an e-mail column", () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS }, (_, i) => `Creator ${i},Instagram,c${i},${i}`);
    const { groups } = readCreatorCsv(["name,platform,handle,followers", ...rows].join("\n"));
    expect(groups).toHaveLength(IMPORT_MAX_ROWS);
  });
});
