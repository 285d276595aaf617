// The crash run, shared by `npm run bench:crash` (scripts/bench/crash.ts) and its small version in
// the test suite (e2e/redirects/durability-crash.spec.ts): redirects under keep-alive load, the
// app's whole process group SIGKILLed mid-load, the app restarted on the same database, and every
// click id a 302 carried looked up in the Click table. The promise under test (lib/clicks/writer.ts):
// a click is committed before its 302 is sent, so a crash can only lose clicks nobody was answered for.
import http from "node:http";
import pg from "pg";
import { createBenchLink } from "./app";
import { killAppGroup, startAppGroup, startSeededDatabase, stopAppGroup, waitForApp, type AppGroup } from "./processes";

/** The demo workspace's click id parameter (Workspace.clickIdParam's default). */
export const CLICK_ID_PARAM = "cp_click";
/** A person's browser, so every visit is a click rather than a filtered bot hit. */
export const BROWSER_UA =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

export type LoadTally = {
  sent: number;
  /** the click id of every 302 answered, in the order the answers came */
  answered: string[];
  /** answers that were not a 302 carrying a click id, by status */
  otherAnswers: Record<string, number>;
  /** requests that failed while the load was running */
  failed: number;
  /** requests in flight when the load was stopped (the kill) that never got an answer */
  cutOff: number;
};

/** One GET, no redirect followed; resolves with the status and Location once the headers are in. */
function visit(url: string, agent: http.Agent, userAgent: string): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { "user-agent": userAgent } }, (response) => {
      // A browser follows the Location as soon as it has the headers: that is the answer. The
      // body is drained so the socket is reused; losing it to the kill changes nothing.
      response.on("error", () => undefined);
      response.resume();
      resolve({ status: response.statusCode ?? 0, location: response.headers.location });
    });
    request.setTimeout(30_000, () => request.destroy(new Error("no answer within 30 s")));
    request.on("error", reject);
  });
}

/**
 * `workers` keep-alive connections, each sending its next visit as soon as the last is answered,
 * until `requests` have been sent or stop() is called.
 */
export class RedirectLoad {
  readonly tally: LoadTally = { sent: 0, answered: [], otherAnswers: {}, failed: 0, cutOff: 0 };
  readonly finished: Promise<void>;
  private stopped = false;
  private pending = 0;
  private readonly agent: http.Agent;

  constructor(
    private readonly url: string,
    options: { workers: number; requests?: number; userAgent?: string },
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: options.workers });
    const userAgent = options.userAgent ?? BROWSER_UA;
    const workers = Array.from({ length: options.workers }, () => this.work(options.requests ?? Infinity, userAgent));
    this.finished = Promise.all(workers).then(() => this.agent.destroy());
  }

  /** Requests sent and not yet answered. */
  get inFlight(): number {
    return this.pending;
  }

  /** Sends nothing more; what is in flight is answered or cut off. */
  stop(): void {
    this.stopped = true;
  }

  private async work(requests: number, userAgent: string): Promise<void> {
    while (!this.stopped && this.tally.sent < requests) {
      this.tally.sent++;
      this.pending++;
      try {
        const { status, location } = await visit(this.url, this.agent, userAgent);
        const clickId = status === 302 && location ? new URL(location).searchParams.get(CLICK_ID_PARAM) : null;
        if (clickId) this.tally.answered.push(clickId);
        else this.tally.otherAnswers[status] = (this.tally.otherAnswers[status] ?? 0) + 1;
      } catch {
        if (this.stopped) this.tally.cutOff++;
        else this.tally.failed++;
      } finally {
        this.pending--;
      }
    }
  }
}

export type ClickCheck = {
  /** Click rows of the link */
  stored: number;
  /** answered click ids with no row: lost clicks */
  missing: string[];
  /** click ids more than one 302 carried */
  answeredTwice: number;
  /** click ids with more than one row (the primary key forbids it; checked anyway) */
  storedTwice: number;
  /** rows no answered 302 carried: visits whose click committed but whose answer the kill cut off */
  storedUnanswered: number;
};

/** Compares the click ids answered for a link with its rows in the Click table. */
export async function checkClicks(databaseUrl: string, linkId: string, answered: readonly string[]): Promise<ClickCheck> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: string }>(`SELECT "id" FROM "Click" WHERE "linkId" = $1`, [linkId]);
    const stored = new Set(rows.map((row) => row.id));
    const answeredSet = new Set(answered);
    return {
      stored: rows.length,
      missing: [...answeredSet].filter((id) => !stored.has(id)),
      answeredTwice: answered.length - answeredSet.size,
      storedTwice: rows.length - stored.size,
      storedUnanswered: [...stored].filter((id) => !answeredSet.has(id)).length,
    };
  } finally {
    await db.end();
  }
}

export type CrashOptions = {
  /** the seeded database and the app's AUTH_SECRET live here; the caller removes it */
  dataDir: string;
  port: number;
  apiKey: string;
  workers: number;
  /** how long the load runs before the kill */
  loadMs: number;
  /** and how many 302s it must have had, so the kill lands mid-load however slow the machine */
  minAnswered: number;
  /** visits after the restart, to show the restarted app serves and records */
  afterRestart: number;
  log?: (line: string) => void;
};

export type CrashReport = {
  tally: LoadTally;
  /** requests sent and not yet answered when the SIGKILL went out */
  inFlightAtKill: number;
  loadSeconds: number;
  /** from the kill to /api/health answering again */
  restartSeconds: number;
  check: ClickCheck;
  afterRestart: { tally: LoadTally; check: ClickCheck };
};

export async function runCrashScenario(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => undefined);
  log(`seeding an embedded PostgreSQL in ${options.dataDir}`);
  const database = await startSeededDatabase(options.dataDir, options.apiKey);
  const start = () => startAppGroup({ port: options.port, databaseUrl: database.url, dataDir: options.dataDir });
  let app: AppGroup | null = null;
  try {
    app = start();
    await waitForApp(app);
    const link = await createBenchLink(app.base, options.apiKey, "crash-run");
    const url = `${app.base}/crash-run`;

    log(`load: ${options.workers} keep-alive connections on ${url}`);
    const load = new RedirectLoad(url, { workers: options.workers });
    const started = performance.now();
    const elapsed = () => performance.now() - started;
    while (elapsed() < options.loadMs || load.tally.answered.length < options.minAnswered) {
      if (elapsed() > options.loadMs + 60_000) throw new Error(`only ${load.tally.answered.length} redirects answered in ${Math.round(elapsed() / 1000)} s:\n${app.logs()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // No event-loop turn between these: nothing new is sent, and no answer is read in between.
    load.stop();
    const inFlightAtKill = load.inFlight;
    const loadSeconds = elapsed() / 1000;
    const killed = killAppGroup(app); // signals before its first await, so still in this turn
    const killedAt = performance.now();
    await killed;
    log(`SIGKILL to process group ${app.pid} after ${loadSeconds.toFixed(1)} s, ${inFlightAtKill} requests in flight`);
    await load.finished;

    app = start();
    await waitForApp(app);
    const restartSeconds = (performance.now() - killedAt) / 1000;
    log(`restarted; /api/health answers ${restartSeconds.toFixed(1)} s after the kill`);
    const check = await checkClicks(database.url, link.id, load.tally.answered);

    const after = new RedirectLoad(url, { workers: Math.min(options.workers, 5), requests: options.afterRestart });
    await after.finished;
    const afterCheck = await checkClicks(database.url, link.id, after.tally.answered);
    return { tally: load.tally, inFlightAtKill, loadSeconds, restartSeconds, check, afterRestart: { tally: after.tally, check: afterCheck } };
  } catch (error) {
    if (app) console.error(app.logs().slice(-4000));
    throw error;
  } finally {
    if (app) await stopAppGroup(app);
    await database.stop();
  }
}
