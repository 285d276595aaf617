// LinkDayVisitor remembers which visitors each link saw each UTC day, so that only a visitor's
// first click of the day adds to LinkDailyStat's unique clicks (lib/clicks/writer.ts). Once a day
// is over nothing reads its rows again (its unique count is final in LinkDailyStat, and raw
// analytics count from Click), yet they are the largest table after Click: ~230 bytes per
// visitor-day (docs/benchmarks.md, 10 M clicks). Days older than KEEP_DAYS are deleted; the margin covers clicks that
// arrive late (a batch retried, clocks), which must still find their visitor's row.
import type pg from "pg";
import { getPool } from "@/lib/db/pool";

export const KEEP_DAYS = 7;
/** Links per DELETE: each statement walks the primary key (linkId, day, …) of this many links. */
const LINKS_PER_BATCH = 500;

/**
 * Deletes visitor rows of days before today − KEEP_DAYS (UTC); returns how many. Unscoped by
 * design: maintenance of every workspace's rows, the same rule for all, nothing read or returned.
 */
export async function unsafePruneVisitorDays(db: Pick<pg.Pool, "query">, now: Date = new Date()): Promise<number> {
  const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - KEEP_DAYS)).toISOString().slice(0, 10);
  let deleted = 0;
  let after = "";
  for (;;) {
    // Link by link in key order, so each DELETE is a range scan of the primary key, never a
    // sequential scan of the whole table (there is no index on the day alone, by design: one
    // more index on every first click of the day is not worth a nightly job's convenience).
    const { rows } = await db.query<{ id: string }>(`SELECT "id" FROM "Link" WHERE "id" > $1 ORDER BY "id" LIMIT ${LINKS_PER_BATCH}`, [after]);
    if (rows.length === 0) return deleted;
    after = rows[rows.length - 1]!.id;
    const result = await db.query(`DELETE FROM "LinkDayVisitor" WHERE "linkId" = ANY($1::text[]) AND "day" < $2::date`, [rows.map((r) => r.id), cutoff]);
    deleted += result.rowCount ?? 0;
  }
}

const EVERY_MS = 6 * 3_600_000;
const KEY = Symbol.for("clickproof.visitorDayPruning");
const globals = globalThis as typeof globalThis & { [KEY]?: NodeJS.Timeout };

/** Started from instrumentation.ts in every instance; running twice at once only repeats a no-op DELETE. */
export function startVisitorDayPruning(): void {
  if (globals[KEY]) return;
  const run = async () => {
    try {
      const deleted = await unsafePruneVisitorDays(getPool());
      if (deleted > 0) console.log(`[clicks] pruned ${deleted} visitor-day rows older than ${KEEP_DAYS} days`);
    } catch (error) {
      console.error(`[clicks] pruning visitor days failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  setTimeout(run, 60_000).unref(); // not while the instance is starting
  globals[KEY] = setInterval(run, EVERY_MS);
  globals[KEY].unref();
}
