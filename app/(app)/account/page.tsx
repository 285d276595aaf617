import { PendingButton } from "@/components/ui/pending-button";
import Link from "next/link";
import { endAllSessionsAction } from "@/app/(app)/account/actions";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { Panel } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Logo } from "@/components/ui/logo";
import { requireUser } from "@/lib/auth/page-guard";
import { auth, isMagicLinkEnabled } from "@/lib/auth/auth";
import { EMAIL_PROOF_MINUTES, getPasswordStatus, hasRecentEmailProof } from "@/lib/auth/password-change";
import { listWorkspacesForUser } from "@/lib/workspaces/queries";

export const metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUser();
  const [status, memberships, params, session] = await Promise.all([getPasswordStatus(user.id), listWorkspacesForUser(user.id), searchParams, auth()]);
  const emailProof = hasRecentEmailProof(session);
  const hasPassword = status?.hasPassword ?? false;
  const home = memberships[0] ? `/w/${memberships[0].workspace.slug}` : "/workspaces/new";
  return (
    <div className="min-h-screen">
      <header className="border-b border-gray-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center gap-4 px-6 py-3">
          <Logo href={home} />
          <span className="text-gray-300">/</span>
          <span className="text-sm font-medium text-gray-900">Your account</span>
          <SignOutButton formClassName="ml-auto" />
        </div>
      </header>
      <main className="mx-auto max-w-3xl space-y-6 px-6 py-8">
        <div>
          <h1 className="text-2xl font-semibold text-gray-900">Your account</h1>
          <p className="mt-1 text-sm text-gray-500">
            Signed in as <span className="font-medium text-gray-700">{status?.email ?? user.email}</span>.
          </p>
        </div>
        {params.deleted ? (
          <FormMessage tone="success">The workspace was deleted, with all its data.</FormMessage>
        ) : null}
        {params.password === "changed" ? (
          <FormMessage tone="success">Your password was changed. Every other device was signed out; this one stays signed in.</FormMessage>
        ) : null}
        <Panel title="Your workspaces">
          {memberships.length === 0 ? (
            <p className="text-sm text-gray-600">
              You are not in any workspace.{" "}
              <Link href="/workspaces/new" className="font-medium text-indigo-600 hover:text-indigo-500">
                Create one
              </Link>
            </p>
          ) : (
            <ul className="divide-y divide-gray-100" data-testid="account-workspaces">
              {memberships.map(({ workspace, role }) => (
                <li key={workspace.id} className="flex items-center justify-between py-2 text-sm">
                  <Link href={`/w/${workspace.slug}`} className="font-medium text-gray-900 hover:text-indigo-600">
                    {workspace.name}
                  </Link>
                  <span className="text-gray-500">{role}</span>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title="Password" description="Changing it signs you out on every other device.">
          <div className="max-w-sm">
            {hasPassword || emailProof ? (
              <ChangePasswordForm hasPassword={hasPassword} emailProof={emailProof} />
            ) : (
              <p className="text-sm text-gray-600" data-testid="password-needs-email-link">
                You sign in with e-mail links. To set a password as well, sign out, sign in again with an e-mail link, and come back here within {EMAIL_PROOF_MINUTES} minutes.
              </p>
            )}
            {hasPassword && !emailProof && isMagicLinkEnabled() ? (
              <p className="mt-4 text-xs text-gray-500">Forgot it? Sign out and sign in with an e-mail link; for {EMAIL_PROOF_MINUTES} minutes you can then choose a new one here without it.</p>
            ) : null}
          </div>
        </Panel>
        <Panel title="Sessions" description="Lost a laptop, or signed in on a shared computer?">
          <form action={endAllSessionsAction} className="flex flex-wrap items-center justify-between gap-4">
            <p className="text-sm text-gray-600">Sign out on every device and browser, this one included. You can sign in again at once.</p>
            <PendingButton pendingLabel="Signing out everywhere…" className="rounded-md bg-white px-3 py-2 text-sm font-semibold text-gray-900 shadow-sm ring-1 ring-gray-300 ring-inset hover:bg-gray-50">
              Sign out everywhere
            </PendingButton>
          </form>
        </Panel>
      </main>
    </div>
  );
}
