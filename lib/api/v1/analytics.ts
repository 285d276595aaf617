// /api/v1/analytics
import "server-only";
import { z } from "zod";
import { defineOperation, json } from "@/lib/api/define";
import { getLinkTotals, lastDays } from "@/lib/analytics/link-analytics";
import { linkAnalyticsQuerySchema } from "@/lib/analytics/schema";
import { effectivePlan, limitOf } from "@/lib/billing/plans";
import { notFound } from "@/lib/errors";
import { getLink } from "@/lib/links/queries";

const linkTotalsSchema = z
  .object({
    linkId: z.string(),
    since: z.string().meta({ format: "date-time", description: "the start of the plan's analytics history" }),
    clicks: z.number().int(),
    uniqueClicks: z.number().int(),
    filteredClicks: z.number().int().meta({ description: "bot and preview hits, counted apart" }),
  })
  .meta({ id: "LinkTotals" });

export const linkAnalyticsOperation = defineOperation({
  method: "get",
  path: "/analytics",
  operationId: "linkAnalytics",
  summary: "A link's click totals",
  description: "Clicks, unique clicks and filtered hits of one link over the plan's analytics history.",
  tag: "Analytics",
  scope: "analytics:read",
  query: linkAnalyticsQuerySchema,
  responses: { 200: { description: "The totals", schema: linkTotalsSchema } },
  errors: { 404: "No such link in this workspace" },
  handle: async ({ workspace, query }) => {
    const link = await getLink(workspace.id, query.linkId);
    if (!link) throw notFound("Link not found");
    const range = lastDays(limitOf(effectivePlan(workspace), "historyDays"));
    const totals = await getLinkTotals(workspace.id, link.id, range);
    return json(linkTotalsSchema, { linkId: link.id, since: range.start.toISOString(), ...totals });
  },
});

export const ANALYTICS_OPERATIONS = [linkAnalyticsOperation];
