"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { errorState, failure, formObject, type ActionState } from "@/lib/actions/action-state";
import { signIn, signOut } from "@/lib/auth/auth";
import { consumeMagicLinkAttempt, consumeSignUpAttempt } from "@/lib/auth/rate-limit";
import { emailSchema, signInSchema } from "@/lib/auth/schema";
import { createUserWithPassword } from "@/lib/auth/sign-up";
import { clientIp } from "@/lib/http/client-ip";
import { getEnv } from "@/lib/env";
import { safeNext } from "@/lib/http/safe-next";
import { parseInput } from "@/lib/validation";
import { z } from "zod";

async function requestIp(): Promise<string> {
  return clientIp(await headers(), getEnv().TRUST_PROXY) ?? "unknown";
}

export async function signInAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const input = parseInput(signInSchema, formObject(formData));
    await signIn("credentials", { ...input, redirectTo: safeNext(formData.get("next"), "/workspaces") });
    return { ok: true, data: undefined };
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      const message =
        error.code === "rate_limited" ? "Too many sign-in attempts. Wait 15 minutes, or use a sign-in link by e-mail." : "Wrong e-mail or password.";
      return failure(message, formData);
    }
    if (error instanceof AuthError) return failure("Sign-in failed. Please try again.", formData);
    return errorState(error, formData);
  }
}

export async function signUpAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    await consumeSignUpAttempt(await requestIp());
    const fields = formObject(formData);
    const user = await createUserWithPassword(fields);
    await signIn("credentials", { email: user.email, password: fields.password, redirectTo: safeNext(formData.get("next"), "/workspaces/new") });
    return { ok: true, data: undefined };
  } catch (error) {
    return errorState(error, formData);
  }
}

export async function magicLinkAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const { email } = parseInput(z.object({ email: emailSchema }), formObject(formData));
    await consumeMagicLinkAttempt(await requestIp(), email);
    // redirect: false keeps the visitor on our own page rather than Auth.js' verify-request route.
    await signIn("nodemailer", { email, redirect: false, redirectTo: safeNext(formData.get("next"), "/workspaces") });
  } catch (error) {
    if (error instanceof AuthError) return failure("Could not send the sign-in link. Please try again.", formData);
    return errorState(error, formData);
  }
  // Creators ask for their link on /creator and are told to check their inbox there.
  redirect(formData.get("audience") === "creator" ? "/creator?check-email=1" : "/login?check-email=1");
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/login" });
}
