"use client";

import { useActionState } from "react";
import { changePasswordAction } from "@/app/(app)/account/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { PASSWORD_RULES } from "@/lib/auth/schema";

/** `emailProof`: this session signed in with an e-mail link minutes ago, so the current password is not asked. */
export function ChangePasswordForm({ hasPassword, emailProof }: { hasPassword: boolean; emailProof: boolean }) {
  const [state, action, pending] = useActionState(changePasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} className="space-y-4" noValidate data-testid="change-password">
      {state && !state.ok ? <FormMessage tone="error">{state.error}</FormMessage> : null}
      {emailProof ? (
        <p className="text-sm text-gray-600">
          You signed in with an e-mail link just now, so you can {hasPassword ? "choose a new password" : "set a password"} without typing the current one.
        </p>
      ) : (
        <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={errors.currentPassword} />
      )}
      <Field label="New password" name="newPassword" type="password" autoComplete="new-password" required error={errors.newPassword} aria-describedby="password-rules" />
      <ul id="password-rules" className="-mt-2 list-disc space-y-0.5 pl-5 text-xs text-gray-500" aria-label="Password rules">
        {PASSWORD_RULES.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
      <Field label="New password again" name="confirmPassword" type="password" autoComplete="new-password" required error={errors.confirmPassword} />
      <Button type="submit" disabled={pending}>
        {pending ? "Changing…" : hasPassword ? "Change password" : "Set password"}
      </Button>
    </form>
  );
}
