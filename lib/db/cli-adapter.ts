// The driver adapter handed to the Prisma CLI (prisma.config.ts) so that `prisma migrate …` runs
// on Prisma 6's bundled Wasm schema engine, with no native engine download (none is reachable
// here). It works around three Prisma 6.19 bugs on that path, see ../shared/docs/stack-notes.md:
// - prisma/orm#27403: adapter-pg cannot read catalog column types (name, regclass, …) that the
//   schema engine's introspection queries return, so those fields are relabelled as text;
// - the shadow database of `migrate dev`: adapter-pg builds it from a connection string that
//   ignores the database name, and drops it while its pool is still open;
// - PostgreSQL 18 records NOT NULL as pg_constraint rows of type 'n', which Prisma 6's
//   introspection does not know and panics on ("unreachable"); it reads NOT NULL from
//   pg_attribute anyway, so those rows are dropped from its constraint queries;
// - adapter-pg runs a migration by splitting its text on every ";", even inside a quoted function
//   body, so a migration that creates a PL/pgSQL trigger function breaks. Scripts are sent whole,
//   as one simple-protocol query, which is how Prisma's native engine sends them (PostgreSQL runs
//   the statements in one implicit transaction: a failing migration leaves nothing half-done).
import { PrismaPg } from "@prisma/adapter-pg";
import type {
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import type { TypeId } from "pg-types";

const TEXT_OID = 25;
const TEXT_ARRAY_OID = 1009;
// char, name, int2vector, regproc, oidvector, pg_node_tree, aclitem, regclass, regtype
const CATALOG_SCALAR_OIDS = new Set([18, 19, 22, 24, 30, 194, 1033, 2205, 2206]);
// char[], name[]
const CATALOG_ARRAY_OIDS = new Set([1002, 1003]);
const parseTextArray: (value: string) => unknown = pg.types.getTypeParser(TEXT_ARRAY_OID as TypeId);

type ArrayRowsResult = { fields: pg.FieldDef[]; rows: unknown[][] };

function isArrayRowsResult(value: unknown): value is ArrayRowsResult {
  return (
    typeof value === "object" &&
    value !== null &&
    Array.isArray((value as { fields?: unknown }).fields) &&
    Array.isArray((value as { rows?: unknown }).rows)
  );
}

function relabelCatalogTypes(result: unknown): unknown {
  if (!isArrayRowsResult(result)) return result;
  const constraintType = result.fields.findIndex((field) => field.name === "constraint_type");
  if (constraintType >= 0) {
    result.rows = result.rows.filter((row) => row[constraintType] !== "n");
  }
  result.fields.forEach((field, index) => {
    if (CATALOG_SCALAR_OIDS.has(field.dataTypeID)) {
      field.dataTypeID = TEXT_OID;
    } else if (CATALOG_ARRAY_OIDS.has(field.dataTypeID)) {
      field.dataTypeID = TEXT_ARRAY_OID;
      for (const row of result.rows) {
        if (Array.isArray(row) && typeof row[index] === "string") {
          row[index] = parseTextArray(row[index]);
        }
      }
    }
  });
  return result;
}

const originalQuery = pg.Client.prototype.query;

class CatalogSafeClient extends pg.Client {}
// pg.Client#query has a dozen overloads; pg.Pool calls it with a callback, the adapter's own
// transactions with a promise. Both results are post-processed. Defined on the prototype so every
// overload keeps its original signature.
Object.defineProperty(CatalogSafeClient.prototype, "query", {
  value: function query(this: pg.Client, ...args: unknown[]): unknown {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (error: unknown, result: unknown) =>
        Reflect.apply(last, undefined, [error, error ? result : relabelCatalogTypes(result)]);
    }
    const result: unknown = Reflect.apply(originalQuery, this, args);
    if (result instanceof Promise) return result.then(relabelCatalogTypes);
    return result;
  },
});

function connectionConfig(databaseUrl: string): pg.ClientConfig {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
  };
}

/** Runs a migration script whole, on its own connection (see the last workaround above). */
async function executeWholeScript(config: pg.ClientConfig, script: string): Promise<void> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query(script);
  } finally {
    await client.end();
  }
}

function wrapAdapter(adapter: SqlDriverAdapter, config: pg.ClientConfig, afterDispose: () => Promise<void> = async () => {}): SqlDriverAdapter {
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: (query) => adapter.executeRaw(query),
    executeScript: (script) => executeWholeScript(config, script),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    getConnectionInfo: adapter.getConnectionInfo ? () => adapter.getConnectionInfo!() : undefined,
    dispose: async () => {
      await adapter.dispose();
      await afterDispose();
    },
  };
}

export function createCliAdapter(databaseUrl: string): SqlMigrationAwareDriverAdapterFactory {
  const config = connectionConfig(databaseUrl);
  // the CLI does not always dispose the adapter; idle connections must not keep it alive
  const poolConfig: pg.PoolConfig = { ...config, Client: CatalogSafeClient, allowExitOnIdle: true };
  const main = new PrismaPg(poolConfig);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: async () => wrapAdapter(await main.connect(), config),
    async connectToShadowDb() {
      const name = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
      const admin = new pg.Client(config);
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      const shadow = await new PrismaPg({ ...poolConfig, database: name }).connect();
      return wrapAdapter(shadow, { ...config, database: name }, async () => {
        const dropper = new pg.Client(config);
        await dropper.connect();
        try {
          await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        } finally {
          await dropper.end();
        }
      });
    },
  };
}
