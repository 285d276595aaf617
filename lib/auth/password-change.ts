// Changing a password, and ending sessions. Both raise the user's session version, which every
// session carries from its sign-in (lib/auth/auth.ts): sessions signed in before are refused on
// their next request, on every device and every app instance (the version lives in the database).
import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { consumeSignInAttempt, recordSignInSuccess } from "@/lib/auth/rate-limit";
import { addPasswordIssues, changePasswordSchema } from "@/lib/auth/schema";
import { getDb } from "@/lib/db";
import { AppError, invalidField } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

export type PasswordStatus = { email: string; hasPassword: boolean };

/** How long after signing in with an e-mail link a new password may be set without the current one. */
export const EMAIL_PROOF_MINUTES = 15;

/** Whether this session signed in with an e-mail link in the last EMAIL_PROOF_MINUTES: it proved the address just now. */
export function hasRecentEmailProof(session: { signedInWith?: string; signedInAt?: number } | null, now: Date = new Date()): boolean {
  return session?.signedInWith === "nodemailer" && typeof session.signedInAt === "number" && now.getTime() / 1000 - session.signedInAt <= EMAIL_PROOF_MINUTES * 60;
}

export async function getPasswordStatus(userId: string): Promise<PasswordStatus | null> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  return user ? { email: user.email, hasPassword: Boolean(user.passwordHash) } : null;
}

/**
 * Sets a new password. The current one is required, and guessing it spends the same attempt
 * budget as signing in (a borrowed session is not a free guessing machine) — unless this session
 * signed in with an e-mail link in the last 15 minutes (`emailProof`): that is how a forgotten
 * password is replaced, and how an account made by e-mail link sets its first. Returns the
 * account's e-mail, for signing this device in again under the new version.
 */
export async function changePassword(userId: string, rawInput: unknown, ip: string, options: { emailProof?: boolean } = {}): Promise<{ email: string }> {
  const db = getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) throw new AppError("not_found", "This account no longer exists");
  const input = parseInput(
    changePasswordSchema.superRefine((value, ctx) => addPasswordIssues(ctx, value.newPassword, user.email, "newPassword")),
    rawInput,
  );
  if (!options.emailProof) {
    if (!user.passwordHash) {
      throw new AppError("forbidden", `To set a password, sign in again with an e-mail link, then set it here within ${EMAIL_PROOF_MINUTES} minutes.`);
    }
    if (!input.currentPassword) throw invalidField("currentPassword", "Type your current password");
    await consumeSignInAttempt(user.email, ip);
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw invalidField("currentPassword", "This is not your current password");
    await recordSignInSuccess(user.email, ip);
  }
  const passwordHash = await hashPassword(input.newPassword);
  // Only if the password is still the one checked: two changes at once cannot both win silently.
  const changed = await db.user.updateMany({
    where: { id: userId, passwordHash: user.passwordHash },
    data: { passwordHash, sessionVersion: { increment: 1 } },
  });
  if (changed.count !== 1) throw new AppError("conflict", "The password was changed meanwhile; sign in again");
  return { email: user.email };
}

/** Ends every session of the user, this one included. */
export async function endAllSessions(userId: string): Promise<void> {
  await getDb().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

