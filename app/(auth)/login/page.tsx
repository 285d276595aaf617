import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { FormMessage } from "@/components/ui/form-message";
import { isMagicLinkEnabled } from "@/lib/auth/auth";
import { demoLogin } from "@/lib/demo/demo-login";
import { getSessionUser } from "@/lib/auth/page-guard";
import { safeNext } from "@/lib/http/safe-next";

export const metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const next = safeNext(params.next, "");
  if (await getSessionUser()) redirect(next || "/workspaces");
  return (
    <>
      <h1 className="text-xl font-semibold text-gray-900">Sign in</h1>
      <p className="mt-1 text-sm text-gray-500">
        New here?{" "}
        <Link href={next ? `/signup?next=${encodeURIComponent(next)}` : "/signup"} className="font-medium text-indigo-600 hover:text-indigo-500">
          Create an account
        </Link>
      </p>
      <div className="mt-6 space-y-4">
        {params["check-email"] ? <FormMessage tone="success">Check your inbox: we sent you a sign-in link.</FormMessage> : null}
        {params.password === "changed" ? <FormMessage tone="success">Your password was changed. Sign in with the new one.</FormMessage> : null}
        {params["signed-out"] === "everywhere" ? <FormMessage tone="success">You were signed out on every device.</FormMessage> : null}
        {params.error === "Verification" ? (
          <FormMessage tone="error">That sign-in link has expired or was already used. Ask for a new one.</FormMessage>
        ) : null}
        <SignInForm next={next || undefined} magicLink={isMagicLinkEnabled()} demo={await demoLogin()} />
      </div>
    </>
  );
}
