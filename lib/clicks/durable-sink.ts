// Where the click writer's batches go: the database, or — while it is unreachable — the local
// spool (lib/clicks/spool.ts). The first batch that fails for unavailability is spooled, and so
// is every batch after it, without waiting for the database again, until a probe finds the
// database back; from then on batches go to the database while the spool is replayed beside
// them (order does not matter: click ids are unique, rollups add up). Errors about a batch's data
// are not unavailability: they reach the writer, which isolates the bad row.
//
// The spool directory is also scanned now and then while the database is up, so files another
// instance sharing it left behind (it died before it could replay them) are replayed too.
import type { ClickSpool } from "@/lib/clicks/spool";
import type { ClickRow } from "@/lib/clicks/writer";
import { isUnavailable } from "@/lib/db/unavailable";

export type SinkStatus = {
  database: "up" | "down";
  /** clicks this process knows to be waiting in the spool */
  spooledClicks: number;
  /** the last attempt to spool failed (disk full, not writable): visitors get 503s */
  spoolFailing: boolean;
};

type Options = {
  insert: (rows: ClickRow[]) => Promise<void>;
  probe: () => Promise<unknown>;
  spool: ClickSpool;
  /** how often a down database is probed */
  retryMs?: number;
  /** how often the spool directory is checked while the database is up */
  scanMs?: number;
  log?: (line: string) => void;
};

export class DurableClickSink {
  private down = false;
  private spooled = 0;
  private spoolFailing = false;
  private timer: NodeJS.Timeout | null = null;
  private recovering: Promise<void> | null = null;
  private stopped = false;
  private readonly log: (line: string) => void;

  constructor(private readonly options: Options) {
    this.log = options.log ?? ((line) => console.error(`[clicks] ${line}`));
    // Clicks a previous run spooled (it stopped before the database came back) are replayed first.
    void options.spool.removeLeftovers().catch(() => undefined);
    this.schedule(0);
  }

  status(): SinkStatus {
    return { database: this.down ? "down" : "up", spooledClicks: this.spooled, spoolFailing: this.spoolFailing };
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
        this.reschedule(this.options.retryMs ?? 2_000);
      }
    }
    try {
      await this.options.spool.append(rows);
    } catch (error) {
      if (!this.spoolFailing) this.log(`cannot spool clicks (${String(error)}): visitors are refused until the database is back`);
      this.spoolFailing = true;
      throw error;
    }
    this.spoolFailing = false;
    this.spooled += rows.length;
  };

  /** Whether the spool's directory can take files now (for health checks). */
  spoolWritable(): Promise<boolean> {
    return this.options.spool.writable();
  }

  /** Probes the database when it was down, then replays what the spool holds (tests call it directly). */
  async recover(): Promise<void> {
    this.recovering ??= this.attempt().finally(() => (this.recovering = null));
    return this.recovering;
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async attempt(): Promise<void> {
    try {
      if (this.down) {
        await this.options.probe();
        this.down = false; // new batches go to the database again, while the spool drains below
        this.log("database back; clicks go to it again, the spool is being replayed");
      }
      const { replayed, rejected } = await this.options.spool.replay(this.options.insert);
      if (replayed + rejected > 0) {
        this.log(`replayed ${replayed} spooled clicks${rejected ? ` (${rejected} refused for their data, kept in rejected/)` : ""}`);
      }
      // What is still there arrived during the replay; the next scan takes it.
      this.spooled = await this.options.spool.count();
    } catch (error) {
      if (isUnavailable(error)) this.down = true;
      else this.log(`replaying the click spool failed: ${String(error)}`);
    } finally {
      this.schedule();
    }
  }

  private schedule(delayMs?: number): void {
    if (this.timer || this.stopped) return;
    const wait = delayMs ?? (this.down || this.spooled > 0 ? (this.options.retryMs ?? 2_000) : (this.options.scanMs ?? 30_000));
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.recover();
    }, wait);
    this.timer.unref();
  }

  private reschedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.schedule(delayMs);
  }
}
