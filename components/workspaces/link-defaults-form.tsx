"use client";

import { useActionState, useState } from "react";
import { updateLinkDefaultsAction } from "@/app/(app)/w/[workspace]/settings/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { UTM_KEYS, type UtmParams } from "@/lib/links/utm";

const DEFAULT_COLOR = "#111827";

export function LinkDefaultsForm({ workspaceSlug, brandColor, utmTemplate }: { workspaceSlug: string; brandColor: string | null; utmTemplate: UtmParams }) {
  const [state, action, pending] = useActionState(updateLinkDefaultsAction.bind(null, workspaceSlug), null);
  const failed = state && !state.ok ? state : null;
  const [useColor, setUseColor] = useState(brandColor !== null);
  const [color, setColor] = useState(brandColor ?? DEFAULT_COLOR);
  return (
    <form action={action} className="space-y-5" noValidate aria-label="Link defaults">
      {failed ? <FormMessage tone="error">{failed.error}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-gray-800">Brand colour</legend>
        <label className="flex items-center gap-2 text-sm text-gray-700">
          <input type="checkbox" name="useBrandColor" checked={useColor} onChange={(event) => setUseColor(event.target.checked)} className="h-4 w-4 rounded border-gray-300" />
          Draw QR codes in the brand&apos;s colour
        </label>
        <div className="flex items-center gap-3">
          <input type="color" aria-label="Brand colour" value={color} onChange={(event) => setColor(event.target.value)} disabled={!useColor} className="h-9 w-12 cursor-pointer rounded border border-gray-300 bg-white disabled:opacity-40" />
          <input name="brandColor" value={color} onChange={(event) => setColor(event.target.value)} disabled={!useColor} aria-label="Brand colour hex" className="w-28 rounded-md border-0 px-3 py-2 font-mono text-sm ring-1 ring-gray-300 disabled:bg-gray-50 disabled:text-gray-400" />
          {failed?.fieldErrors.brandColor ? <span className="text-sm text-red-600">{failed.fieldErrors.brandColor}</span> : null}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-gray-800">UTM template for new campaigns</legend>
        <p className="mt-1 text-xs text-gray-500">
          Filled in per creator when a campaign generates its links: <code className="font-mono">{"{platform}"}</code>, <code className="font-mono">{"{campaign}"}</code>,{" "}
          <code className="font-mono">{"{creator}"}</code>. Empty tags are left out. Each campaign can change its own copy.
        </p>
        <div className="mt-3 grid gap-3 sm:grid-cols-5">
          {UTM_KEYS.map((key) => (
            <Field key={key} label={key} name={key} id={`defaults-${key}`} defaultValue={failed?.values[key] ?? utmTemplate[key] ?? ""} error={failed?.fieldErrors[`utmTemplate.${key}`]} className="font-mono" />
          ))}
        </div>
      </fieldset>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save link defaults"}
      </Button>
    </form>
  );
}
