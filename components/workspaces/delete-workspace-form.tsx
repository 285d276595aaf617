"use client";

import { useActionState } from "react";
import { deleteWorkspaceAction } from "@/app/(app)/w/[workspace]/settings/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function DeleteWorkspaceForm({ workspaceSlug, workspaceName }: { workspaceSlug: string; workspaceName: string }) {
  const [state, action, pending] = useActionState(deleteWorkspaceAction.bind(null, workspaceSlug), null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} className="space-y-4" noValidate data-testid="delete-workspace">
      {state && !state.ok ? <FormMessage tone="error">{state.error}</FormMessage> : null}
      <Field
        label={`Type ${workspaceSlug} to confirm`}
        name="confirm"
        autoComplete="off"
        spellCheck={false}
        required
        error={errors.confirm}
        className="max-w-sm"
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-red-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-red-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-600 disabled:opacity-60"
      >
        {pending ? "Deleting…" : `Delete ${workspaceName} and all its data`}
      </button>
    </form>
  );
}
