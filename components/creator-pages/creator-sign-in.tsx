"use client";

import { useActionState } from "react";
import { magicLinkAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

/** Creators sign in by e-mail only: the link proves they own the address their brand registered. */
export function CreatorSignInForm({ email, label = "Email me a sign-in link" }: { email?: string; label?: string }) {
  const [state, action, pending] = useActionState(magicLinkAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="next" value="/creator" />
      <input type="hidden" name="audience" value="creator" />
      {failed && !failed.fieldErrors.email ? <FormMessage tone="error">{failed.error}</FormMessage> : null}
      <Field label="Your e-mail" name="email" type="email" autoComplete="email" defaultValue={failed?.values.email ?? email} error={failed?.fieldErrors.email} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Sending…" : label}
      </Button>
    </form>
  );
}
