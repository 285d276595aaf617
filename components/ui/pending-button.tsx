"use client";

import { useFormStatus } from "react-dom";

/**
 * A submit button for a plain server-action form (one without useActionState): disabled, with
 * `pendingLabel`, while its form is submitting. Before hydration it is an ordinary submit button.
 */
export function PendingButton({ children, pendingLabel, className }: { children: React.ReactNode; pendingLabel: string; className?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} aria-disabled={pending || undefined} className={`${className ?? ""} disabled:cursor-wait disabled:opacity-70`}>
      {pending ? pendingLabel : children}
    </button>
  );
}
