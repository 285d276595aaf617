import { CopyButton } from "@/components/ui/copy-button";

/** A secret or link the server shows only once (API keys, invitation and creator-page links), with a copy button. */
export function ShownOnce({ value, testId, copyLabel = "Copy", note }: { value: string; testId: string; copyLabel?: string; note?: string }) {
  return (
    <>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code className="max-w-full truncate rounded bg-white px-2 py-1 font-mono text-xs text-gray-900 ring-1 ring-emerald-200" data-testid={testId}>
          {value}
        </code>
        <CopyButton value={value} label={copyLabel} />
      </div>
      {note ? <p className="mt-2 text-xs text-gray-600">{note}</p> : null}
    </>
  );
}
