// /api/v1/analytics: totals, a time series or a breakdown over a range, filtered by link, creator
// and campaign; JSON or CSV.
import "server-only";
import { z } from "zod";
import { defineOperation, json } from "@/lib/api/define";
import { lastDays } from "@/lib/analytics/link-analytics";
import { assertFilters, getDimension, getEntityBreakdown, getTimeSeries, getTotals, resolveRange, type ResolvedRange } from "@/lib/analytics/query";
import { analyticsQuerySchema, DIMENSION_GROUPS, type AnalyticsQuery, type DimensionGroup } from "@/lib/analytics/query-schema";
import { effectivePlan, limitOf } from "@/lib/billing/plans";
import { csvResponse, toCsv } from "@/lib/csv";
import { getDb } from "@/lib/db";
import { linkHostsForRequest } from "@/lib/links/request-hosts";
import { shortUrl } from "@/lib/links/short-url";

const isoTime = z.string().meta({ format: "date-time" });
const counts = {
  clicks: z.number().int().meta({ description: "human clicks" }),
  uniqueClicks: z.number().int().meta({ description: "distinct visitors per link per UTC day" }),
  filteredClicks: z.number().int().meta({ description: "bot and preview hits, counted apart" }),
};
const frame = {
  start: isoTime.meta({ description: "the range's first instant (no earlier than `since`)" }),
  end: isoTime.meta({ description: "the range's end (excluded)" }),
  timezone: z.string(),
  since: isoTime.meta({ description: "the start of the plan's analytics history" }),
  linkId: z.string().nullable().meta({ description: "the link filter, if any" }),
  creatorId: z.string().nullable(),
  campaignId: z.string().nullable(),
};

const analyticsResponseSchema = z
  .discriminatedUnion("groupBy", [
    z.object({ groupBy: z.literal("count"), ...frame, ...counts }).meta({ id: "AnalyticsCount" }),
    z
      .object({
        groupBy: z.literal("timeseries"),
        ...frame,
        granularity: z.enum(["hour", "day"]),
        data: z.array(z.object({ start: isoTime, label: z.string().meta({ description: "the bucket in `timezone`: 2026-03-01, or 2026-03-01 14:00" }), ...counts })),
      })
      .meta({ id: "AnalyticsTimeSeries" }),
    z
      .object({
        groupBy: z.enum(DIMENSION_GROUPS),
        ...frame,
        data: z.array(z.object({ value: z.string().nullable().meta({ description: "country code, device, browser, OS, referrer host, source (link or qr) or the UTM tag's value on the link's destination; null when unknown (direct, or no such tag)" }), ...counts })),
      })
      .meta({ id: "AnalyticsBreakdown" }),
    z
      .object({
        groupBy: z.literal("links"),
        ...frame,
        data: z.array(z.object({ linkId: z.string(), slug: z.string(), shortUrl: z.string(), creatorId: z.string().nullable(), campaignId: z.string().nullable(), ...counts })),
      })
      .meta({ id: "AnalyticsByLink" }),
    z
      .object({ groupBy: z.literal("creators"), ...frame, data: z.array(z.object({ creatorId: z.string().nullable().meta({ description: "null: links without a creator" }), name: z.string().nullable(), ...counts })) })
      .meta({ id: "AnalyticsByCreator" }),
    z
      .object({ groupBy: z.literal("campaigns"), ...frame, data: z.array(z.object({ campaignId: z.string().nullable().meta({ description: "null: links outside campaigns" }), name: z.string().nullable(), ...counts })) })
      .meta({ id: "AnalyticsByCampaign" }),
  ])
  .meta({ id: "Analytics" });
type AnalyticsResponse = z.input<typeof analyticsResponseSchema>;

type Frame = Pick<AnalyticsResponse, "start" | "end" | "timezone" | "since" | "linkId" | "creatorId" | "campaignId">;

async function answer(workspaceId: string, query: AnalyticsQuery, range: ResolvedRange, frame: Frame, hosts: ReturnType<typeof linkHostsForRequest>): Promise<AnalyticsResponse> {
  const filters = { linkId: query.linkId, creatorId: query.creatorId, campaignId: query.campaignId };
  const group = query.groupBy;
  if (group === "count") return { groupBy: group, ...frame, ...(await getTotals(workspaceId, range, filters)) };
  if (group === "timeseries") {
    const { granularity, points } = await getTimeSeries(workspaceId, range, filters, query.granularity);
    return { groupBy: group, ...frame, granularity, data: points };
  }
  if ((DIMENSION_GROUPS as readonly string[]).includes(group)) {
    return { groupBy: group as DimensionGroup, ...frame, data: await getDimension(workspaceId, range, filters, group as DimensionGroup, query.limit) };
  }
  const db = getDb();
  if (group === "links") {
    const rows = await getEntityBreakdown(workspaceId, range, filters, "link", query.limit);
    const links = await db.link.findMany({ where: { workspaceId, id: { in: rows.flatMap((r) => (r.id ? [r.id] : [])) } }, select: { id: true, slug: true, domain: true, creatorId: true, campaignId: true } });
    const byId = new Map(links.map((l) => [l.id, l]));
    return {
      groupBy: group,
      ...frame,
      data: rows.flatMap(({ id, ...totals }) => {
        const link = id ? byId.get(id) : undefined;
        return link ? [{ linkId: link.id, slug: link.slug, shortUrl: shortUrl(hosts, link), creatorId: link.creatorId, campaignId: link.campaignId, ...totals }] : [];
      }),
    };
  }
  const key = group === "creators" ? "creator" : "campaign";
  const rows = await getEntityBreakdown(workspaceId, range, filters, key, query.limit);
  const ids = rows.flatMap((r) => (r.id ? [r.id] : []));
  const names = new Map(
    (key === "creator"
      ? await db.creator.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, name: true } })
      : await db.campaign.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, name: true } })
    ).map((r) => [r.id, r.name]),
  );
  const data = rows.map(({ id, ...totals }) => ({ id, name: id ? (names.get(id) ?? null) : null, ...totals }));
  return group === "creators"
    ? { groupBy: group, ...frame, data: data.map(({ id, ...rest }) => ({ creatorId: id, ...rest })) }
    : { groupBy: "campaigns", ...frame, data: data.map(({ id, ...rest }) => ({ campaignId: id, ...rest })) };
}

const COUNT_COLUMNS = [
  { header: "clicks", value: (r: { clicks: number }) => r.clicks },
  { header: "unique_clicks", value: (r: { uniqueClicks: number }) => r.uniqueClicks },
  { header: "filtered_clicks", value: (r: { filteredClicks: number }) => r.filteredClicks },
];

/** The same rows as a spreadsheet: one row per bucket or group, the counts last. */
function analyticsCsv(result: AnalyticsResponse): string {
  switch (result.groupBy) {
    case "count":
      return toCsv([result], [{ header: "start", value: (r) => r.start }, { header: "end", value: (r) => r.end }, { header: "timezone", value: (r) => r.timezone }, ...COUNT_COLUMNS]);
    case "timeseries":
      return toCsv(result.data, [{ header: result.granularity === "hour" ? "hour" : "day", value: (r) => r.label }, { header: "start", value: (r) => r.start }, ...COUNT_COLUMNS]);
    case "links":
      return toCsv(result.data, [{ header: "link_id", value: (r) => r.linkId }, { header: "slug", value: (r) => r.slug }, { header: "short_url", value: (r) => r.shortUrl }, ...COUNT_COLUMNS]);
    case "creators":
      return toCsv(result.data, [{ header: "creator_id", value: (r) => r.creatorId ?? "" }, { header: "creator", value: (r) => r.name ?? "(no creator)" }, ...COUNT_COLUMNS]);
    case "campaigns":
      return toCsv(result.data, [{ header: "campaign_id", value: (r) => r.campaignId ?? "" }, { header: "campaign", value: (r) => r.name ?? "(no campaign)" }, ...COUNT_COLUMNS]);
    default:
      return toCsv(result.data, [{ header: result.groupBy, value: (r) => r.value ?? "(unknown)" }, ...COUNT_COLUMNS]);
  }
}

export const analyticsOperation = defineOperation({
  method: "get",
  path: "/analytics",
  operationId: "linkAnalytics",
  summary: "Clicks: totals, a time series or a breakdown",
  description:
    "Over `interval` (24h, 7d, 30d, 90d) or `start`/`end` in `timezone`, or by default the plan's whole analytics history; never before the plan's history " +
    "(`since`). Filter by `linkId`, `creatorId` and `campaignId` (together they narrow). `groupBy`: `count` (totals), `timeseries` (hourly or daily buckets, " +
    "empty ones as zeros), `countries`, `devices`, `browsers`, `os`, `referrers`, `links`, `creators`, `campaigns` (largest first, up to `limit`). " +
    "`format=csv` answers the same rows as CSV. Called as before (`?linkId=…` alone), it answers that link's totals over the history, as it always did.",
  tag: "Analytics",
  scope: "analytics:read",
  query: analyticsQuerySchema,
  errors: { 404: "A filter's link, creator or campaign is not in this workspace" },
  responses: {
    200: { description: "The numbers (the same rows as `text/csv` with format=csv)", schema: analyticsResponseSchema, alsoAs: ["text/csv"] },
  },
  handle: async ({ request, workspace, query }) => {
    const history = lastDays(limitOf(effectivePlan(workspace), "historyDays"));
    await assertFilters(workspace.id, query);
    const range = await resolveRange(query, history.start, history.end);
    const frame: Frame = {
      start: range.start.toISOString(),
      end: range.end.toISOString(),
      timezone: range.timezone,
      since: history.start.toISOString(),
      linkId: query.linkId ?? null,
      creatorId: query.creatorId ?? null,
      campaignId: query.campaignId ?? null,
    };
    const result = await answer(workspace.id, query, range, frame, linkHostsForRequest(request));
    if (query.format === "csv") return csvResponse(analyticsCsv(result), `clickproof-${result.groupBy}-${frame.start.slice(0, 10)}-${frame.end.slice(0, 10)}.csv`);
    return json(analyticsResponseSchema, result);
  },
});

export const ANALYTICS_OPERATIONS = [analyticsOperation];
