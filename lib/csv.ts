// CSV in and out, through papaparse. Exports neutralise spreadsheet formulas: a cell starting with
// = + - @ (or a tab / carriage return) is prefixed with a quote, so opening an export in Excel or
// Sheets never runs what a creator typed into their name.
import Papa from "papaparse";

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = value instanceof Date ? value.toISOString() : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A CSV document with a header row; columns in the given order. */
export function toCsv<Row>(rows: readonly Row[], columns: readonly { header: string; value: (row: Row) => unknown }[]): string {
  return Papa.unparse({
    fields: columns.map((c) => c.header),
    data: rows.map((row) => columns.map((c) => neutraliseCell(c.value(row)))),
  });
}

export type ParsedCsv = { headers: string[]; rows: Record<string, string>[] };

/** Parses CSV text with a header row; header names are trimmed and lowercased. */
export function parseCsv(text: string): ParsedCsv {
  const result = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (header) => header.trim().toLowerCase(),
    transform: (value) => value.trim(),
  });
  return { headers: result.meta.fields ?? [], rows: result.data };
}

/** A Response that downloads as a file (for route handlers that export tables). */
export function csvResponse(csv: string, filename: string): Response {
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]+/g, "-")}"`,
      "Cache-Control": "no-store",
    },
  });
}
