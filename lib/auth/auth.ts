// Auth.js v5: e-mail + password (argon2id, rate-limited), and magic links by e-mail when SMTP is
// configured (in development without SMTP the link is printed to the server log). Sessions are
// JWTs, so the redirect path never needs a session lookup; a signed-in request reads the user's
// session version (sessions end when the password changes).
import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import Nodemailer from "next-auth/providers/nodemailer";
import { clientIp } from "@/lib/http/client-ip";
import { getDb } from "@/lib/db";
import { addressesCanBeProven, sendMail } from "@/lib/email/mailer";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { consumeSignInAttempt, recordSignInSuccess } from "@/lib/auth/rate-limit";
import { signInSchema } from "@/lib/auth/schema";

export class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

// Verifying against a real hash when the account does not exist keeps both answers equally slow,
// so response time does not reveal which e-mail addresses have accounts.
let dummyHash: Promise<string> | undefined;

export function isMagicLinkEnabled(): boolean {
  return addressesCanBeProven();
}

/** The user's session version, or null when the user no longer exists. */
async function sessionVersionOf(userId: string): Promise<number | null> {
  const row = await getDb().user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return row?.sessionVersion ?? null;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  const env = getEnv();
  const db = getDb();
  return {
    adapter: PrismaAdapter(db),
    session: { strategy: "jwt" },
    trustHost: true,
    logger: {
      // A wrong password is an expected outcome, answered on the form; not a server error.
      error(error) {
        if (error.name === "CredentialsSignin" || error instanceof CredentialsSignin) return;
        console.error(`[auth] ${error.name}: ${error.message}`);
      },
    },
    pages: { signIn: "/login", verifyRequest: "/login?check-email=1", error: "/login" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        async authorize(raw, request) {
          const parsed = signInSchema.safeParse(raw);
          if (!parsed.success) throw new InvalidCredentials();
          const { email, password } = parsed.data;
          const ip = clientIp(request.headers, env.TRUST_PROXY) ?? "unknown";
          try {
            await consumeSignInAttempt(email, ip);
          } catch (error) {
            if (error instanceof AppError) throw new TooManyAttempts();
            throw error;
          }
          const user = await db.user.findUnique({
            where: { email },
            select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
          });
          const valid = user?.passwordHash
            ? await verifyPassword(user.passwordHash, password)
            : await verifyPassword(await (dummyHash ??= hashPassword("not-a-real-password")), password).then(() => false);
          if (!user || !valid) throw new InvalidCredentials();
          await recordSignInSuccess(email, ip);
          // the version read with the password that was checked: a change racing this sign-in wins
          return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
        },
      }),
      ...(isMagicLinkEnabled()
        ? [
            Nodemailer({
              server: env.SMTP_URL ?? "smtp://localhost:25",
              from: env.EMAIL_FROM,
              async sendVerificationRequest({ identifier, url }) {
                // Auth.js builds this URL from the request's Host / X-Forwarded-Host, which a client
                // can forge to have us mail a working token to someone else's site. With APP_URL set
                // (required for SMTP in production, see lib/env.ts) only our own origin is mailed.
                if (env.APP_URL && new URL(url).origin !== new URL(env.APP_URL).origin) {
                  throw new Error(`refusing to mail a sign-in link for another origin (${new URL(url).origin})`);
                }
                if (!env.SMTP_URL) {
                  console.log(`[auth] magic sign-in link for ${identifier}: ${url}`);
                  return;
                }
                await sendMail({
                  to: identifier,
                  subject: "Your Clickproof sign-in link",
                  text: `Sign in to Clickproof:\n${url}\n\nThe link works once and expires in 24 hours. If you did not ask for it, ignore this e-mail.`,
                  html: `<p>Sign in to Clickproof:</p><p><a href="${url}">Sign in</a></p><p>The link works once and expires in 24 hours. If you did not ask for it, ignore this e-mail.</p>`,
                });
              },
            }),
          ]
        : []),
    ],
    callbacks: {
      async signIn({ user, account, email }) {
        // The first verified e-mail sign-in proves who owns the address. A password set before
        // that (by anyone who typed the address at sign-up) is dropped, so an account cannot be
        // prepared in advance by someone else and then shared with its real owner.
        if (account?.provider === "nodemailer" && !email?.verificationRequest && user.id) {
          // …and whoever signed in with it is signed out (their sessions carry the old version).
          await db.user.updateMany({ where: { id: user.id, emailVerified: null }, data: { passwordHash: null, sessionVersion: { increment: 1 } } });
        }
        return true;
      },
      // A session carries the user's session version from its sign-in; a password change (or "sign
      // out everywhere") raises the version, and every older session is refused from then on. One
      // primary-key read per request that asks who is signed in; redirects never do.
      async jwt({ token, user, account }) {
        if (user?.id) {
          token.sub = user.id;
          // how and when this session proved who it is: a recent e-mail link may set a new password
          token.am = account?.provider ?? "credentials";
          token.at = Math.floor(Date.now() / 1000);
          // a password sign-in: the version read with the password checked (authorize); an e-mail
          // link: read now, after the signIn callback above may have raised it
          const checked = account?.provider === "credentials" && "sessionVersion" in user ? user.sessionVersion : undefined;
          token.sv = typeof checked === "number" ? checked : await sessionVersionOf(user.id);
          return token;
        }
        if (!token.sub) return null;
        const current = await sessionVersionOf(token.sub);
        if (current === null || current !== (typeof token.sv === "number" ? token.sv : 0)) return null;
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        if (typeof token.am === "string") session.signedInWith = token.am;
        if (typeof token.at === "number") session.signedInAt = token.at;
        return session;
      },
    },
  };
});
