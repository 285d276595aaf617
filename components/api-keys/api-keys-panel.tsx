"use client";

import { useActionState } from "react";
import { createApiKeyAction, revokeApiKeyAction } from "@/app/(app)/w/[workspace]/actions";
import { Button } from "@/components/ui/button";
import { ShownOnce } from "@/components/ui/shown-once";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function CreateApiKeyForm({ workspaceSlug }: { workspaceSlug: string }) {
  const [state, action, pending] = useActionState(createApiKeyAction.bind(null, workspaceSlug), null);
  return (
    <div className="space-y-4">
      {state?.ok ? (
        <FormMessage tone="success">
          <p className="font-medium">Key “{state.data.name}” created. Copy it now: it is shown only once.</p>
          <ShownOnce value={state.data.key} testId="new-api-key" />
        </FormMessage>
      ) : null}
      <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
        <Field label="Key name" name="name" placeholder="Shopify checkout" className="flex-1" defaultValue={state && !state.ok ? state.values.name : undefined} error={state && !state.ok ? (state.fieldErrors.name ?? state.error) : undefined} />
        <Button type="submit" disabled={pending} className="sm:mt-6">
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
