"use client";

import { useActionState } from "react";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/(app)/w/[workspace]/actions";
import { Button } from "@/components/ui/button";
import { ShownOnce } from "@/components/ui/shown-once";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { FieldError } from "@/components/ui/form-controls";
import { SCOPES, type Scope } from "@/lib/api-keys/scopes";

/** Creates a key with the scopes ticked; only scopes the person's role may give are offered. */
export function CreateApiKeyForm({ workspaceSlug, grantable }: { workspaceSlug: string; grantable: Scope[] }) {
  const [state, action, pending] = useActionState(createApiKeyAction.bind(null, workspaceSlug), null);
  const failed = state && !state.ok ? state : null;
  // After a refusal, keep what was ticked (the form echoes only the last value of a repeated field,
  // so the server returns the ticked scopes joined).
  const ticked = failed?.values.scopes !== undefined ? new Set(failed.values.scopes.split(" ")) : null;
  return (
    <div className="space-y-4">
      {state?.ok ? (
        <FormMessage tone="success">
          <p className="font-medium">Key “{state.data.name}” created. Copy it now: it is shown only once.</p>
          <ShownOnce value={state.data.key} testId="new-api-key" />
        </FormMessage>
      ) : null}
      <form action={action} className="space-y-4" noValidate aria-label="Create API key">
        <Field label="Key name" name="name" placeholder="Shopify checkout" className="max-w-md" defaultValue={failed?.values.name} error={failed ? (failed.fieldErrors.name ?? (failed.fieldErrors.scopes ? undefined : failed.error)) : undefined} />
        <fieldset aria-describedby={failed?.fieldErrors.scopes ? "field-scopes-error" : undefined}>
          <legend className="text-sm font-medium text-gray-700">What the key may do</legend>
          <p className="mt-0.5 text-xs text-gray-500">Give a key only what its script needs. A key never does more than your role allows.</p>
          <div className="mt-2 grid gap-x-6 gap-y-1.5 sm:grid-cols-2">
            {grantable.map((scope) => (
              <label key={scope} className="flex items-start gap-2 text-sm text-gray-700">
                <input type="checkbox" name="scopes" value={scope} defaultChecked={ticked ? ticked.has(scope) : true} className="mt-0.5 rounded border-gray-300 text-indigo-600 focus:ring-indigo-500" />
                <span>
                  <code className="font-mono text-xs text-gray-900">{scope}</code> <span className="text-gray-500">· {SCOPES[scope].label}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError id="field-scopes-error" error={failed?.fieldErrors.scopes} />
        </fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create API key"}
        </Button>
      </form>
    </div>
  );
}

export function RevokeApiKeyButton({ workspaceSlug, keyId, name }: { workspaceSlug: string; keyId: string; name: string }) {
  const [state, action, pending] = useActionState(revokeApiKeyAction.bind(null, workspaceSlug, keyId), null);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!confirm(`Revoke “${name}”? Scripts using it stop working at once.`)) event.preventDefault();
      }}
    >
      {state && !state.ok ? <span className="mr-2 text-xs text-red-600">{state.error}</span> : null}
      <Button type="submit" variant="danger" disabled={pending} className="px-2.5 py-1 text-xs">
        Revoke
      </Button>
    </form>
  );
}
