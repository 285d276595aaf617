// The one Prisma client of the process, on the shared pg pool (lib/db/pool.ts).
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { getPool } from "@/lib/db/pool";

export { getPool };

function createPrisma() {
  return new PrismaClient({
    adapter: new PrismaPg(getPool()),
    // Secret columns never leave the database unless a query asks for them by name.
    omit: { user: { passwordHash: true }, apiKey: { hashedKey: true }, invitation: { tokenHash: true, proofHash: true }, creatorPage: { tokenHash: true } },
  });
}

export type Db = ReturnType<typeof createPrisma>;

const KEY = Symbol.for("clickproof.prisma");
const globals = globalThis as typeof globalThis & { [KEY]?: Db };

export function getDb(): Db {
  return (globals[KEY] ??= createPrisma());
}
