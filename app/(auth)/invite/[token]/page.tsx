import Link from "next/link";
import { notFound } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { AcceptInvitationButton } from "@/components/members/accept-invitation";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { getSessionUser } from "@/lib/auth/page-guard";
import { formatDate } from "@/lib/format";
import { unsafeFindInvitationByToken } from "@/lib/members/members";
import { ROLE_LABELS } from "@/lib/workspaces/permissions";

// The token is in the address: no referrer leaves the page, and search engines stay out.
export const metadata = { title: "Invitation", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await unsafeFindInvitationByToken(token);
  // Unknown and withdrawn links look the same: neither tells anything about the workspace.
  if (!invitation || invitation.status === "revoked") notFound();
  const user = await getSessionUser();
  const here = `/invite/${token}`;
  const inviter = invitation.invitedBy?.name ?? invitation.invitedBy?.email ?? "A teammate";
  const role = ROLE_LABELS[invitation.role];

  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-xl font-semibold text-gray-900">Join {invitation.workspace.name}</h1>
        <p className="mt-1 text-sm text-gray-600">
          {inviter} invited <span className="font-medium text-gray-900">{invitation.email}</span> to join as <span className="font-medium text-gray-900">{role.name}</span>: {role.summary.toLowerCase()}.
        </p>
      </div>

      {invitation.status === "expired" ? (
        <FormMessage tone="error">This invitation expired on {formatDate(invitation.expiresAt)}. Ask {inviter} to invite you again.</FormMessage>
      ) : invitation.status === "accepted" ? (
        <FormMessage tone="info">
          This invitation has already been used.{" "}
          <Link href={`/w/${invitation.workspace.slug}`} className="font-medium underline">
            Open the workspace
          </Link>
        </FormMessage>
      ) : !user ? (
        <div className="space-y-3">
          <p className="text-sm text-gray-600">Sign in with {invitation.email}, or create an account with that address, to accept.</p>
          <Link href={`/signup?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`} className={buttonClass("primary", "w-full")}>
            Create an account
          </Link>
          <Link href={`/login?next=${encodeURIComponent(here)}`} className={buttonClass("secondary", "w-full")}>
            I have an account: sign in
          </Link>
        </div>
      ) : user.email?.toLowerCase() !== invitation.email ? (
        <div className="space-y-3">
          <FormMessage tone="error">
            You are signed in as {user.email}, but this invitation is for {invitation.email}. Sign out, then sign in or create an account with {invitation.email}.
          </FormMessage>
          <SignOutButton formClassName="w-full" className={buttonClass("secondary", "w-full")} />
        </div>
      ) : (
        <div className="space-y-2">
          <AcceptInvitationButton token={token} workspaceName={invitation.workspace.name} />
          <p className="text-center text-xs text-gray-500">Valid until {formatDate(invitation.expiresAt)}.</p>
        </div>
      )}
    </div>
  );
}
