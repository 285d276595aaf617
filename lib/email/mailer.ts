// Outgoing e-mail through SMTP_URL (nodemailer). Without it nothing is sent: callers show the
// link in the UI instead (invitations) or print it to the server log (development sign-in).
import "server-only";
import { createTransport } from "nodemailer";
import { getEnv } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string; html: string };

export function mailConfigured(): boolean {
  return Boolean(getEnv().SMTP_URL);
}

/**
 * Whether this server can prove that someone owns an address, by a link only their mailbox gets:
 * mail goes out through SMTP, or (development) the link is printed to the server log.
 */
export function addressesCanBeProven(): boolean {
  const env = getEnv();
  return Boolean(env.SMTP_URL) || env.NODE_ENV === "development";
}

export async function sendMail(mail: Mail): Promise<void> {
  const env = getEnv();
  if (!env.SMTP_URL) throw new Error("SMTP_URL is not set");
  await createTransport(env.SMTP_URL).sendMail({ from: env.EMAIL_FROM, ...mail });
}

/** Escapes text for the HTML part of an e-mail (names and workspace names are user input). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
