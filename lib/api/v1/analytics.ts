// /api/v1/analytics: totals, a time series or a breakdown over a range, filtered by link, creator
// and campaign; JSON or CSV.
import "server-only";
import { z } from "zod";
import { defineOperation, json } from "@/lib/api/define";
import { lastDays } from "@/lib/date-range";
import { assertFilters, getDimension, getEntityBreakdown, getTimeSeries, getTotals, resolveRange, type ResolvedRange } from "@/lib/analytics/query";
import { analyticsQuerySchema, breakdownCursor, DIMENSION_GROUPS, MAX_BREAKDOWN_RANK, type AnalyticsQuery, type DimensionGroup } from "@/lib/analytics/query-schema";
import { effectivePlan, limitOf } from "@/lib/billing/plans";
import { csvResponse, toCsv } from "@/lib/csv";
import { preferredMediaType } from "@/lib/http/accept";
import { getDb } from "@/lib/db";
import { linkHostsForRequest } from "@/lib/links/request-hosts";
import { shortUrl } from "@/lib/urls/short-url";

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
const pageOfRows = {
  nextCursor: z.string().nullable().meta({ description: "pass as `cursor` for the next rows; null on the last page. Each page ranks the clicks as they are when it is asked" }),
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
        ...pageOfRows,
      })
      .meta({ id: "AnalyticsBreakdown" }),
    z
      .object({
        groupBy: z.literal("links"),
        ...frame,
        data: z.array(z.object({ linkId: z.string(), slug: z.string(), shortUrl: z.string(), creatorId: z.string().nullable(), campaignId: z.string().nullable(), ...counts })),
        ...pageOfRows,
      })
      .meta({ id: "AnalyticsByLink" }),
    z
      .object({ groupBy: z.literal("creators"), ...frame, data: z.array(z.object({ creatorId: z.string().nullable().meta({ description: "null: links without a creator" }), name: z.string().nullable(), ...counts })), ...pageOfRows })
      .meta({ id: "AnalyticsByCreator" }),
    z
      .object({ groupBy: z.literal("campaigns"), ...frame, data: z.array(z.object({ campaignId: z.string().nullable().meta({ description: "null: links outside campaigns" }), name: z.string().nullable(), ...counts })), ...pageOfRows })
      .meta({ id: "AnalyticsByCampaign" }),
  ])
  .meta({ id: "Analytics" });
type AnalyticsResponse = z.input<typeof analyticsResponseSchema>;

type Frame = Pick<AnalyticsResponse, "start" | "end" | "timezone" | "since" | "linkId" | "creatorId" | "campaignId">;

/**
 * A breakdown's page: the rows from rank `from` (the cursor), `limit` of them, and the cursor of
 * the next page when there are more. The ranking is read up to the page's end plus one row.
 */
async function paged<T>(query: AnalyticsQuery, read: (upTo: number) => Promise<T[]>): Promise<{ data: T[]; nextCursor: string | null }> {
  const from = query.cursor ?? 0;
  const rows = await read(Math.min(from + query.limit + 1, MAX_BREAKDOWN_RANK + 1));
  const data = rows.slice(from, from + query.limit);
  const next = from + query.limit;
  return { data, nextCursor: rows.length > next && next < MAX_BREAKDOWN_RANK ? breakdownCursor(next) : null };
}

async function answer(workspaceId: string, query: AnalyticsQuery, range: ResolvedRange, frame: Frame, hosts: ReturnType<typeof linkHostsForRequest>): Promise<AnalyticsResponse> {
  const filters = { linkId: query.linkId, creatorId: query.creatorId, campaignId: query.campaignId };
  const group = query.groupBy;
  if (group === "count") return { groupBy: group, ...frame, ...(await getTotals(workspaceId, range, filters)) };
  if (group === "timeseries") {
    const { granularity, points } = await getTimeSeries(workspaceId, range, filters, query.granularity);
    return { groupBy: group, ...frame, granularity, data: points };
  }
  if ((DIMENSION_GROUPS as readonly string[]).includes(group)) {
    return { groupBy: group as DimensionGroup, ...frame, ...(await paged(query, (upTo) => getDimension(workspaceId, range, filters, group as DimensionGroup, upTo))) };
  }
  const db = getDb();
  if (group === "links") {
    const { data: rows, nextCursor } = await paged(query, (upTo) => getEntityBreakdown(workspaceId, range, filters, "link", upTo));
    const links = await db.link.findMany({ where: { workspaceId, id: { in: rows.flatMap((r) => (r.id ? [r.id] : [])) } }, select: { id: true, slug: true, domain: true, creatorId: true, campaignId: true } });
    const byId = new Map(links.map((l) => [l.id, l]));
    return {
      groupBy: group,
      ...frame,
      data: rows.flatMap(({ id, ...totals }) => {
        const link = id ? byId.get(id) : undefined;
        return link ? [{ linkId: link.id, slug: link.slug, shortUrl: shortUrl(hosts, link), creatorId: link.creatorId, campaignId: link.campaignId, ...totals }] : [];
      }),
      nextCursor,
    };
  }
  const key = group === "creators" ? "creator" : "campaign";
  const { data: rows, nextCursor } = await paged(query, (upTo) => getEntityBreakdown(workspaceId, range, filters, key, upTo));
  const ids = rows.flatMap((r) => (r.id ? [r.id] : []));
  const names = new Map(
    (key === "creator"
      ? await db.creator.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, name: true } })
      : await db.campaign.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true, name: true } })
    ).map((r) => [r.id, r.name]),
  );
  const data = rows.map(({ id, ...totals }) => ({ id, name: id ? (names.get(id) ?? null) : null, ...totals }));
  return group === "creators"
    ? { groupBy: group, ...frame, data: data.map(({ id, ...rest }) => ({ creatorId: id, ...rest })), nextCursor }
    : { groupBy: "campaigns", ...frame, data: data.map(({ id, ...rest }) => ({ campaignId: id, ...rest })), nextCursor };
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
    "Breakdowns page: pass `nextCursor` back as `cursor` for the rows after. The same rows come as CSV with `Accept: text/csv` (or `format=csv`). Called as before (`?linkId=…` alone), it answers that link's totals over the history, as it always did.",
  tag: "Analytics",
  scope: "analytics:read",
  query: analyticsQuerySchema,
  errors: { 404: "A filter's link, creator or campaign is not in this workspace" },
  responses: {
    200: {
      description: "The numbers as JSON; as `text/csv` (the same rows) when the Accept header prefers it, or with format=csv — a CSV page of a breakdown names the next in a `Link: <…>; rel=\"next\"` header",
      schema: analyticsResponseSchema,
      alsoAs: ["text/csv"],
    },
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
    // format in the query decides; without it, the Accept header (JSON unless CSV is preferred)
    const asked = new URL(request.url).searchParams.has("format") ? query.format : preferredMediaType(request.headers.get("accept"), ["application/json", "text/csv"]) === "text/csv" ? "csv" : "json";
    const response =
      asked === "csv"
        ? csvResponse(analyticsCsv(result), `clickproof-${result.groupBy}-${frame.start.slice(0, 10)}-${frame.end.slice(0, 10)}.csv`)
        : json(analyticsResponseSchema, result);
    response.headers.set("Vary", "Accept");
    // a CSV has no room for the cursor: the next page's address goes in a Link header (RFC 8288)
    const nextCursor = "nextCursor" in result ? result.nextCursor : null;
    if (asked === "csv" && nextCursor) {
      const next = new URL(request.url);
      next.searchParams.set("cursor", nextCursor);
      response.headers.set("Link", `<${next.pathname}${next.search}>; rel="next"`);
    }
    return response;
  },
});

export const ANALYTICS_OPERATIONS = [analyticsOperation];
