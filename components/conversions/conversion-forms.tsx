"use client";

import { useActionState } from "react";
import {
  createPublishableKeyAction,
  removeExchangeRateAction,
  revokePublishableKeyAction,
  setExchangeRateAction,
  updateConversionSettingsAction,
} from "@/app/(app)/w/[workspace]/settings/conversions/actions";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

type Settings = { conversionTracking: boolean; clickIdParam: string; attributionWindowDays: number; currency: string };

export function ConversionSettingsForm({ workspaceSlug, settings }: { workspaceSlug: string; settings: Settings }) {
  const [state, action, pending] = useActionState(updateConversionSettingsAction.bind(null, workspaceSlug), null);
  const failed = state && !state.ok ? state : null;
  const value = (name: keyof Settings) => failed?.values[name] ?? String(settings[name]);
  return (
    <form action={action} className="space-y-4" noValidate aria-label="Conversion settings">
      {failed ? <FormMessage tone="error">{failed.error}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <label className="flex items-start gap-3 text-sm text-gray-800">
        <input type="checkbox" name="conversionTracking" defaultChecked={failed ? failed.values.conversionTracking === "on" : settings.conversionTracking} className="mt-0.5 h-4 w-4 rounded border-gray-300" />
        <span>
          <span className="font-medium">Add the click id to every destination</span>
          <span className="block text-gray-500">Your site then knows which creator&apos;s link brought each visitor; /cp.js keeps it for the attribution window.</span>
        </span>
      </label>
      <div className="grid gap-4 md:grid-cols-3">
        <Field label="Click id parameter" name="clickIdParam" defaultValue={value("clickIdParam")} error={failed?.fieldErrors.clickIdParam} hint="Appended as ?cp_click=…" />
        <Field label="Attribution window (days)" name="attributionWindowDays" inputMode="numeric" defaultValue={value("attributionWindowDays")} error={failed?.fieldErrors.attributionWindowDays} />
        <Field label="Workspace currency" name="currency" maxLength={3} defaultValue={value("currency")} error={failed?.fieldErrors.currency} hint="Totals across campaigns are shown in it" />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}

export function ExchangeRateForm({ workspaceSlug, base }: { workspaceSlug: string; base: string }) {
  const [state, action, pending] = useActionState(setExchangeRateAction.bind(null, workspaceSlug), null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="space-y-3" noValidate aria-label="Exchange rate">
      {failed ? <FormMessage tone="error">{failed.error}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field label="Currency" name="currency" maxLength={3} placeholder="EUR" defaultValue={failed?.values.currency} error={failed?.fieldErrors.currency} className="sm:w-32" />
        <Field label={`Worth, in ${base}`} name="rate" inputMode="decimal" placeholder="1.08" defaultValue={failed?.values.rate} error={failed?.fieldErrors.rate} className="sm:w-40" />
        <Button type="submit" variant="secondary" disabled={pending} className="sm:mt-6">
          {pending ? "Saving…" : "Save rate"}
        </Button>
      </div>
    </form>
  );
}

export function RemoveRateButton({ workspaceSlug, currency }: { workspaceSlug: string; currency: string }) {
  const [state, action, pending] = useActionState(removeExchangeRateAction.bind(null, workspaceSlug, currency), null);
  return (
    <form action={action}>
      {state && !state.ok ? <span className="mr-2 text-xs text-red-600">{state.error}</span> : null}
      <Button type="submit" variant="ghost" disabled={pending} className="px-2 py-1 text-xs">
        Remove
      </Button>
    </form>
  );
}

type SnippetSettings = { origin: string; param: string; days: number };

/** What a brand pastes into its pages. */
export function cpSnippet({ origin, param, days }: SnippetSettings, key: string): string {
  return `<script src="${origin}/cp.js" data-key="${key}" data-param="${param}" data-days="${days}" async></script>`;
}

export function PublishableKeyForm({ workspaceSlug, snippetSettings }: { workspaceSlug: string; snippetSettings: SnippetSettings }) {
  const snippet = (key: string) => cpSnippet(snippetSettings, key);
  const [state, action, pending] = useActionState(createPublishableKeyAction.bind(null, workspaceSlug), null);
  const failed = state && !state.ok ? state : null;
  return (
    <div className="space-y-4">
      {state?.ok ? (
        <FormMessage tone="success">
          <p className="font-medium">Publishable key created. Add this to every page of your site (it is shown once):</p>
          <pre tabIndex={0} className="mt-2 overflow-x-auto rounded bg-white p-2 font-mono text-xs text-gray-900 ring-1 ring-emerald-200" data-testid="cp-snippet">
            {snippet(state.data.key)}
          </pre>
          <div className="mt-2">
            <CopyButton value={snippet(state.data.key)} label="Copy snippet" />
          </div>
        </FormMessage>
      ) : null}
      <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate aria-label="Publishable key">
        <Field
          label="Your site's hostnames"
          name="allowedHostnames"
          placeholder="shop.example.com, *.example.com"
          defaultValue={failed?.values.allowedHostnames}
          error={failed ? (Object.values(failed.fieldErrors)[0] ?? failed.error) : undefined}
          className="flex-1"
        />
        <Button type="submit" disabled={pending} className="sm:mt-6">
          {pending ? "Creating…" : "Create publishable key"}
        </Button>
      </form>
    </div>
  );
}

export function RevokePublishableKeyButton({ workspaceSlug, keyId }: { workspaceSlug: string; keyId: string }) {
  const [state, action, pending] = useActionState(revokePublishableKeyAction.bind(null, workspaceSlug, keyId), null);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!confirm("Revoke this key? Pages using it stop reporting conversions at once.")) event.preventDefault();
      }}
    >
      {state && !state.ok ? <span className="mr-2 text-xs text-red-600">{state.error}</span> : null}
      <Button type="submit" variant="danger" disabled={pending} className="px-2.5 py-1 text-xs">
        Revoke
      </Button>
    </form>
  );
}
