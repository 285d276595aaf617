"use client";

import { useActionState, useRef } from "react";
import { magicLinkAction, signInAction } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

/** `demo`: the seeded demo login, offered above the form (filled in and sent with one click). */
export function SignInForm({ next, magicLink, demo }: { next?: string; magicLink: boolean; demo?: { email: string; password: string } | null }) {
  const [state, action, pending] = useActionState(signInAction, null);
  const form = useRef<HTMLFormElement>(null);
  const signInAsDemo = () => {
    const el = form.current;
    if (!el || !demo) return;
    (el.elements.namedItem("email") as HTMLInputElement).value = demo.email;
    (el.elements.namedItem("password") as HTMLInputElement).value = demo.password;
    el.requestSubmit();
  };
  const [magicState, magicAction, magicPending] = useActionState(magicLinkAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const values = state && !state.ok ? state.values : {};
  const magicValues = magicState && !magicState.ok ? magicState.values : {};
  return (
    <div className="space-y-6">
      {demo ? (
        <div className="rounded-lg bg-indigo-50 p-4 text-sm ring-1 ring-inset ring-indigo-200" data-testid="demo-login">
          <p className="font-medium text-indigo-900">Try the demo workspace</p>
          <p className="mt-1 text-indigo-900">
            E-mail <code className="rounded bg-white px-1 py-0.5 font-mono text-xs">{demo.email}</code>, password{" "}
            <code className="rounded bg-white px-1 py-0.5 font-mono text-xs">{demo.password}</code>
          </p>
          <Button type="button" variant="secondary" className="mt-3" onClick={signInAsDemo} disabled={pending}>
            Sign in as the demo
          </Button>
        </div>
      ) : null}
      <form ref={form} action={action} className="space-y-4" noValidate>
        {next ? <input type="hidden" name="next" value={next} /> : null}
        {state && !state.ok ? <FormMessage tone="error">{state.error}</FormMessage> : null}
        <Field label="E-mail" name="email" type="email" autoComplete="email" required defaultValue={values.email} error={errors.email} />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required error={errors.password} />
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
      {magicLink ? (
        <form action={magicAction} className="space-y-3 border-t border-gray-100 pt-6" noValidate>
          <p className="text-sm text-gray-600">Or get a one-time sign-in link by e-mail.</p>
          {magicState && !magicState.ok ? <FormMessage tone="error">{magicState.error}</FormMessage> : null}
          <Field id="magic-email" label="E-mail for the link" name="email" type="email" autoComplete="email" defaultValue={magicValues.email} error={magicState && !magicState.ok ? magicState.fieldErrors.email : undefined} />
          <Button type="submit" variant="secondary" disabled={magicPending} className="w-full">
            {magicPending ? "Sending…" : "Email me a sign-in link"}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
