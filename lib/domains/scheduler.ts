// Re-checks branded domains' DNS in the background of each app process (started from
// instrumentation.ts). Several instances may run it: a check is idempotent, and each domain is
// checked under its own lock, so doubling up costs a DNS query, not a wrong state.
import { getResolver } from "@/lib/domains/dns";
import { recheckDueDomains } from "@/lib/domains/domains";

const EVERY_MS = 5 * 60_000;
const KEY = Symbol.for("clickproof.domainScheduler");
const globals = globalThis as typeof globalThis & { [KEY]?: NodeJS.Timeout };

export function startDomainRechecks(): void {
  if (globals[KEY]) return;
  const run = async () => {
    try {
      const checked = await recheckDueDomains(getResolver());
      if (checked > 0) console.log(`[domains] re-checked ${checked} domain${checked === 1 ? "" : "s"}`);
    } catch (error) {
      console.error(`[domains] scheduled re-check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  globals[KEY] = setInterval(run, EVERY_MS);
  globals[KEY].unref(); // never keeps a process alive on its own
}
