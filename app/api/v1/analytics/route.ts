import { z } from "zod";
import { getLinkTotals } from "@/lib/analytics/link-analytics";
import { withWorkspace } from "@/lib/api/with-workspace";
import { notFound } from "@/lib/errors";
import { getLink } from "@/lib/links/queries";
import { parseInput } from "@/lib/validation";

const analyticsQuerySchema = z.object({
  linkId: z.string({ error: "linkId is required" }).trim().min(1, "linkId is required"),
});

// GET /api/v1/analytics?linkId=<id> — { clicks, uniqueClicks, filteredClicks } for one link, all time
export const GET = withWorkspace("workspace.read", async ({ request, workspace }) => {
  const query = parseInput(analyticsQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  const link = await getLink(workspace.id, query.linkId);
  if (!link) throw notFound("Link not found");
  const totals = await getLinkTotals(workspace.id, link.id);
  return Response.json({ linkId: link.id, ...totals });
});
