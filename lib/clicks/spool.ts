// Clicks kept on local disk while the database is down, so a cached link's redirect is still
// answered and its click still never lost: the batch goes to a file (written, fsynced, renamed
// into place, directory fsynced) before its visitors get their 302, and is replayed into the
// database when it answers again. Replaying is idempotent — click ids are primary keys and the
// writer's INSERT skips ids already stored (lib/clicks/writer.ts), its rollups counting only the
// rows it inserted — so a file replayed twice (a crash between the INSERT and the unlink, two
// instances sharing the directory) still counts each click once.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { ClickRow } from "@/lib/clicks/writer";

const SUFFIX = ".clicks.json";
/** Rows per INSERT when replaying (the writer's own batch size). */
const REPLAY_BATCH = 500;

type StoredRow = Omit<ClickRow, "createdAt"> & { createdAt: string };

export class ClickSpool {
  constructor(readonly dir: string) {}

  /** Makes the rows durable on disk; resolves once they would survive a crash of this process or the machine. */
  async append(rows: readonly ClickRow[]): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    // Oldest first when replayed: the name starts with the time, then a random part (no clashes
    // between the instances of one machine).
    const name = `${Date.now().toString().padStart(15, "0")}-${randomBytes(6).toString("hex")}${SUFFIX}`;
    const temporary = path.join(this.dir, `.${name}.tmp`);
    const stored: StoredRow[] = rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
    const file = await fs.open(temporary, "w");
    try {
      await file.writeFile(JSON.stringify(stored));
      await file.sync();
    } finally {
      await file.close();
    }
    await fs.rename(temporary, path.join(this.dir, name));
    const directory = await fs.open(this.dir, "r");
    try {
      await directory.sync(); // the rename itself must survive a power cut
    } finally {
      await directory.close();
    }
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

  async count(): Promise<number> {
    let clicks = 0;
    for (const name of await this.files()) clicks += (await this.read(name))?.length ?? 0;
    return clicks;
  }

  /**
   * Writes every spooled click through `insert`, oldest file first, deleting each file once its
   * rows are stored. Stops at the first failure (the rest stays for the next attempt). Returns
   * the number of clicks replayed.
   */
  async replay(insert: (rows: ClickRow[]) => Promise<void>): Promise<number> {
    let replayed = 0;
    for (const name of await this.files()) {
      const rows = await this.read(name);
      if (rows === null) continue; // taken by another instance meanwhile
      for (let i = 0; i < rows.length; i += REPLAY_BATCH) await insert(rows.slice(i, i + REPLAY_BATCH));
      await fs.rm(path.join(this.dir, name), { force: true });
      replayed += rows.length;
    }
    return replayed;
  }

  private async read(name: string): Promise<ClickRow[] | null> {
    let text: string;
    try {
      text = await fs.readFile(path.join(this.dir, name), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    return (JSON.parse(text) as StoredRow[]).map((row) => ({ ...row, createdAt: new Date(row.createdAt) }));
  }
}

/** Errors that say the database cannot be reached or is not taking writes now, as opposed to errors about the data. */
export function isUnavailable(error: unknown): boolean {
  const { code, message } = (typeof error === "object" && error !== null ? error : {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string") {
    // connection exceptions, insufficient resources, operator intervention (shutdown, recovery), system errors
    if (/^(08|53|57P|58)/.test(code)) return true;
    if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"].includes(code)) return true;
  }
  return typeof message === "string" && /Connection terminated|timeout exceeded when trying to connect|Query read timeout|connection is closed|Client has encountered a connection error/i.test(message);
}
