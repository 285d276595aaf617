// Starts this process's invalidation bus (from instrumentation.ts, once per app instance): Redis
// when REDIS_URL is set, else LISTEN/NOTIFY on the app's database.
import { getEnv } from "@/lib/env";
import { createInvalidationBus, type InvalidationBus } from "@/lib/cache/invalidation-bus";
import { applyInvalidation, clearAllCaches, setInvalidationBus } from "@/lib/cache/loading-cache";

let started: InvalidationBus | null = null;

export function startSharedInvalidation(): InvalidationBus {
  if (started) return started;
  const env = getEnv();
  started = createInvalidationBus({ redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL, onMessage: applyInvalidation, onMissed: clearAllCaches });
  setInvalidationBus(started);
  return started;
}
