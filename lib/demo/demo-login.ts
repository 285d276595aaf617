import "server-only";
import { DEMO_USER } from "@/prisma/seed-data";
import { getDb } from "@/lib/db";

export type DemoLogin = { email: string; password: string };

let known: { at: number; login: DemoLogin | null } | null = null;
const FRESH_MS = 60_000;

/**
 * The seeded demo account's login, to show on the sign-in page — only where the demo data was
 * seeded (npm run dev, the test servers), never on an install without it. Checked once a minute.
 */
export async function demoLogin(now: number = Date.now()): Promise<DemoLogin | null> {
  if (known && now - known.at < FRESH_MS) return known.login;
  const exists = (await getDb().user.count({ where: { email: DEMO_USER.email } })) > 0;
  known = { at: now, login: exists ? { email: DEMO_USER.email, password: DEMO_USER.password } : null };
  return known.login;
}
