"use client";

import { useActionState } from "react";
import { addDomainAction, removeDomainAction, setDomainFallbackAction, verifyDomainAction } from "@/app/(app)/w/[workspace]/settings/domains/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

export function AddDomainForm({ workspaceSlug }: { workspaceSlug: string }) {
  const [state, action, pending] = useActionState(addDomainAction.bind(null, workspaceSlug), null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="space-y-3" noValidate aria-label="Add a domain">
      {failed ? <FormMessage tone="error">{failed.error}</FormMessage> : null}
      {state?.ok ? <FormMessage tone="success">{state.message}</FormMessage> : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field
          label="Domain"
          name="hostname"
          placeholder="go.yourbrand.com"
          autoComplete="off"
          spellCheck={false}
          defaultValue={failed?.values.hostname}
          error={failed?.fieldErrors.hostname}
          hint="A subdomain you do not use for anything else works best, e.g. go.yourbrand.com"
          className="flex-1"
        />
        <Button type="submit" disabled={pending} className="sm:mt-6">
          {pending ? "Adding…" : "Add domain"}
        </Button>
      </div>
    </form>
  );
}

export function VerifyDomainButton({ workspaceSlug, domainId, label }: { workspaceSlug: string; domainId: string; label: string }) {
  const [state, action, pending] = useActionState(verifyDomainAction.bind(null, workspaceSlug, domainId), null);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Checking DNS…" : label}
      </Button>
      {state ? (
        <span role="status" className={`text-sm ${state.ok ? "text-gray-600" : "text-red-600"}`}>
          {state.ok ? state.message : state.error}
        </span>
      ) : null}
    </form>
  );
}

export function DomainFallbackForm({ workspaceSlug, domainId, fallbackUrl }: { workspaceSlug: string; domainId: string; fallbackUrl: string | null }) {
  const [state, action, pending] = useActionState(setDomainFallbackAction.bind(null, workspaceSlug, domainId), null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="space-y-2" noValidate aria-label="Fallback URL">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field
          label="Fallback URL"
          name="fallbackUrl"
          id={`fallback-${domainId}`}
          type="url"
          placeholder="https://yourbrand.com"
          defaultValue={failed?.values.fallbackUrl ?? fallbackUrl ?? ""}
          error={failed ? (failed.fieldErrors.fallbackUrl ?? failed.error) : undefined}
          hint="Where the domain's root, unknown slugs, paused links and expired links without their own URL send visitors. Empty: our not-found, paused or expired page."
          className="flex-1"
        />
        <Button type="submit" variant="secondary" disabled={pending} className="sm:mt-6">
          {pending ? "Saving…" : "Save"}
        </Button>
      </div>
      {state?.ok ? <p className="text-sm text-emerald-700">{state.message}</p> : null}
    </form>
  );
}

export function RemoveDomainButton({ workspaceSlug, domainId, hostname }: { workspaceSlug: string; domainId: string; hostname: string }) {
  const [state, action, pending] = useActionState(removeDomainAction.bind(null, workspaceSlug, domainId), null);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(`Remove ${hostname}? Its links stop redirecting at once (their clicks are kept).`)) event.preventDefault();
      }}
    >
      {state && !state.ok ? <span className="mr-2 text-xs text-red-600">{state.error}</span> : null}
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Removing…" : "Remove domain"}
      </Button>
    </form>
  );
}
