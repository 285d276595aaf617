"use client";

import { useActionState } from "react";
import { setLinkPausedAction, updateLinkOptionsAction } from "@/app/(app)/w/[workspace]/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/form-controls";
import { FormMessage } from "@/components/ui/form-message";

export type LinkOptionsValues = { notes: string; expiresAt: string; maxClicks: string; expiredUrl: string };

export function LinkOptionsForm({ workspaceSlug, linkId, initial, usedClicks }: { workspaceSlug: string; linkId: string; initial: LinkOptionsValues; usedClicks: number | null }) {
  const [state, action, pending] = useActionState(updateLinkOptionsAction.bind(null, workspaceSlug, linkId), null);
  const failed = state && !state.ok ? state : null;
  const value = (name: keyof LinkOptionsValues) => failed?.values[name] ?? initial[name];
  return (
    <form action={action} className="space-y-4" noValidate aria-label="Link options">
      {failed ? <FormMessage tone="error">{failed.error}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <TextAreaField label="Notes" name="notes" defaultValue={value("notes")} error={failed?.fieldErrors.notes} hint="Private to your workspace: what was agreed, where it was posted." maxLength={2000} />
      <div className="grid gap-4 md:grid-cols-3">
        <Field label="Expires at (UTC)" name="expiresAt" type="datetime-local" defaultValue={value("expiresAt")} error={failed?.fieldErrors.expiresAt} hint="Empty: never" />
        <Field
          label="Expires after (clicks)"
          name="maxClicks"
          inputMode="numeric"
          placeholder="e.g. 500"
          defaultValue={value("maxClicks")}
          error={failed?.fieldErrors.maxClicks}
          hint={usedClicks === null ? "Human clicks; bots do not count. Empty: no limit" : `${usedClicks.toLocaleString("en-US")} used so far; bots do not count`}
        />
        <Field label="After expiry, send visitors to" name="expiredUrl" type="url" placeholder="https://shop.example.com/offer-ended" defaultValue={value("expiredUrl")} error={failed?.fieldErrors.expiredUrl} hint="Empty: the domain's fallback, else an “expired” page" />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save options"}
      </Button>
    </form>
  );
}

export function PauseLinkButton({ workspaceSlug, linkId, paused }: { workspaceSlug: string; linkId: string; paused: boolean }) {
  const [state, action, pending] = useActionState(setLinkPausedAction.bind(null, workspaceSlug, linkId, !paused), null);
  return (
    <form action={action} className="flex items-center gap-3">
      {state && !state.ok ? <span className="text-sm text-red-600">{state.error}</span> : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {paused ? "Resume link" : "Pause link"}
      </Button>
    </form>
  );
}
