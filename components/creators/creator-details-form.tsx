"use client";

import { useActionState } from "react";
import { updateCreatorAction } from "@/app/(app)/w/[workspace]/creators/actions";
import { TextAreaField } from "@/components/ui/form-controls";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

type Details = { name: string; email: string | null; niche: string | null; notes: string | null };

export function CreatorDetailsForm({ workspaceSlug, creatorId, creator }: { workspaceSlug: string; creatorId: string; creator: Details }) {
  const [state, action, pending] = useActionState(updateCreatorAction.bind(null, workspaceSlug, creatorId), null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  // After a refusal show what was typed; otherwise what is saved.
  const value = (field: keyof Details) => (state && !state.ok ? (state.values[field] ?? "") : (creator[field] ?? ""));
  return (
    <form action={action} className="space-y-4" noValidate aria-label="Creator details">
      {state && !state.ok ? <FormMessage tone="error">{state.error}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Name" name="name" required defaultValue={value("name")} error={errors.name} />
        <Field label="E-mail" name="email" type="email" defaultValue={value("email")} error={errors.email} placeholder="maya@example.com" />
        <Field label="Niche" name="niche" defaultValue={value("niche")} error={errors.niche} placeholder="Food, fitness, tech…" />
      </div>
      <TextAreaField label="Notes" name="notes" defaultValue={value("notes")} error={errors.notes} />
      <div className="flex justify-end">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save details"}
        </Button>
      </div>
    </form>
  );
}
