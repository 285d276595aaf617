// Durable click logging with group commit. A redirect awaits its click's promise, which
// resolves only after the INSERT that carries it has committed — so an answered redirect always
// has its click in PostgreSQL, and a crash can only lose clicks whose visitors never got their
// redirect. Clicks arriving within a short window (CLICK_BATCH_WINDOW_MS) share one multi-row
// INSERT, which is what lets the redirect path run near Next's own ceiling instead of paying a
// round trip per click (see docs/benchmarks.md).
import type pg from "pg";

export type ClickRow = {
  id: string;
  workspaceId: string;
  linkId: string;
  createdAt: Date;
  country: string | null;
  device: "desktop" | "mobile" | "tablet" | "other";
  browser: string | null;
  os: string | null;
  referrer: string | null;
  isBot: boolean;
  visitorHash: string;
  /** qr when the visit came through the link's QR code */
  source: "link" | "qr";
};

type Pending = { row: ClickRow; resolve: () => void; reject: (error: unknown) => void };

const MAX_BATCH = 500;
const MAX_IN_FLIGHT = 4;
/** Beyond this many waiting clicks the database is not keeping up: refuse (503) rather than hoard memory. */
const MAX_PENDING = 20_000;

export class ClickBacklogFull extends Error {
  constructor() {
    super(`more than ${MAX_PENDING} clicks are waiting to be written`);
  }
}

/** Errors caused by one row's data rather than by the database (e.g. its link was deleted). */
function isRowError(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && (code === "23503" || code.startsWith("22"));
}

// One statement, so the clicks and the rollups the analytics read (lib/analytics) commit together:
// - ON CONFLICT: a click id is written at most once, so a replayed batch never double counts,
//   and only the rows actually inserted (RETURNING) reach the rollups;
// - LinkDayVisitor remembers which visitors a link saw each UTC day (kept 7 days: lib/clicks/visitor-days.ts); only first sightings add to
//   LinkDailyStat's unique clicks;
// - ORDER BY makes concurrent batches lock rollup rows in the same order (no deadlocks).
const INSERT_SQL = `
  WITH inserted AS (
    INSERT INTO "Click" ("id", "workspaceId", "linkId", "createdAt", "country", "device", "browser", "os", "referrer", "isBot", "visitorHash", "source")
    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::char(2)[], $6::"DeviceType"[], $7::text[], $8::text[], $9::text[], $10::boolean[], $11::text[], $12::"ClickSource"[])
    ON CONFLICT ("id") DO NOTHING
    RETURNING "workspaceId", "linkId", "createdAt", "isBot", "visitorHash", "source"
  ), hourly AS (
    INSERT INTO "LinkHourlyStat" ("linkId", "workspaceId", "hour", "clicks", "filtered", "scans")
    SELECT "linkId", "workspaceId", date_trunc('hour', "createdAt", 'UTC'), count(*) FILTER (WHERE NOT "isBot"), count(*) FILTER (WHERE "isBot"),
           count(*) FILTER (WHERE NOT "isBot" AND "source" = 'qr')
      FROM inserted GROUP BY 1, 2, 3 ORDER BY 1, 3
    ON CONFLICT ("linkId", "hour") DO UPDATE
      SET "clicks" = "LinkHourlyStat"."clicks" + EXCLUDED."clicks", "filtered" = "LinkHourlyStat"."filtered" + EXCLUDED."filtered",
          "scans" = "LinkHourlyStat"."scans" + EXCLUDED."scans"
  ), visitors AS (
    INSERT INTO "LinkDayVisitor" ("linkId", "day", "visitorHash")
    SELECT DISTINCT "linkId", ("createdAt" AT TIME ZONE 'UTC')::date, "visitorHash" FROM inserted WHERE NOT "isBot" ORDER BY 1, 2, 3
    ON CONFLICT DO NOTHING
    RETURNING "linkId", "day"
  )
  INSERT INTO "LinkDailyStat" ("linkId", "workspaceId", "day", "uniqueClicks")
  SELECT v."linkId", w."workspaceId", v."day", count(*)
    FROM visitors v JOIN (SELECT DISTINCT "linkId", "workspaceId" FROM inserted) w ON w."linkId" = v."linkId"
    GROUP BY 1, 2, 3 ORDER BY 1, 3
  ON CONFLICT ("linkId", "day") DO UPDATE SET "uniqueClicks" = "LinkDailyStat"."uniqueClicks" + EXCLUDED."uniqueClicks"`;

type Queryable = Pick<pg.Pool, "query"> | Pick<pg.PoolClient, "query">;

export async function insertClicks(db: Queryable, rows: readonly ClickRow[]): Promise<void> {
  await db.query(INSERT_SQL, [
    rows.map((r) => r.id),
    rows.map((r) => r.workspaceId),
    rows.map((r) => r.linkId),
    rows.map((r) => r.createdAt),
    rows.map((r) => r.country),
    rows.map((r) => r.device),
    rows.map((r) => r.browser),
    rows.map((r) => r.os),
    rows.map((r) => r.referrer),
    rows.map((r) => r.isBot),
    rows.map((r) => r.visitorHash),
    rows.map((r) => r.source),
  ]);
}

export class ClickWriter {
  private pending: Pending[] = [];
  private cancelScheduled: (() => void) | null = null;
  private inFlight = 0;

  constructor(
    private readonly write: (rows: ClickRow[]) => Promise<void>,
    private readonly windowMs: number,
  ) {}

  /** Resolves once the click is committed; rejects if its batch could not be written. */
  record(row: ClickRow): Promise<void> {
    if (this.pending.length >= MAX_PENDING) return Promise.reject(new ClickBacklogFull());
    return new Promise((resolve, reject) => {
      this.pending.push({ row, resolve, reject });
      if (this.pending.length >= MAX_BATCH && this.inFlight < MAX_IN_FLIGHT) {
        void this.flush();
      } else {
        this.schedule();
      }
    });
  }

  /** Writes everything pending now (used at shutdown and by tests). */
  async drain(): Promise<void> {
    while (this.pending.length > 0 || this.inFlight > 0) {
      if (this.pending.length > 0 && this.inFlight < MAX_IN_FLIGHT) await this.flush();
      else await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  private schedule(): void {
    if (this.cancelScheduled || this.inFlight >= MAX_IN_FLIGHT || this.pending.length === 0) return;
    const run = () => {
      this.cancelScheduled = null;
      void this.flush();
    };
    // A zero window still gathers the clicks of one event-loop turn; while a batch is being
    // written, new clicks queue up for the next one, so batches grow with load by themselves.
    if (this.windowMs === 0) {
      const immediate = setImmediate(run);
      this.cancelScheduled = () => clearImmediate(immediate);
    } else {
      const timeout = setTimeout(run, this.windowMs);
      this.cancelScheduled = () => clearTimeout(timeout);
    }
  }

  private async flush(): Promise<void> {
    this.cancelScheduled?.();
    this.cancelScheduled = null;
    const batch = this.pending.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    this.inFlight++;
    try {
      await this.writeIsolatingBadRows(batch);
    } finally {
      this.inFlight--;
      this.schedule();
    }
  }

  /** Writes a batch; when one row's data makes it fail, halves it so only that row's visitor is refused. */
  private async writeIsolatingBadRows(batch: Pending[]): Promise<void> {
    try {
      await this.write(batch.map((item) => item.row));
      for (const item of batch) item.resolve();
    } catch (error) {
      if (batch.length > 1 && isRowError(error)) {
        const middle = Math.ceil(batch.length / 2);
        await this.writeIsolatingBadRows(batch.slice(0, middle));
        await this.writeIsolatingBadRows(batch.slice(middle));
        return;
      }
      for (const item of batch) item.reject(error);
    }
  }
}
