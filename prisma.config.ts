// Prisma CLI configuration. Runs the CLI on Prisma 6's bundled Wasm schema engine through a
// pg driver adapter, so `prisma generate` and `prisma migrate …` never download native engines
// (the network here reaches only the npm registry). See ../shared/docs/stack-notes.md.
import path from "node:path";
import { defineConfig } from "prisma/config";
import { createCliAdapter } from "./lib/db/cli-adapter";

// Any existing file stops Prisma from trying to download engines it will not use.
const engineStub = path.resolve(import.meta.dirname, "package.json");
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= engineStub;
process.env.PRISMA_QUERY_ENGINE_LIBRARY ??= engineStub;

// The Wasm engine leaves a 60 s timer pending, so every CLI command would hang a minute after
// it finished. Long timers in the CLI process must not keep it alive.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = Object.assign(
  (...args: Parameters<typeof originalSetTimeout>) => {
    const timer = originalSetTimeout(...args);
    if ((args[1] ?? 0) >= 10_000) timer.unref();
    return timer;
  },
  originalSetTimeout,
);

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) {
      throw new Error(
        "DATABASE_URL is not set. Use `npm run db:migrate`, which starts the embedded database when no DATABASE_URL is given.",
      );
    }
    return createCliAdapter(url);
  },
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
});
