// What Clickproof's sessions carry beyond Auth.js's defaults (lib/auth/auth.ts).
import "next-auth";

declare module "next-auth" {
  interface Session {
    /** how this session signed in ("credentials" or "nodemailer") and when (Unix seconds) */
    signedInWith?: string;
    signedInAt?: number;
  }
}
