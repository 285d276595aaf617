import { randomBytes } from "node:crypto";
import type pg from "pg";
import { utcDay } from "@/lib/clicks/visitor";

// The visitor-hash salt is random per UTC day and stored so every app instance uses the same
// one; salts older than yesterday are deleted, after which no one (us included) can link a
// visitor hash back to an IP address by brute force.
type SaltState = { day: string; salt: string } | null;
const KEY = Symbol.for("clickproof.visitorSalt");
const globals = globalThis as typeof globalThis & { [KEY]?: { current: SaltState; loading?: Promise<string> } };

export async function getDailySalt(pool: pg.Pool, now: Date = new Date()): Promise<string> {
  const day = utcDay(now);
  const state = (globals[KEY] ??= { current: null });
  if (state.current?.day === day) return state.current.salt;
  state.loading ??= loadSalt(pool, day)
    .then((salt) => {
      state.current = { day, salt };
      return salt;
    })
    .finally(() => {
      state.loading = undefined;
    });
  return state.loading;
}

async function loadSalt(pool: pg.Pool, day: string): Promise<string> {
  await pool.query(`INSERT INTO "VisitorSalt" ("day", "salt") VALUES ($1::date, $2) ON CONFLICT ("day") DO NOTHING`, [
    day,
    randomBytes(32).toString("hex"),
  ]);
  await pool.query(`DELETE FROM "VisitorSalt" WHERE "day" < $1::date - 1`, [day]);
  const { rows } = await pool.query<{ salt: string }>(`SELECT "salt" FROM "VisitorSalt" WHERE "day" = $1::date`, [day]);
  const salt = rows[0]?.salt;
  if (!salt) throw new Error(`visitor salt for ${day} missing after insert`);
  return salt;
}
