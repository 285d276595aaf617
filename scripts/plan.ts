// `npm run plan -- <workspace> <free|single|team>`: sets a workspace's plan from the command line,
// for self-hosters without Stripe. Works on DATABASE_URL or the embedded database under DATA_DIR.
import pg from "pg";
import { setWorkspacePlan } from "../lib/billing/set-plan";
import { planChangeInvalidations } from "../lib/cache/cache-names";
import { publishInvalidations } from "../lib/cache/invalidation-bus";
import { prepareDatabase } from "./app-env";

const log = (line: string) => console.log(`[clickproof] ${line}`);

async function main(): Promise<void> {
  const [slug, plan] = process.argv.slice(2);
  if (!slug || !plan) throw new Error("usage: npm run plan -- <workspace address> <free|single|team>");
  const database = await prepareDatabase(log);
  const client = new pg.Client({ connectionString: database.url });
  try {
    await client.connect();
    const result = await setWorkspacePlan(client, slug, plan);
    log(`${result.name} (/w/${result.slug}): ${result.previous} → ${result.plan}`);
    // Running instances cache the workspace's links and domains, shaped by the plan: tell them, as
    // the Stripe webhook does, on the transport they listen to.
    try {
      await publishInvalidations(planChangeInvalidations(result.id), { redisUrl: process.env.REDIS_URL || undefined, databaseUrl: database.url });
      log("running instances told (their cached links and domains follow the new plan now)");
    } catch (error) {
      log(`running instances could not be told (${error instanceof Error ? error.message : String(error)}); they follow the new plan within LINK_CACHE_TTL_SECONDS`);
    }
    if (result.liveSubscription) {
      log(`note: Stripe subscription ${result.liveSubscription} is live; its next webhook event sets the plan from Stripe again`);
    }
  } finally {
    await client.end();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error("[clickproof]", error instanceof Error ? error.message : error);
  process.exit(1);
});
