// The API reference's pieces: a schema's fields as a table, and prose whose `backticks` are code.
import { TableScroll } from "@/components/ui/table-scroll";
import type { FieldRow } from "@/lib/api/reference";

function FieldType({ row }: { row: FieldRow }) {
  return row.ref ? (
    <a href={`#schema-${row.ref}`} className="underline decoration-indigo-300 underline-offset-2 hover:decoration-indigo-600">
      {row.type}
    </a>
  ) : (
    <>{row.type}</>
  );
}

/**
 * A schema's fields as a table. On a phone the type goes under the field's name (three columns
 * squeezed into 390 px left the type a letter per line); from sm up it has its own column.
 */
export function Fields({ rows, label }: { rows: FieldRow[]; label: string }) {
  if (rows.length === 0) return null;
  return (
    <TableScroll label={label} className="mt-2">
      <table className="w-full text-sm" aria-label={label}>
        <tbody className="divide-y divide-gray-100">
          {rows.map((row) => (
            <tr key={row.path} className="align-top">
              <td className="w-2/5 py-1.5 pr-4 sm:w-56">
                <code className="break-all font-mono text-xs text-gray-900">{row.path}</code>
                {row.required ? <span className="ml-1.5 text-[10px] font-semibold uppercase tracking-wide text-rose-600">required</span> : null}
                <div className="mt-0.5 break-words font-mono text-xs text-indigo-700 sm:hidden">
                  <FieldType row={row} />
                </div>
              </td>
              <td className="hidden break-words py-1.5 pr-4 font-mono text-xs text-indigo-700 sm:table-cell sm:w-56">
                <FieldType row={row} />
              </td>
              <td className="py-1.5 text-xs text-gray-600 sm:min-w-[12rem]">
                <Prose text={row.notes} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** Descriptions mark code with `backticks` (as in the OpenAPI document); shown as code here. */
export function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`)/).map((part, i) =>
        part.startsWith("`") && part.endsWith("`") ? (
          <code key={i} className="rounded bg-gray-100 px-1 py-0.5 font-mono text-[0.8em] text-gray-800">
            {part.slice(1, -1)}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
