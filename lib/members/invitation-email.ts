// The invitation e-mails. The invitation is sent when SMTP is configured; the members page always
// shows the link too, so an invitation never depends on mail arriving. The e-mailed link carries
// the proof that the address is the invitee's (lib/members/members.ts acceptInvitation); the link
// on the page does not, and whoever opens it with an unverified account asks for a confirmation
// e-mail that carries a new one.
import "server-only";
import type { Role } from "@prisma/client";
import { getDb } from "@/lib/db";
import { escapeHtml, mailConfigured, sendMail } from "@/lib/email/mailer";
import { getEnv } from "@/lib/env";
import { formatDate } from "@/lib/format";

export async function sendInvitationEmail(input: { to: string; url: string; workspaceName: string; role: Role; inviterId: string; expiresAt: Date }): Promise<{ emailed: boolean; emailError?: string }> {
  if (!mailConfigured()) return { emailed: false };
  const inviter = await getDb().user.findUnique({ where: { id: input.inviterId }, select: { name: true, email: true } });
  const who = inviter?.name || inviter?.email || "A teammate";
  const until = formatDate(input.expiresAt);
  try {
    await sendMail({
      to: input.to,
      subject: `${who} invited you to ${input.workspaceName} on Clickproof`,
      text: `${who} invited you to join ${input.workspaceName} on Clickproof as ${input.role}.\n\nAccept the invitation:\n${input.url}\n\nThe link works until ${until}, for ${input.to} only.`,
      html: `<p>${escapeHtml(who)} invited you to join <strong>${escapeHtml(input.workspaceName)}</strong> on Clickproof as ${input.role}.</p><p><a href="${escapeHtml(input.url)}">Accept the invitation</a></p><p>The link works until ${until}, for ${escapeHtml(input.to)} only.</p>`,
    });
    return { emailed: true };
  } catch (error) {
    // The invitation stands: the page shows its link to copy instead.
    console.error(`[members] could not e-mail an invitation: ${error instanceof Error ? error.message : String(error)}`);
    return { emailed: false, emailError: "The e-mail could not be sent; copy the link below and send it yourself." };
  }
}

/** The confirmation an invitee asks for: the invitation's link again, with a new proof. */
export async function sendInvitationProofEmail(input: { to: string; url: string; workspaceName: string }): Promise<void> {
  if (!mailConfigured()) {
    // development without SMTP: the link goes to the server log, as sign-in links do
    if (getEnv().NODE_ENV === "development") console.log(`[members] invitation confirmation link for ${input.to}: ${input.url}`);
    return;
  }
  await sendMail({
    to: input.to,
    subject: `Confirm your address to join ${input.workspaceName} on Clickproof`,
    text: `Open this link to confirm that ${input.to} is yours and join ${input.workspaceName} on Clickproof:\n${input.url}\n\nIf you did not ask for it, ignore this e-mail.`,
    html: `<p>Open this link to confirm that ${escapeHtml(input.to)} is yours and join <strong>${escapeHtml(input.workspaceName)}</strong> on Clickproof:</p><p><a href="${escapeHtml(input.url)}">Confirm and join</a></p><p>If you did not ask for it, ignore this e-mail.</p>`,
  });
}
