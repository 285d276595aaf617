// Usage over the billing period: links created and clicks tracked, against the plan's limits.
// Clicks are read from the hourly rollups (lib/clicks/writer.ts keeps them in the click's own
// transaction), so the meter is exact to the hour and cheap at any volume.
import "server-only";
import { effectivePlan, LIMITS, limitOf, usagePeriod, USAGE_WARNING_SHARE, type WorkspaceBilling } from "@/lib/billing/plans";
import { getDb } from "@/lib/db";

export type UsageMeter = {
  limit: "linksPerMonth" | "clicksPerMonth";
  label: string;
  used: number;
  allowed: number;
  /** used ÷ allowed, may exceed 1 (clicks are never refused) */
  share: number;
  warning: boolean;
  over: boolean;
};

export type Usage = { period: { start: Date; end: Date }; meters: UsageMeter[] };

function meter(limit: UsageMeter["limit"], used: number, allowed: number): UsageMeter {
  const share = allowed > 0 ? used / allowed : 1;
  return { limit, label: LIMITS[limit], used, allowed, share, warning: share >= USAGE_WARNING_SHARE, over: used >= allowed };
}

export async function getUsage(workspaceId: string, state: WorkspaceBilling, now: Date = new Date()): Promise<Usage> {
  const period = usagePeriod(state, now);
  const plan = effectivePlan(state, now);
  const db = getDb();
  const [links, clicks] = await Promise.all([
    db.link.count({ where: { workspaceId, createdAt: { gte: period.start } } }),
    db.linkHourlyStat.aggregate({
      where: { workspaceId, hour: { gte: period.start, lt: period.end } },
      _sum: { clicks: true, filtered: true },
    }),
  ]);
  const tracked = (clicks._sum.clicks ?? 0) + (clicks._sum.filtered ?? 0);
  return {
    period,
    meters: [meter("linksPerMonth", links, limitOf(plan, "linksPerMonth")), meter("clicksPerMonth", tracked, limitOf(plan, "clicksPerMonth"))],
  };
}
