import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "lib/testing/server-only-stub.ts") };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
          // lib/env.ts wants a database URL; unit tests never connect, so one that cannot resolve
          env: { DATABASE_URL: "postgresql://unit-tests.invalid:5432/none" },
          // the OpenAPI document imports the route guard, which imports next-auth (see below)
          server: { deps: { inline: ["next-auth", "@auth/core"] } },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", "e2e/**"],
          environment: "node",
          globalSetup: ["lib/testing/global-setup.ts"],
          // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses;
          // processing it through Vite resolves it like Next does.
          server: { deps: { inline: ["next-auth", "@auth/core"] } },
          // one throw-away database shared by the files, so they run one at a time
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
