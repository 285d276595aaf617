// Reading a creator CSV, before anything touches the database: file-level checks (size, row
// count, required columns), row-by-row validation with the row numbers a spreadsheet shows
// (header = row 1), and grouping rows into creators.
//
// Grouping rule: rows with the same e-mail are one creator; rows without an e-mail join the
// e-mail group whose name they share (when exactly one does), else they group by name
// (case- and space-insensitive). A creator's rows are all-or-nothing: if one of them is refused,
// the creator's other rows are refused too (and say why), so an import never leaves a creator
// with some of its platforms and not others. Fix the file and import it again — re-importing
// updates creators instead of duplicating them.
import Papa from "papaparse";
import type { Platform } from "@prisma/client";
import { invalidField, type AppError, type FieldIssue } from "@/lib/errors";
import { platformLabel } from "@/lib/creators/platforms";
import { IMPORT_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/creators/import-limits";
import { creatorCsvRowSchema } from "@/lib/creators/schema";
import { fieldIssues } from "@/lib/validation";

const REQUIRED_COLUMNS = ["name", "platform", "handle", "followers"] as const;

export type RefusedRow = { row: number; issues: FieldIssue[] };
export type ImportPlatformRow = { row: number; platform: Platform; handle: string; followers: number };
export type ImportGroup = { key: string; name: string; email?: string; rows: ImportPlatformRow[] };
export type ReadCreatorCsv = { groups: ImportGroup[]; refused: RefusedRow[]; dataRows: number };

/** Names compared the way people mean them: "Maya  Lopez" and "maya lopez" are one name. */
export function normaliseName(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * Parses and validates a creator CSV. Throws an invalid_input AppError (path "file") when the
 * file as a whole cannot be imported; otherwise returns the creators to write and the refused rows.
 */
export function readCreatorCsv(text: string): ReadCreatorCsv {
  if (Buffer.byteLength(text, "utf8") > IMPORT_MAX_BYTES) throw tooBig();
  // Parsed here rather than with lib/csv's parseCsv: that one drops blank lines, which would make
  // the row numbers in the report differ from the ones the spreadsheet shows.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { header: false, skipEmptyLines: false });
  const records = parsed.data;
  const header = (records[0] ?? []).map((cell) => cell.trim().toLowerCase());
  if (header.every((cell) => cell === "")) {
    throw invalidField("file", `The file is empty. The first row must name the columns: ${IMPORT_COLUMNS.join(", ")}.`);
  }
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw invalidField(
      "file",
      `Missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}. The first row must name the columns: ${IMPORT_COLUMNS.join(", ")} (e-mail may be left empty).`,
    );
  }
  const columnIndex = new Map<string, number>();
  header.forEach((name, index) => {
    if (!columnIndex.has(name)) columnIndex.set(name, index);
  });

  const parseErrors = new Map<number, string>();
  for (const error of parsed.errors) {
    if (typeof error.row === "number" && !parseErrors.has(error.row)) parseErrors.set(error.row, error.message);
  }

  const refused: RefusedRow[] = [];
  const valid: { row: number; name: string; email?: string; platform: Platform; handle: string; followers: number }[] = [];
  const refusedRaw = new Map<number, { name: string; email?: string }>(); // refused row → who it was about
  let dataRows = 0;
  for (let index = 1; index < records.length; index++) {
    const record = records[index] ?? [];
    if (record.every((cell) => cell.trim() === "")) continue;
    dataRows++;
    if (dataRows > IMPORT_MAX_ROWS) throw tooBig();
    const row = index + 1;
    const cell = (column: string) => {
      const at = columnIndex.get(column);
      return at === undefined ? "" : (record[at] ?? "").trim();
    };
    const parseError = parseErrors.get(index) ?? extraCells(record, header.length);
    if (parseError) {
      refused.push({ row, issues: [{ path: "(row)", message: `Unreadable CSV row: ${parseError}` }] });
      refusedRaw.set(row, { name: cell("name"), email: cell("email").toLowerCase() || undefined });
      continue;
    }
    const result = creatorCsvRowSchema.safeParse({ name: cell("name"), email: cell("email"), platform: cell("platform"), handle: cell("handle"), followers: cell("followers") });
    if (result.success) {
      valid.push({ row, ...result.data });
    } else {
      refused.push({ row, issues: fieldIssues(result.error) });
      refusedRaw.set(row, { name: cell("name"), email: cell("email").toLowerCase() || undefined });
    }
  }

  // E-mail groups first, so a row without e-mail can join one by name.
  const groups = new Map<string, ImportGroup>();
  const emailGroupsByName = new Map<string, string[]>();
  for (const row of valid) {
    if (!row.email) continue;
    const key = `email:${row.email}`;
    if (!groups.has(key)) {
      groups.set(key, { key, name: row.name, email: row.email, rows: [] });
      const names = emailGroupsByName.get(normaliseName(row.name)) ?? [];
      emailGroupsByName.set(normaliseName(row.name), [...names, key]);
    }
  }
  const keyOf = (row: { name: string; email?: string }) => {
    if (row.email) return `email:${row.email}`;
    const byName = emailGroupsByName.get(normaliseName(row.name)) ?? [];
    return byName.length === 1 && byName[0] ? byName[0] : `name:${normaliseName(row.name)}`;
  };
  const refusedGroups = new Map<string, number>(); // group → first refused row
  for (const [row, raw] of refusedRaw) if (!refusedGroups.has(keyOf(raw))) refusedGroups.set(keyOf(raw), row);

  for (const row of valid) {
    const key = keyOf(row);
    const group = groups.get(key) ?? { key, name: row.name, rows: [] };
    groups.set(key, group);
    const twice = group.rows.find((other) => other.platform === row.platform);
    if (twice) {
      refused.push({ row: row.row, issues: [{ path: "platform", message: `${platformLabel(row.platform)} is already given for this creator in row ${twice.row}` }] });
      if (!refusedGroups.has(key)) refusedGroups.set(key, row.row);
      continue;
    }
    group.rows.push({ row: row.row, platform: row.platform, handle: row.handle, followers: row.followers });
  }

  // All-or-nothing per creator: the good rows of a creator with a refused row are refused too.
  for (const [key, firstRefused] of refusedGroups) {
    const group = groups.get(key);
    if (!group) continue;
    for (const row of group.rows) {
      refused.push({ row: row.row, issues: [{ path: "(row)", message: `Not imported: row ${firstRefused} of the same creator was refused, and a creator is imported whole or not at all` }] });
    }
    groups.delete(key);
  }

  refused.sort((a, b) => a.row - b.row);
  return { groups: [...groups.values()].filter((group) => group.rows.length > 0), refused, dataRows };
}

/**
 * A row with filled cells beyond the header's columns: most often an unquoted comma inside a
 * value — `22,500` followers read as 22 and a stray 500. Refused rather than guessed at.
 */
function extraCells(record: readonly string[], columns: number): string | null {
  const extra = record.slice(columns).filter((cell) => cell.trim() !== "");
  if (extra.length === 0) return null;
  return (
    `it has ${record.length} cells but the first row names ${columns} columns. A comma inside a value splits it: ` +
    `write 22,500 followers as 22500 or "22,500" (in quotes), and quote any name or handle with a comma`
  );
}

function tooBig(): AppError {
  return invalidField(
    "file",
    `The file is too large: import at most ${IMPORT_MAX_ROWS.toLocaleString("en-US")} rows and ${IMPORT_MAX_BYTES / 1_000_000} MB at a time (split it into several files).`,
  );
}
