// The self-hoster's way to set a plan without Stripe (`npm run plan -- <workspace> <plan>`).
// Plain SQL on a pg client, so the CLI runs outside Next.js.
import type { ClientBase, Pool } from "pg";
import { isPlanId, PLAN_IDS, type PlanId } from "@/lib/billing/plans";

export type SetPlanResult = { id: string; name: string; slug: string; previous: PlanId; plan: PlanId; liveSubscription: string | null };

export async function setWorkspacePlan(db: ClientBase | Pool, workspaceSlug: string, plan: string): Promise<SetPlanResult> {
  if (!isPlanId(plan)) throw new Error(`Unknown plan "${plan}": choose one of ${PLAN_IDS.join(", ")}`);
  const { rows } = await db.query<{ id: string; name: string; slug: string; previous: PlanId; stripeSubscriptionId: string | null; billingStatus: string | null }>(
    `UPDATE "Workspace" w
        SET "plan" = $2::"Plan", "pastDueSince" = NULL, "updatedAt" = now()
       FROM (SELECT "id", "plan" AS previous FROM "Workspace" WHERE "slug" = $1 FOR UPDATE) old
      WHERE w."id" = old."id"
  RETURNING w."id", w."name", w."slug", old.previous, w."stripeSubscriptionId", w."billingStatus"`,
    [workspaceSlug, plan],
  );
  const row = rows[0];
  if (!row) throw new Error(`No workspace with the address "${workspaceSlug}"`);
  const live = row.stripeSubscriptionId && row.billingStatus && row.billingStatus !== "canceled" ? row.stripeSubscriptionId : null;
  return { id: row.id, name: row.name, slug: row.slug, previous: row.previous, plan, liveSubscription: live };
}
