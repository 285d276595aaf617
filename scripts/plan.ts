// `npm run plan -- <workspace> <free|single|team>`: sets a workspace's plan from the command line,
// for self-hosters without Stripe. Works on DATABASE_URL or the embedded database under DATA_DIR.
import pg from "pg";
import { setWorkspacePlan } from "../lib/billing/set-plan";
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
