import { signOutAction } from "@/app/(auth)/actions";
import { PendingButton } from "@/components/ui/pending-button";

/** The one sign-out control of every header (a form, so it works before hydration). */
export function SignOutButton({ className = "whitespace-nowrap text-sm font-medium text-gray-600 hover:text-gray-900", formClassName }: { className?: string; formClassName?: string }) {
  return (
    <form action={signOutAction} className={formClassName}>
      <PendingButton className={className} pendingLabel="Signing out…">
        Sign out
      </PendingButton>
    </form>
  );
}
