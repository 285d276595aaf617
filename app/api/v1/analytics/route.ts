import { getLinkTotals, lastDays } from "@/lib/analytics/link-analytics";
import { linkAnalyticsQuerySchema } from "@/lib/analytics/schema";
import { withWorkspace } from "@/lib/api/with-workspace";
import { effectivePlan, limitOf } from "@/lib/billing/plans";
import { notFound } from "@/lib/errors";
import { getLink } from "@/lib/links/queries";
import { parseInput } from "@/lib/validation";

// GET /api/v1/analytics?linkId=<id> — { clicks, uniqueClicks, filteredClicks } for one link over
// the plan's analytics history (from `since`, also in the answer)
export const GET = withWorkspace("analytics:read", async ({ request, workspace }) => {
  const query = parseInput(linkAnalyticsQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  const link = await getLink(workspace.id, query.linkId);
  if (!link) throw notFound("Link not found");
  const range = lastDays(limitOf(effectivePlan(workspace), "historyDays"));
  const totals = await getLinkTotals(workspace.id, link.id, range);
  return Response.json({ linkId: link.id, since: range.start.toISOString(), ...totals });
});
