"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { errorState, formObject, type ActionState } from "@/lib/actions/action-state";
import { auth, signIn, signOut } from "@/lib/auth/auth";
import { getSessionUser } from "@/lib/auth/page-guard";
import { changePassword, endAllSessions, hasRecentEmailProof } from "@/lib/auth/password-change";
import { clientIp } from "@/lib/http/client-ip";
import { getEnv } from "@/lib/env";

/**
 * Changes the password; every other session ends (the session version rises), and this device is
 * signed in again with the new password, so the person who changed it stays in.
 */
export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const user = await getSessionUser();
  if (!user) redirect("/login?next=/account");
  const fields = formObject(formData);
  let email: string;
  try {
    const ip = clientIp(await headers(), getEnv().TRUST_PROXY) ?? "unknown";
    email = (await changePassword(user.id, fields, ip, { emailProof: hasRecentEmailProof(await auth()) })).email;
  } catch (error) {
    return errorState(error, formData);
  }
  try {
    await signIn("credentials", { email, password: fields.newPassword, redirectTo: "/account?password=changed" });
  } catch (error) {
    // Signing in again can be refused (e.g. the address spent its sign-in budget); the password is
    // changed all the same, so say so on the sign-in page rather than as an error.
    if (error instanceof AuthError) redirect("/login?password=changed");
    throw error; // Next's redirect to /account
  }
  return { ok: true, data: undefined };
}

/** Ends every session of this account, this one too: for a lost laptop or a shared computer. */
export async function endAllSessionsAction(): Promise<void> {
  const user = await getSessionUser();
  if (user) await endAllSessions(user.id);
  await signOut({ redirectTo: "/login?signed-out=everywhere" });
}
