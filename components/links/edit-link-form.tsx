"use client";

import { useActionState } from "react";
import { setLinkArchivedAction, updateLinkAction } from "@/app/(app)/w/[workspace]/actions";
import { Button } from "@/components/ui/button";
import { DestinationWithUtm } from "@/components/links/destination-with-utm";
import { FormMessage } from "@/components/ui/form-message";

export function EditDestinationForm({ workspaceSlug, linkId, url }: { workspaceSlug: string; linkId: string; url: string }) {
  const [state, action, pending] = useActionState(updateLinkAction.bind(null, workspaceSlug, linkId), null);
  return (
    <form action={action} className="space-y-3" noValidate aria-label="Edit destination">
      {state && !state.ok ? <FormMessage tone="error">{state.error}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="flex-1">
          <DestinationWithUtm defaultValue={state && !state.ok ? (state.values.url ?? url) : url} error={state && !state.ok ? state.fieldErrors.url : undefined} />
        </div>
        <Button type="submit" variant="secondary" disabled={pending} className="sm:mt-6">
          {pending ? "Saving…" : "Save destination"}
        </Button>
      </div>
    </form>
  );
}

export function ArchiveLinkButton({ workspaceSlug, linkId, archived }: { workspaceSlug: string; linkId: string; archived: boolean }) {
  const [state, action, pending] = useActionState(setLinkArchivedAction.bind(null, workspaceSlug, linkId, !archived), null);
  return (
    <form action={action} className="flex items-center gap-3">
      {state && !state.ok ? <span className="text-sm text-red-600">{state.error}</span> : null}
      <Button type="submit" variant={archived ? "secondary" : "danger"} disabled={pending}>
        {archived ? "Restore link" : "Archive link"}
      </Button>
    </form>
  );
}
