// Where the click writer's batches go: the database, or — while it is unreachable — the local
// spool (lib/clicks/spool.ts). The first batch that fails for unavailability is spooled, and so
// is every batch after it, without waiting for the database again, until a probe finds the
// database back and the spool has been replayed into it. Errors about a batch's data are not
// unavailability: they reach the writer, which isolates the bad row (lib/clicks/writer.ts).
import { ClickSpool, isUnavailable } from "@/lib/clicks/spool";
import type { ClickRow } from "@/lib/clicks/writer";

export type SinkStatus = { database: "up" | "down"; spooledClicks: number };

type Options = {
  insert: (rows: ClickRow[]) => Promise<void>;
  probe: () => Promise<unknown>;
  spool: ClickSpool;
  /** how often a down database is probed, and a non-empty spool retried */
  retryMs?: number;
  log?: (line: string) => void;
};

export class DurableClickSink {
  private down = false;
  private spooled = 0;
  /** appends started and not finished: their files are not in the directory yet */
  private appending = 0;
  private timer: NodeJS.Timeout | null = null;
  private recovering: Promise<void> | null = null;
  private readonly log: (line: string) => void;
  private readonly ready: Promise<void>;

  constructor(private readonly options: Options) {
    this.log = options.log ?? ((line) => console.error(`[clicks] ${line}`));
    // Clicks a previous run spooled (it stopped before the database came back) are replayed first.
    this.ready = options.spool.count().then(
      (clicks) => {
        this.spooled = clicks;
        if (clicks > 0) {
          this.log(`${clicks} clicks spooled by an earlier run; replaying`);
          this.schedule(0);
        }
      },
      (error: unknown) => this.log(`cannot read the click spool: ${String(error)}`),
    );
  }

  status(): SinkStatus {
    return { database: this.down ? "down" : "up", spooledClicks: this.spooled };
  }

  /** Stores a batch durably: in the database, else in the spool. Rejects only when neither can take it. */
  readonly write = async (rows: ClickRow[]): Promise<void> => {
    if (!this.down) {
      try {
        await this.options.insert(rows);
        return;
      } catch (error) {
        if (!isUnavailable(error)) throw error;
        this.log(`database unavailable (${error instanceof Error ? error.message : String(error)}); spooling clicks to ${this.options.spool.dir}`);
        this.down = true;
        this.schedule();
      }
    }
    this.appending++;
    try {
      await this.options.spool.append(rows);
      this.spooled += rows.length;
    } finally {
      this.appending--;
    }
  };

  /** Whether the spool's directory can take files now (for health checks). */
  spoolWritable(): Promise<boolean> {
    return this.options.spool.writable();
  }

  /** Probes the database and, when it answers, replays the spool (tests call it directly). */
  async recover(): Promise<void> {
    this.recovering ??= this.attempt().finally(() => (this.recovering = null));
    return this.recovering;
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async attempt(): Promise<void> {
    await this.ready;
    try {
      await this.options.probe();
      // New clicks keep going to the spool until it is empty, so none overtakes the replay.
      for (;;) {
        const replayed = await this.options.spool.replay(this.options.insert);
        this.spooled = Math.max(0, this.spooled - replayed);
        if (replayed > 0) this.log(`replayed ${replayed} spooled clicks`);
        if ((await this.options.spool.files()).length > 0) continue;
        if (this.appending === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 5)); // a batch still on its way to the spool
      }
      this.spooled = 0;
      if (this.down) this.log("database back; clicks go to it again");
      this.down = false;
    } catch (error) {
      if (!isUnavailable(error)) this.log(`replaying the click spool failed: ${String(error)}`);
      this.schedule();
    }
  }

  private schedule(delayMs = this.options.retryMs ?? 2_000): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.recover();
    }, delayMs);
    this.timer.unref();
  }
}
