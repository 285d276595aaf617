// Process helpers shared by the crash and memory benchmarks (scripts/bench/crash.ts, memory.ts)
// and the suite's crash check (e2e/redirects/durability-crash.spec.ts): a seeded embedded
// PostgreSQL that outlives the app, the production app as its own process group (so one signal
// reaches scripts/run-app.ts and its Next.js child together), and what /proc says about processes.
// Linux only: the helpers read /proc.
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { clusterDirFor, startEmbeddedPostgres } from "../../lib/db/embedded";
import { migrateDeploy } from "../../lib/db/migrate";
import { waitFor } from "./app";

const root = path.resolve(import.meta.dirname, "../..");

export type SeededDatabase = { url: string; stop: () => Promise<void> };

/**
 * An embedded PostgreSQL under dataDir, migrated and seeded with the demo workspace (Team plan,
 * conversion tracking on) and apiKey as its API key — what scripts/app-env.ts does, but owned by
 * the caller's process, so killing the app leaves the database running.
 */
export async function startSeededDatabase(dataDir: string, apiKey: string): Promise<SeededDatabase> {
  const database = await startEmbeddedPostgres({ dataDir });
  try {
    await migrateDeploy(database.url);
    const { seed } = await import("../../prisma/seed");
    await seed(database.url, { demoApiKey: apiKey });
  } catch (error) {
    await database.stop();
    throw error;
  }
  return { url: database.url, stop: database.stop };
}

/** Deletes a data directory and the cluster files, which live elsewhere when root cannot share them. */
export async function removeDataDir(dataDir: string): Promise<void> {
  await fs.rm(clusterDirFor(dataDir), { recursive: true, force: true });
  await fs.rm(dataDir, { recursive: true, force: true });
}

export type AppGroup = {
  /** run-app's pid, which is also the group id */
  pid: number;
  base: string;
  /** the last 20 kB of the app's output, for error messages */
  logs: () => string;
  exited: Promise<void>;
};

/** `scripts/run-app.ts start` on an existing database, as the leader of a new process group. */
export function startAppGroup(options: { port: number; databaseUrl: string; dataDir: string; env?: Record<string, string> }): AppGroup {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/run-app.ts", "start"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      PORT: String(options.port),
      DATABASE_URL: options.databaseUrl,
      // with DATABASE_URL set, run-app keeps only its AUTH_SECRET here
      DATA_DIR: options.dataDir,
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
  });
  if (!child.pid) throw new Error("could not start scripts/run-app.ts");
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { pid: child.pid, base: `http://127.0.0.1:${options.port}`, logs: () => output, exited };
}

/** Resolves when the app answers /api/health; fails at once if it exits first. */
export async function waitForApp(app: AppGroup, timeoutMs = 120_000): Promise<void> {
  let exited = false;
  const died = app.exited.then(() => {
    exited = true;
  });
  await Promise.race([waitFor(`${app.base}/api/health`, timeoutMs), died]);
  if (exited) throw new Error(`the app exited before answering /api/health:\n${app.logs()}`);
}

type ProcStat = { pid: number; state: string; ppid: number; pgrp: number };

async function readStat(pid: number): Promise<ProcStat | null> {
  const text = await fs.readFile(`/proc/${pid}/stat`, "utf8").catch(() => null);
  if (!text) return null;
  // The command name is in parentheses and may hold spaces: the fields start after the last ")".
  const [state, ppid, pgrp] = text.slice(text.lastIndexOf(")") + 2).split(" ");
  return { pid, state: state ?? "?", ppid: Number(ppid), pgrp: Number(pgrp) };
}

async function allProcesses(): Promise<ProcStat[]> {
  const pids = (await fs.readdir("/proc")).filter((name) => /^\d+$/.test(name)).map(Number);
  const stats = await Promise.all(pids.map(readStat));
  return stats.filter((stat): stat is ProcStat => stat !== null);
}

/**
 * Whether a process of the group still runs. Zombies do not count: they hold no port, and one
 * whose parent was killed with it may never be reaped (PID 1 here is no init).
 */
export async function groupAlive(pgid: number): Promise<boolean> {
  return (await allProcesses()).some((stat) => stat.pgrp === pgid && stat.state !== "Z");
}

export async function waitGroupGone(pgid: number, timeoutMs = 15_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (await groupAlive(pgid)) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}

/** SIGKILL to every process of the group at once, as a crash would; resolves once all are gone. */
export async function killAppGroup(app: AppGroup): Promise<void> {
  process.kill(-app.pid, "SIGKILL");
  if (!(await waitGroupGone(app.pid, 10_000))) throw new Error(`process group ${app.pid} survived SIGKILL`);
}

/** SIGTERM (run-app stops Next.js), then SIGKILL for whatever is left after 15 s. */
export async function stopAppGroup(app: AppGroup): Promise<void> {
  if (!(await groupAlive(app.pid))) return;
  process.kill(-app.pid, "SIGTERM");
  if (await waitGroupGone(app.pid, 15_000)) return;
  process.kill(-app.pid, "SIGKILL");
  await waitGroupGone(app.pid, 10_000);
}

/** Every live process below pid, children before grandchildren. */
export async function descendants(pid: number): Promise<number[]> {
  const processes = (await allProcesses()).filter((stat) => stat.state !== "Z");
  const found: number[] = [];
  for (let parents = [pid]; parents.length > 0; ) {
    const children = processes.filter((stat) => parents.includes(stat.ppid)).map((stat) => stat.pid);
    found.push(...children);
    parents = children;
  }
  return found;
}

/**
 * The Next.js server below a launcher: the process started as next/dist/bin/next, which renames
 * itself "next-server (v…)" once it runs (that title replaces its command line in /proc).
 */
export async function findNextServer(launcherPid: number): Promise<number | null> {
  for (const pid of await descendants(launcherPid)) {
    const args = (await fs.readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "")).split("\0");
    if (args[0]?.startsWith("next-server") || args.some((arg) => arg.endsWith("next/dist/bin/next"))) return pid;
  }
  return null;
}

/** Resident set size (VmRSS) in KiB, or null when the process is gone. */
export async function rssKiB(pid: number): Promise<number | null> {
  const status = await fs.readFile(`/proc/${pid}/status`, "utf8").catch(() => null);
  const match = status?.match(/^VmRSS:\s+(\d+) kB$/m);
  return match ? Number(match[1]) : null;
}
