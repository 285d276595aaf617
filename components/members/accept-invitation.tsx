"use client";

import { useActionState } from "react";
import { acceptInvitationAction } from "@/app/(auth)/invite/[token]/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";

export function AcceptInvitationButton({ token, workspaceName }: { token: string; workspaceName: string }) {
  const [state, action, pending] = useActionState(acceptInvitationAction.bind(null, token), null);
  return (
    <form action={action} className="space-y-3">
      {state && !state.ok ? <FormMessage tone="error">{state.error}</FormMessage> : null}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Joining…" : `Join ${workspaceName}`}
      </Button>
    </form>
  );
}
