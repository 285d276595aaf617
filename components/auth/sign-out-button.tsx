import { signOutAction } from "@/app/(auth)/actions";

/** The one sign-out control of every header (a form, so it works before hydration). */
export function SignOutButton({ className = "whitespace-nowrap text-sm font-medium text-gray-600 hover:text-gray-900", formClassName }: { className?: string; formClassName?: string }) {
  return (
    <form action={signOutAction} className={formClassName}>
      <button type="submit" className={className}>
        Sign out
      </button>
    </form>
  );
}
