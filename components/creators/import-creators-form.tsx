"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { importCreatorsAction } from "@/app/(app)/w/[workspace]/creators/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IMPORT_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/creators/import-limits";
import type { CreatorImportReport } from "@/lib/creators/import-creators";

const plural = (count: number, word: string) => `${count.toLocaleString("en-US")} ${word}${count === 1 ? "" : "s"}`;

export function ImportCreatorsForm({ workspaceSlug }: { workspaceSlug: string }) {
  const [state, action, pending] = useActionState(importCreatorsAction.bind(null, workspaceSlug), null);
  // Checked in the browser too: a file over the limit would otherwise be cut off by the
  // server-action body limit before our own message could explain it.
  const [tooBig, setTooBig] = useState(false);
  const fileError = tooBig ? `The file is too large: import at most ${IMPORT_MAX_BYTES / 1_000_000} MB at a time (split it into several files).` : state && !state.ok ? state.fieldErrors.file : undefined;
  return (
    <div className="space-y-4">
      <form action={action} className="space-y-3" noValidate aria-label="Import creators from CSV">
        <p className="text-sm text-gray-600">
          Columns <code className="rounded bg-gray-100 px-1 font-mono text-xs">{IMPORT_COLUMNS.join(", ")}</code>, one row per platform account. Rows with the same
          e-mail (or the same name when there is none) become one creator; creators already here are updated, not duplicated.
        </p>
        <div>
          <label htmlFor="field-file" className="block text-sm font-medium text-gray-800">
            CSV file
          </label>
          <input
            id="field-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? "field-file-error" : "field-file-hint"}
            onChange={(event) => setTooBig((event.currentTarget.files?.[0]?.size ?? 0) > IMPORT_MAX_BYTES)}
            className="mt-1 block w-full text-sm text-gray-700 file:mr-3 file:rounded-md file:border-0 file:bg-indigo-50 file:px-3 file:py-2 file:text-sm file:font-semibold file:text-indigo-700 hover:file:bg-indigo-100"
          />
          {fileError ? (
            <p id="field-file-error" role="alert" className="mt-1 text-sm text-red-600">
              {fileError}
            </p>
          ) : (
            <p id="field-file-hint" className="mt-1 text-xs text-gray-500">
              Up to {IMPORT_MAX_ROWS.toLocaleString("en-US")} rows and {IMPORT_MAX_BYTES / 1_000_000} MB. Platform may be written as in the app (Instagram, TikTok, X…).
            </p>
          )}
        </div>
        {state && !state.ok && !state.fieldErrors.file ? <FormMessage tone="error">{state.error}</FormMessage> : null}
        <Button type="submit" variant="secondary" disabled={pending || tooBig}>
          {pending ? "Importing…" : "Import CSV"}
        </Button>
      </form>
      {state?.ok ? <ImportReport workspaceSlug={workspaceSlug} report={state.data} /> : null}
    </div>
  );
}

function ImportReport({ workspaceSlug, report }: { workspaceSlug: string; report: CreatorImportReport }) {
  const imported = report.created + report.updated;
  return (
    <div className="space-y-3" data-testid="import-report">
      <FormMessage tone={imported > 0 ? "success" : "info"}>
        Imported {plural(imported, "creator")} ({report.created} created, {report.updated} updated) from {plural(report.rowsImported, "row")}.
        {report.refused.length > 0 ? ` ${plural(report.refused.length, "row")} refused — see below.` : " No rows refused."}
      </FormMessage>
      {report.creators.length > 0 ? (
        <p className="text-sm text-gray-600">
          {report.creators.slice(0, 8).map((creator, index) => (
            <span key={creator.id}>
              {index > 0 ? ", " : ""}
              <Link href={`/w/${workspaceSlug}/creators/${creator.id}`} className="font-medium text-indigo-700 hover:underline">
                {creator.name}
              </Link>
              <span className="text-gray-500"> ({creator.status})</span>
            </span>
          ))}
          {report.creators.length > 8 ? ` and ${report.creators.length - 8} more` : null}
        </p>
      ) : null}
      {report.refused.length > 0 ? (
        <div className="overflow-hidden rounded-lg ring-1 ring-red-100">
          <table className="min-w-full text-sm" data-testid="refused-rows">
            <caption className="bg-red-50 px-3 py-2 text-left text-sm font-semibold text-red-800">Refused rows — nothing from these rows was written</caption>
            <thead>
              <tr className="border-b border-red-100 text-left text-xs font-medium uppercase tracking-wide text-gray-500">
                <th className="px-3 py-2">Row</th>
                <th className="px-3 py-2">Column</th>
                <th className="px-3 py-2">Why</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-gray-100">
              {report.refused.flatMap((row) =>
                row.issues.map((issue, index) => (
                  <tr key={`${row.row}-${index}`} data-row={row.row} className="align-top">
                    <td className="px-3 py-2 font-mono tabular-nums text-gray-900">{index === 0 ? row.row : ""}</td>
                    <td className="px-3 py-2 font-mono text-gray-600">{issue.path === "(row)" ? "—" : issue.path}</td>
                    <td className="px-3 py-2 text-gray-700">{issue.message}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
