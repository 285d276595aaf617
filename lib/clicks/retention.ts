// Analytics history beyond the plan's window (historyDays in lib/billing/plans.ts) is kept as
// daily totals, not as raw rows: clicks older than the window plus GRACE_DAYS are folded into
// LinkDailyDimension (per link, UTC day, dimension and value: human clicks, distinct visitors,
// filtered hits) and deleted; unserved hits likewise, as dimension "unserved" by reason. The
// rollups (LinkHourlyStat, LinkDailyStat) are totals already and stay as they are. Breakdowns
// (getDimension in lib/analytics/query.ts) read the archive beside raw clicks, so they answer the
// same before and after, and still answer for old days once an upgrade widens the window.
import type pg from "pg";
import { DIMENSION_SQL } from "@/lib/analytics/query";
import { limitOf, PLAN_IDS, type PlanId } from "@/lib/billing/plans";
import { getPool } from "@/lib/db/pool";

/**
 * Days kept beyond the plan's history before raw rows are archived: a downgrade, or a payment that
 * lapses briefly, does not delete the detail at once, and an upgrade within the week finds it whole.
 */
export const GRACE_DAYS = 7;

const DAY_MS = 86_400_000;
/** Links per page of the walk over all links (primary-key order). */
const LINKS_PER_PAGE = 500;
/**
 * Raw rows per archiving statement, about: a statement takes a link's oldest whole UTC days up to
 * this many rows, or one whole day when that day alone has more (a day is never split, see below).
 */
const ROWS_PER_BATCH = 10_000;

export type RetentionOptions = { rowsPerBatch?: number };
/** What one run archived; `workspaces` counts the workspaces that had rows archived. */
export type RetentionCounts = { clicksArchived: number; hitsArchived: number; workspaces: number };

const startOfUtcDay = (t: Date) => new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()));

/** Raw rows before this instant are archived: the start of the UTC day historyDays + GRACE_DAYS ago. */
export function retentionCutoff(plan: PlanId, now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - limitOf(plan, "historyDays") - GRACE_DAYS));
}

// Each batch is ONE statement: DELETE … RETURNING feeds the aggregate that is added into the
// archive, so the rows leave Click and enter LinkDailyDimension in the same transaction (a crash
// loses or doubles nothing), and a row is counted only by the statement that actually deleted it
// (a concurrent DELETE of the same rows waits, then finds them gone and returns nothing). What one
// statement cannot guard is a day's visitors split between two statements: distinct visitors of
// two halves of a day do not add up. So a batch always takes whole UTC days of one link (the
// cutoff is a day boundary too), and runs are serialised by an advisory lock (unsafeApplyRetention).
// ON CONFLICT adds up, for the one case that still reaches an archived day: a click written late
// (a spool replayed weeks later) for a day already archived. Its clicks add exactly; its visitor
// would count again only if it was already among that day's.
const ARCHIVED_DIMENSIONS = Object.entries(DIMENSION_SQL)
  .map(([dimension, expression]) => `('${dimension}', (${expression})::text)`)
  .join(", ");

const ARCHIVE_CLICKS_SQL = `
  WITH moved AS (
    DELETE FROM "Click" WHERE "workspaceId" = $1 AND "linkId" = $2 AND "createdAt" < $3
    RETURNING "workspaceId", "linkId", "createdAt", "country", "device", "browser", "os", "referrer", "source", "isBot", "visitorHash"
  ), archived AS (
    INSERT INTO "LinkDailyDimension" ("linkId", "workspaceId", "day", "dimension", "value", "clicks", "uniqueClicks", "filtered")
    SELECT c."linkId", c."workspaceId", (c."createdAt" AT TIME ZONE 'UTC')::date, d."dimension", coalesce(d."value", ''),
           count(*) FILTER (WHERE NOT c."isBot"), count(DISTINCT c."visitorHash") FILTER (WHERE NOT c."isBot"), count(*) FILTER (WHERE c."isBot")
      FROM moved c CROSS JOIN LATERAL (VALUES ${ARCHIVED_DIMENSIONS}) d("dimension", "value")
     GROUP BY 1, 2, 3, 4, 5
     ORDER BY 1, 3, 4, 5
    ON CONFLICT ("linkId", "day", "dimension", "value") DO UPDATE
      SET "clicks" = "LinkDailyDimension"."clicks" + EXCLUDED."clicks",
          "uniqueClicks" = "LinkDailyDimension"."uniqueClicks" + EXCLUDED."uniqueClicks",
          "filtered" = "LinkDailyDimension"."filtered" + EXCLUDED."filtered"
  )
  SELECT count(*)::int AS n FROM moved`;

/** Unserved hits have no visitor: people and bots by reason, uniqueClicks stays 0. */
const ARCHIVE_HITS_SQL = `
  WITH moved AS (
    DELETE FROM "UnservedHit" WHERE "workspaceId" = $1 AND "linkId" = $2 AND "createdAt" < $3
    RETURNING "workspaceId", "linkId", "createdAt", "reason", "isBot"
  ), archived AS (
    INSERT INTO "LinkDailyDimension" ("linkId", "workspaceId", "day", "dimension", "value", "clicks", "filtered")
    SELECT "linkId", "workspaceId", ("createdAt" AT TIME ZONE 'UTC')::date, 'unserved', "reason"::text,
           count(*) FILTER (WHERE NOT "isBot"), count(*) FILTER (WHERE "isBot")
      FROM moved
     GROUP BY 1, 2, 3, 5
     ORDER BY 1, 3, 5
    ON CONFLICT ("linkId", "day", "dimension", "value") DO UPDATE
      SET "clicks" = "LinkDailyDimension"."clicks" + EXCLUDED."clicks", "filtered" = "LinkDailyDimension"."filtered" + EXCLUDED."filtered"
  )
  SELECT count(*)::int AS n FROM moved`;

type Table = { name: "Click" | "UnservedHit"; archive: string };
const CLICKS: Table = { name: "Click", archive: ARCHIVE_CLICKS_SQL };
const HITS: Table = { name: "UnservedHit", archive: ARCHIVE_HITS_SQL };

/**
 * Archives one link's rows of a table before the cutoff, oldest days first, in batches of whole
 * days of about `perBatch` rows; returns how many. Each batch's end is found through the
 * (linkId, createdAt) index: the day of the perBatch-th oldest row, or the day after the oldest
 * row's when that one day is larger.
 */
async function archiveLink(db: Pick<pg.PoolClient, "query">, table: Table, workspaceId: string, linkId: string, cutoff: Date, perBatch: number): Promise<number> {
  let archived = 0;
  for (;;) {
    const { rows } = await db.query<{ first: Date | null; nth: Date | null }>(
      `SELECT min("createdAt") AS first,
              (SELECT "createdAt" FROM "${table.name}" WHERE "workspaceId" = $1 AND "linkId" = $2 AND "createdAt" < $3 ORDER BY "createdAt" OFFSET $4 LIMIT 1) AS nth
         FROM "${table.name}" WHERE "workspaceId" = $1 AND "linkId" = $2 AND "createdAt" < $3`,
      [workspaceId, linkId, cutoff, perBatch],
    );
    const { first, nth } = rows[0] ?? { first: null, nth: null };
    if (!first) return archived;
    const end = nth ? new Date(Math.max(startOfUtcDay(nth).getTime(), startOfUtcDay(first).getTime() + DAY_MS)) : cutoff;
    const result = await db.query<{ n: number }>(table.archive, [workspaceId, linkId, end]);
    const moved = result.rows[0]?.n ?? 0;
    if (moved === 0) return archived; // nothing left to take (defensive: the walk moves on)
    archived += moved;
  }
}

/**
 * A link deleted while the run walks (its workspace deleted itself) makes the archive insert fail
 * its foreign key; its rows are gone with it, so the run moves on rather than stopping for 6 hours.
 */
async function archiveUnlessGone(archive: () => Promise<number>): Promise<number> {
  try {
    return await archive();
  } catch (error) {
    if ((error as { code?: string }).code === "23503") return 0; // foreign_key_violation
    throw error;
  }
}

// One run at a time across all instances (startRetention runs in each): a session-level lock on
// the run's own connection, released at the end (or by the connection closing if the process dies).
const LOCK_SQL = `SELECT pg_try_advisory_lock(hashtext('clicks:retention')) AS locked`;
const UNLOCK_SQL = `SELECT pg_advisory_unlock(hashtext('clicks:retention'))`;

/**
 * Archives every workspace's clicks and unserved hits older than its plan's history plus
 * GRACE_DAYS. Unscoped by design: maintenance of every workspace's rows by the same rule, nothing
 * read back to anyone. The window comes from the workspace's stored `plan`, not effectivePlan():
 * a lapsed payment limits what is shown, it must not delete anything. For 7 days after a plan
 * changes, a wider plan it had keeps its window (`retainedPlan`, written by a database trigger on
 * every plan change): a downgrade or cancellation does not delete the detail at once. Returns zeros when another
 * instance's run holds the lock.
 */
export async function unsafeApplyRetention(pool: Pick<pg.Pool, "connect">, now: Date = new Date(), options: RetentionOptions = {}): Promise<RetentionCounts> {
  const perBatch = options.rowsPerBatch ?? ROWS_PER_BATCH;
  const counts: RetentionCounts = { clicksArchived: 0, hitsArchived: 0, workspaces: 0 };
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    const { rows } = await client.query<{ locked: boolean }>(LOCK_SQL);
    if (!rows[0]?.locked) return counts;
    try {
      const cutoffs = PLAN_IDS.map((plan) => retentionCutoff(plan, now));
      const workspaces = new Set<string>();
      let after = "";
      for (;;) {
        // All links in primary-key order, each with its workspace's cutoff and whether it has rows
        // before it (one probe of the (linkId, createdAt) index per table and link).
        const page = await client.query<{ id: string; workspaceId: string; before: Date; clicks: boolean; hits: boolean }>(
          `SELECT l."id", l."workspaceId", k."before",
                  EXISTS (SELECT 1 FROM "Click" c WHERE c."linkId" = l."id" AND c."createdAt" < k."before") AS "clicks",
                  EXISTS (SELECT 1 FROM "UnservedHit" h WHERE h."linkId" = l."id" AND h."createdAt" < k."before") AS "hits"
             FROM "Link" l JOIN "Workspace" w ON w."id" = l."workspaceId",
                  LATERAL (SELECT ($3::timestamptz[])[array_position($2::text[], GREATEST(w."plan", CASE WHEN w."retainedPlanUntil" > $4 THEN w."retainedPlan" END)::text)] AS "before") k
            WHERE l."id" > $1
            ORDER BY l."id" LIMIT ${LINKS_PER_PAGE}`,
          [after, PLAN_IDS, cutoffs, now],
        );
        if (page.rows.length === 0) break;
        after = page.rows[page.rows.length - 1]!.id;
        for (const link of page.rows) {
          const clicks = link.clicks ? await archiveUnlessGone(() => archiveLink(client, CLICKS, link.workspaceId, link.id, link.before, perBatch)) : 0;
          const hits = link.hits ? await archiveUnlessGone(() => archiveLink(client, HITS, link.workspaceId, link.id, link.before, perBatch)) : 0;
          counts.clicksArchived += clicks;
          counts.hitsArchived += hits;
          if (clicks + hits > 0) workspaces.add(link.workspaceId);
        }
      }
      counts.workspaces = workspaces.size;
      return counts;
    } finally {
      await client.query(UNLOCK_SQL);
    }
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(failure); // a client that failed is discarded, which also drops its lock
  }
}

const EVERY_MS = 6 * 3_600_000;
const KEY = Symbol.for("clickproof.retention");
const globals = globalThis as typeof globalThis & { [KEY]?: NodeJS.Timeout };

/** Started from instrumentation.ts in every instance; the lock lets one run at a time. */
export function startRetention(): void {
  if (globals[KEY]) return;
  const run = async () => {
    try {
      const { clicksArchived, hitsArchived, workspaces } = await unsafeApplyRetention(getPool());
      if (clicksArchived + hitsArchived > 0) {
        console.log(`[clicks] retention archived ${clicksArchived} clicks and ${hitsArchived} unserved hits of ${workspaces} workspace${workspaces === 1 ? "" : "s"}`);
      }
    } catch (error) {
      console.error(`[clicks] retention failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  setTimeout(run, 5 * 60_000).unref(); // not while the instance is starting, nor with the visitor-day pruning
  globals[KEY] = setInterval(run, EVERY_MS);
  globals[KEY].unref();
}
