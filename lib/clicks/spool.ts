// Clicks kept on local disk while the database is down, so a cached link's redirect is still
// answered and its click still never lost: the batch goes to a file (written, fsynced, renamed
// into place, directory fsynced) before its visitors get their 302, and is replayed into the
// database when it answers again. Replaying is idempotent — click ids are primary keys and the
// writer's INSERT skips ids already stored (lib/clicks/writer.ts), its rollups counting only the
// rows it inserted — so a file replayed twice (a crash between the INSERT and the unlink, two
// instances sharing the directory) still counts each click once. (A file replayed more than
// lib/clicks/visitor-days.ts KEEP_DAYS late could count a visitor of that day twice in the unique
// clicks: its visitor rows are gone by then.)
//
// A row the database refuses for its data (its link deleted meanwhile) and a file that cannot be
// read are moved aside to rejected/ and logged, never retried forever: one bad row must not keep
// every later click out of the database.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { ClickRow } from "@/lib/clicks/writer";
import { isUnavailable } from "@/lib/db/unavailable";

const SUFFIX = ".clicks.json";
/** Rows per INSERT when replaying (the writer's own batch size). */
const REPLAY_BATCH = 500;

const storedRow = z.object({
  id: z.string(),
  workspaceId: z.string(),
  linkId: z.string(),
  createdAt: z.iso.datetime().transform((value) => new Date(value)),
  country: z.string().nullable(),
  device: z.enum(["desktop", "mobile", "tablet", "other"]),
  browser: z.string().nullable(),
  os: z.string().nullable(),
  referrer: z.string().nullable(),
  isBot: z.boolean(),
  visitorHash: z.string(),
  source: z.enum(["link", "qr"]),
});
const storedFile = z.array(storedRow);

async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export type ReplayResult = { replayed: number; rejected: number };

export class ClickSpool {
  constructor(
    readonly dir: string,
    private readonly log: (line: string) => void = (line) => console.error(`[clicks] ${line}`),
  ) {}

  /** Makes the rows durable on disk; resolves once they would survive a crash of this process or the machine. */
  async append(rows: readonly ClickRow[]): Promise<void> {
    // A directory made now must itself survive a power cut: its entry in the parent is synced too.
    if (await fs.mkdir(this.dir, { recursive: true })) await syncDirectory(path.dirname(this.dir));
    // Oldest first when replayed: the name starts with the time, then a random part (no clashes
    // between the instances of one machine).
    const name = `${Date.now().toString().padStart(15, "0")}-${randomBytes(6).toString("hex")}${SUFFIX}`;
    const temporary = path.join(this.dir, `.${name}.tmp`);
    const file = await fs.open(temporary, "w");
    try {
      await file.writeFile(JSON.stringify(rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }))));
      await file.sync();
    } finally {
      await file.close();
    }
    await fs.rename(temporary, path.join(this.dir, name));
    await syncDirectory(this.dir); // the rename itself must survive a power cut
  }

  /** Whether files can be created in the directory now. */
  async writable(): Promise<boolean> {
    try {
      await fs.mkdir(this.dir, { recursive: true });
      await fs.access(this.dir, fs.constants.W_OK);
      return true;
    } catch {
      return false;
    }
  }

  /** Spooled files, oldest first. */
  async files(): Promise<string[]> {
    try {
      return (await fs.readdir(this.dir)).filter((name) => name.endsWith(SUFFIX)).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
  }

  /** Clicks waiting in readable files. */
  async count(): Promise<number> {
    let clicks = 0;
    for (const name of await this.files()) clicks += (await this.read(name).catch(() => null))?.length ?? 0;
    return clicks;
  }

  /** Deletes temporary files an append left behind when its process died before the rename. */
  async removeLeftovers(olderThanMs = 60_000): Promise<void> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.startsWith(".") && n.endsWith(".tmp"))) {
      const file = path.join(this.dir, name);
      const stat = await fs.stat(file).catch(() => null);
      if (stat && Date.now() - stat.mtimeMs > olderThanMs) await fs.rm(file, { force: true });
    }
  }

  /**
   * Writes every spooled click through `insert`, oldest file first, deleting each file once its
   * rows are stored. Stops at the first unavailability (the rest waits for the next attempt);
   * rows refused for their data, and unreadable files, go to rejected/.
   */
  async replay(insert: (rows: ClickRow[]) => Promise<void>): Promise<ReplayResult> {
    const result: ReplayResult = { replayed: 0, rejected: 0 };
    for (const name of await this.files()) {
      let rows: ClickRow[] | null;
      try {
        rows = await this.read(name);
      } catch (error) {
        this.log(`spooled file ${name} cannot be read (${String(error)}); moved to rejected/`);
        await this.moveAside(name);
        continue;
      }
      if (rows === null) continue; // taken by another instance meanwhile
      const refused: ClickRow[] = [];
      for (let i = 0; i < rows.length; i += REPLAY_BATCH) await this.insertIsolating(insert, rows.slice(i, i + REPLAY_BATCH), refused);
      if (refused.length > 0) {
        await this.reject(refused);
        this.log(`${refused.length} spooled clicks refused by the database for their data; kept in rejected/`);
      }
      await fs.rm(path.join(this.dir, name), { force: true });
      result.replayed += rows.length - refused.length;
      result.rejected += refused.length;
    }
    return result;
  }

  /** Inserts a batch; a data error halves it until the refused rows are alone. Unavailability is thrown. */
  private async insertIsolating(insert: (rows: ClickRow[]) => Promise<void>, rows: ClickRow[], refused: ClickRow[]): Promise<void> {
    try {
      await insert(rows);
    } catch (error) {
      if (isUnavailable(error)) throw error;
      if (rows.length === 1) {
        refused.push(rows[0]!);
        return;
      }
      const middle = Math.ceil(rows.length / 2);
      await this.insertIsolating(insert, rows.slice(0, middle), refused);
      await this.insertIsolating(insert, rows.slice(middle), refused);
    }
  }

  private async reject(rows: ClickRow[]): Promise<void> {
    const dir = path.join(this.dir, "rejected");
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, `${Date.now()}-${randomBytes(6).toString("hex")}.json`), JSON.stringify(rows));
  }

  private async moveAside(name: string): Promise<void> {
    const dir = path.join(this.dir, "rejected");
    await fs.mkdir(dir, { recursive: true });
    await fs.rename(path.join(this.dir, name), path.join(dir, name)).catch(() => undefined);
  }

  /** The file's rows; null when it is gone. Throws when it is not a spool file we can read. */
  private async read(name: string): Promise<ClickRow[] | null> {
    let text: string;
    try {
      text = await fs.readFile(path.join(this.dir, name), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    return storedFile.parse(JSON.parse(text));
  }
}
