"use client";

import { useActionState } from "react";
import { acceptInvitationAction, requestInvitationProofAction } from "@/app/(auth)/invite/[token]/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

export function AcceptInvitationButton({ token, proof, workspaceName }: { token: string; proof: string | null; workspaceName: string }) {
  const [state, action, pending] = useActionState(acceptInvitationAction.bind(null, token, proof), null);
  return (
    <form action={action} className="space-y-3">
      {state && !state.ok ? <FormMessage tone="error">{state.error}</FormMessage> : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Joining…" : `Join ${workspaceName}`}
      </Button>
    </form>
  );
}

/** For an account whose address is not verified yet: a confirmation e-mail with a new proof. */
export function ConfirmAddressButton({ token }: { token: string }) {
  const [state, action, pending] = useActionState(requestInvitationProofAction.bind(null, token), null);
  return (
    <form action={action} className="space-y-3">
      {state?.ok ? (
        <FormMessage tone="success">
          Sent to {state.data.email}. Open the link in that e-mail to join; it replaces any confirmation sent before.
        </FormMessage>
      ) : state ? (
        <FormMessage tone="error">{state.error}</FormMessage>
      ) : null}
      <Button type="submit" disabled={pending} variant={state?.ok ? "secondary" : "primary"} className="w-full">
        {pending ? "Sending…" : state?.ok ? "Send it again" : "E-mail me a confirmation link"}
      </Button>
    </form>
  );
}
