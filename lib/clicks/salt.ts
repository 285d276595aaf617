import { randomBytes } from "node:crypto";
import type pg from "pg";
import { utcDay } from "@/lib/clicks/visitor";

// The visitor-hash salt is random per UTC day and stored so every app instance uses the same
// one; salts older than yesterday are deleted, after which no one (us included) can link a
// visitor hash back to an IP address by brute force. Tomorrow's salt is made and kept in memory
// with today's, so an outage of the database across midnight still hashes visitors (their clicks
// are spooled, lib/clicks/spool.ts) with the salt every instance will use.
type Salt = { day: string; salt: string };
type SaltState = { current: Salt | null; next: Salt | null; loading?: Promise<string> };
const KEY = Symbol.for("clickproof.visitorSalt");
const globals = globalThis as typeof globalThis & { [KEY]?: SaltState };

export async function getDailySalt(pool: Pick<pg.Pool, "query">, now: Date = new Date()): Promise<string> {
  const day = utcDay(now);
  const state = (globals[KEY] ??= { current: null, next: null });
  if (state.current?.day === day) return state.current.salt;
  state.loading ??= loadSalts(pool, day)
    .then(([today, tomorrow]) => {
      state.current = today;
      state.next = tomorrow;
      return today.salt;
    })
    .catch((error: unknown) => {
      // The day turned while the database is away: tomorrow's salt, made yesterday, is today's.
      if (state.next?.day === day) {
        state.current = state.next;
        return state.next.salt;
      }
      throw error;
    })
    .finally(() => {
      state.loading = undefined;
    });
  return state.loading;
}

async function loadSalts(pool: Pick<pg.Pool, "query">, day: string): Promise<[Salt, Salt]> {
  const days = [day, utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000))];
  await pool.query(`INSERT INTO "VisitorSalt" ("day", "salt") SELECT unnest($1::date[]), unnest($2::text[]) ON CONFLICT ("day") DO NOTHING`, [
    days,
    days.map(() => randomBytes(32).toString("hex")),
  ]);
  await pool.query(`DELETE FROM "VisitorSalt" WHERE "day" < $1::date - 1`, [day]);
  const { rows } = await pool.query<{ day: string; salt: string }>(`SELECT "day"::text AS day, "salt" FROM "VisitorSalt" WHERE "day" = ANY($1::date[])`, [days]);
  const found = days.map((d) => rows.find((row) => row.day === d));
  if (!found[0] || !found[1]) throw new Error(`visitor salts for ${days.join(", ")} missing after insert`);
  return [found[0], found[1]];
}
