"use client";

import { useActionState } from "react";
import { signUpAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { PASSWORD_RULES } from "@/lib/auth/schema";

export function SignUpForm({ next, email }: { next?: string; email?: string }) {
  const [state, action, pending] = useActionState(signUpAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : {};
  return (
    <form action={action} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {state && !state.ok ? <FormMessage tone="error">{state.error}</FormMessage> : null}
      <Field label="Your name" name="name" autoComplete="name" defaultValue={values.name} error={errors.name} />
      <Field label="Work e-mail" name="email" type="email" autoComplete="email" required defaultValue={values.email ?? email} error={errors.email} />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={`${PASSWORD_RULES.join(" · ")}.`}
        error={errors.password}
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
