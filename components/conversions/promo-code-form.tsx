"use client";

import { useActionState } from "react";
import { createPromoCodeAction } from "@/app/(app)/w/[workspace]/campaigns/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-controls";
import { FormMessage } from "@/components/ui/form-message";

export function PromoCodeForm({ workspaceSlug, campaignId, creators }: { workspaceSlug: string; campaignId: string; creators: { id: string; name: string }[] }) {
  const [state, action, pending] = useActionState(createPromoCodeAction.bind(null, workspaceSlug, campaignId), null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="space-y-3" noValidate aria-label="Add a promo code">
      {failed ? <FormMessage tone="error">{failed.error}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <SelectField label="Creator" name="creatorId" id="field-promo-creator" defaultValue={failed?.values.creatorId ?? ""} error={failed?.fieldErrors.creatorId} className="sm:w-64">
          <option value="">Choose…</option>
          {creators.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <Field label="Code" name="code" id="field-promo-code" placeholder="SOFIA10" defaultValue={failed?.values.code} error={failed?.fieldErrors.code} className="sm:w-48" />
        <Button type="submit" variant="secondary" disabled={pending} className="sm:mt-6">
          {pending ? "Adding…" : "Add code"}
        </Button>
      </div>
    </form>
  );
}
