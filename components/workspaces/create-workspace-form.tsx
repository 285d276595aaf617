"use client";

import { useActionState } from "react";
import { createWorkspaceAction } from "@/app/(app)/workspaces/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function CreateWorkspaceForm() {
  const [state, action, pending] = useActionState(createWorkspaceAction, null);
  return (
    <form action={action} className="space-y-4" noValidate>
      {state && !state.ok ? <FormMessage tone="error">{state.error}</FormMessage> : null}
      <Field
        label="Workspace name"
        name="name"
        placeholder="Acme Skincare"
        required
        defaultValue={state && !state.ok ? state.values.name : undefined}
        hint="Usually your brand or agency. Teammates you invite will see it."
        error={state && !state.ok ? state.fieldErrors.name : undefined}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating…" : "Create workspace"}
      </Button>
    </form>
  );
}
