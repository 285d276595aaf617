import Link from "next/link";
import { notFound } from "next/navigation";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { AcceptInvitationButton, ConfirmAddressButton } from "@/components/members/accept-invitation";
import { buttonClass } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { getSessionUser } from "@/lib/auth/page-guard";
import { getDb } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { acceptRequirement, unsafeFindInvitationByToken } from "@/lib/members/members";
import { ROLE_LABELS } from "@/lib/workspaces/permissions";

// The token is in the address: no referrer leaves the page, and search engines stay out.
export const metadata = { title: "Invitation", referrer: "no-referrer", robots: { index: false, follow: false } };

export default async function InvitationPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ proof?: string | string[] }> }) {
  const { token } = await params;
  const { proof: proofParam } = await searchParams;
  // the proof of the address, in the e-mailed link only (lib/members/members.ts acceptInvitation)
  const proof = typeof proofParam === "string" ? proofParam : null;
  const invitation = await unsafeFindInvitationByToken(token);
  // Unknown and withdrawn links look the same: neither tells anything about the workspace.
  if (!invitation || invitation.status === "revoked") notFound();
  const user = await getSessionUser();
  // signing in or up comes back here with the proof
  const here = `/invite/${token}${proof ? `?proof=${encodeURIComponent(proof)}` : ""}`;
  const account = user ? await getDb().user.findUnique({ where: { id: user.id }, select: { email: true, emailVerified: true } }) : null;
  const email = account?.email ?? user?.email ?? null;
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
      ) : email?.toLowerCase() !== invitation.email ? (
        <div className="space-y-3">
          <FormMessage tone="error">
            You are signed in as {email}, but this invitation is for {invitation.email}. Sign out, then sign in or create an account with {invitation.email}.
          </FormMessage>
          <SignOutButton formClassName="w-full" className={buttonClass("secondary", "w-full")} />
        </div>
      ) : acceptRequirement({ emailVerified: account?.emailVerified ?? null }, invitation, proof) === "confirm_address" ? (
        <div className="space-y-3" data-testid="confirm-address">
          <p className="text-sm text-gray-600">
            Before you join, confirm that <span className="font-medium text-gray-900">{invitation.email}</span> is yours. We will e-mail you a link; open it to
            join.
          </p>
          {proof ? <FormMessage tone="info">This confirmation link has been replaced by a newer one. Use the latest e-mail, or ask for another.</FormMessage> : null}
          <ConfirmAddressButton token={token} />
          <p className="text-center text-xs text-gray-500">Valid until {formatDate(invitation.expiresAt)}.</p>
        </div>
      ) : (
        <div className="space-y-2">
          <AcceptInvitationButton token={token} proof={proof} workspaceName={invitation.workspace.name} />
          <p className="text-center text-xs text-gray-500">Valid until {formatDate(invitation.expiresAt)}.</p>
        </div>
      )}
    </div>
  );
}
