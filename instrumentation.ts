// Runs once when a Next.js server process starts: background work that belongs to every app
// instance. Only on the Node.js runtime (these use the database pool, DNS and timers).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("@/lib/env");
  const env = getEnv(); // checked at boot, naming each variable to fix (lib/env.ts; scripts/run-app.ts exits before this)
  // before any request is read: methods Next cannot take, and (no proxy in front) a visitor's
  // address from the socket, never from a header the client wrote
  const { installFrontDoor } = await import("@/lib/api/front-door");
  installFrontDoor({ pinClientAddress: !env.TRUST_PROXY });
  const { startSharedInvalidation } = await import("@/lib/cache/start-invalidation");
  startSharedInvalidation(); // cache invalidations to and from the other instances
  const { startDomainRechecks } = await import("@/lib/domains/scheduler");
  startDomainRechecks();
  const { startVisitorDayPruning } = await import("@/lib/clicks/visitor-days");
  startVisitorDayPruning();
  const { startRetention } = await import("@/lib/clicks/retention");
  startRetention(); // raw clicks older than the plan's history become daily totals
  const { getRedirectRuntime } = await import("@/lib/redirect/serve-short-link");
  getRedirectRuntime(); // clicks a previous run left in the local spool are replayed now, not at the first redirect
}
