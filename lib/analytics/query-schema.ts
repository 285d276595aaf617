// GET /api/v1/analytics: what can be asked. Pure (no database), so unit tests reach every rule.
import { z } from "zod";

export const ANALYTICS_GROUPS = [
  "count",
  "timeseries",
  "countries",
  "devices",
  "browsers",
  "os",
  "referrers",
  "sources",
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "utm_term",
  "utm_content",
  "links",
  "creators",
  "campaigns",
] as const;
export type AnalyticsGroup = (typeof ANALYTICS_GROUPS)[number];
export const DIMENSION_GROUPS = ["countries", "devices", "browsers", "os", "referrers", "sources", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const;
export type DimensionGroup = (typeof DIMENSION_GROUPS)[number];
export const ENTITY_GROUPS = ["links", "creators", "campaigns"] as const;
export type EntityGroup = (typeof ENTITY_GROUPS)[number];

/** The named intervals, in hours; each ends at the end of the current hour. */
export const INTERVAL_HOURS = { "24h": 24, "7d": 7 * 24, "30d": 30 * 24, "90d": 90 * 24 } as const;
export type IntervalName = keyof typeof INTERVAL_HOURS;

/** Hourly buckets up to this many days; longer ranges are in days. */
export const MAX_HOURLY_DAYS = 31;

export type TimeParam = { kind: "date"; date: string } | { kind: "instant"; at: Date };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const timeParam = (name: string) =>
  z
    .string()
    .trim()
    .max(40)
    .transform((value, ctx): TimeParam => {
      const at = DAY.test(value) ? new Date(`${value}T00:00:00Z`) : z.iso.datetime({ offset: true }).safeParse(value).success ? new Date(value) : null;
      if (!at || Number.isNaN(at.getTime()) || (DAY.test(value) && at.toISOString().slice(0, 10) !== value)) {
        ctx.addIssue({ code: "custom", message: `${name} is a date like 2026-03-01 or a date-time like 2026-03-01T09:00:00+01:00` });
        return z.NEVER;
      }
      if (at.getUTCFullYear() < 2000 || at.getUTCFullYear() > 2999) {
        ctx.addIssue({ code: "custom", message: `${name} must be between the years 2000 and 2999` });
        return z.NEVER;
      }
      return DAY.test(value) ? { kind: "date", date: value } : { kind: "instant", at };
    });

const idFilter = (what: string) => z.string().trim().min(1, `${what} cannot be empty`).max(64, `${what} is at most 64 characters`).optional();

const knownZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

// An IANA name Node knows (POSIX strings such as "ABC5", whose sign reads backwards, are refused);
// the database, which buckets the clicks, checks it again when the range is resolved.
const timezoneSchema = z
  .string()
  .trim()
  .min(1, "timezone cannot be empty")
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_+\-/]*$/, "timezone is an IANA zone name such as Europe/Paris or America/New_York")
  .refine(knownZone, "Unknown time zone; use an IANA name such as Europe/Paris or America/New_York");

export const analyticsQuerySchema = z
  .object({
    groupBy: z
      .enum(ANALYTICS_GROUPS, { error: `groupBy is one of ${ANALYTICS_GROUPS.join(", ")}` })
      .default("count")
      .meta({ description: "what to count by; `count` (the default) answers totals" }),
    interval: z
      .enum(Object.keys(INTERVAL_HOURS) as [IntervalName, ...IntervalName[]], { error: "interval is one of 24h, 7d, 30d, 90d" })
      .optional()
      .meta({ description: "the last 24 hours, 7, 30 or 90 days up to the end of this hour; without it (and without start) the plan's whole history" }),
    start: timeParam("start").optional().meta({ description: "a date (midnight in `timezone`) or a date-time with its offset; instead of interval" }),
    end: timeParam("end")
      .optional()
      .meta({ description: "a date (that whole day is included) or a date-time (excluded); now when omitted" }),
    timezone: timezoneSchema.default("UTC").meta({ description: "IANA zone for dates and daily buckets, e.g. Europe/Paris (UTC by default)" }),
    granularity: z
      .enum(["hour", "day"], { error: "granularity is hour or day" })
      .optional()
      .meta({ description: `timeseries buckets; hours for ranges up to 48 hours, days beyond (hours allowed up to ${MAX_HOURLY_DAYS} days)` }),
    linkId: idFilter("linkId").meta({ description: "only this link's clicks" }),
    creatorId: idFilter("creatorId").meta({ description: "only the clicks of this creator's links" }),
    campaignId: idFilter("campaignId").meta({ description: "only the clicks of this campaign's links" }),
    limit: z.coerce
      .number({ error: "limit is a number from 1 to 1000" })
      .int("limit is a whole number")
      .min(1, "limit is at least 1")
      .max(1000, "limit is at most 1000")
      .default(100)
      .meta({ description: "rows for breakdowns (countries … campaigns), largest first; 1–1000, 100 by default" }),
    cursor: z
      .string()
      .max(40)
      .transform((value, ctx) => {
        // opaque to callers: the rank the next page starts at
        const match = /^r(\d{1,5})$/.exec(Buffer.from(value, "base64url").toString("utf8"));
        if (!match) {
          ctx.addIssue({ code: "custom", message: "cursor is not one this API returned" });
          return z.NEVER;
        }
        return Number(match[1]);
      })
      .optional()
      .meta({ description: "a breakdown's `nextCursor`, for the rows after the previous page's" }),
    format: z.enum(["json", "csv"], { error: "format is json or csv" }).default("json").meta({ description: "csv: the same rows as a spreadsheet (or send `Accept: text/csv`)" }),
  })
  .superRefine((query, ctx) => {
    if (query.interval && (query.start || query.end)) {
      ctx.addIssue({ code: "custom", path: ["interval"], message: "Give either interval or start/end, not both" });
    }
    if (query.end && !query.start) ctx.addIssue({ code: "custom", path: ["start"], message: "start is required with end" });
    if (query.granularity && query.groupBy !== "timeseries") {
      ctx.addIssue({ code: "custom", path: ["granularity"], message: "granularity applies to groupBy=timeseries" });
    }
    if (query.cursor !== undefined && (query.groupBy === "count" || query.groupBy === "timeseries")) {
      ctx.addIssue({ code: "custom", path: ["cursor"], message: "cursor pages a breakdown (countries … campaigns); totals and time series come whole" });
    }
  });
export type AnalyticsQuery = z.output<typeof analyticsQuerySchema>;

/** The cursor of a breakdown's page that starts at this rank. */
export const breakdownCursor = (rank: number): string => Buffer.from(`r${rank}`, "utf8").toString("base64url");

/**
 * The furthest a breakdown pages (each page reads the ranking up to its end): past it, the rows
 * are too small to matter one by one.
 */
export const MAX_BREAKDOWN_RANK = 10_000;

/** The granularity of a timeseries over `hours` hours, or a reason it cannot be. */
export function chooseGranularity(asked: "hour" | "day" | undefined, hours: number): { granularity: "hour" | "day" } | { error: string } {
  if (asked === "hour" && hours > MAX_HOURLY_DAYS * 24) return { error: `Hourly buckets cover at most ${MAX_HOURLY_DAYS} days; ask for days, or a shorter range` };
  return { granularity: asked ?? (hours <= 48 ? "hour" : "day") };
}

/**
 * Which rollups can answer exactly. Clicks come from the hourly rollup when the range is whole
 * UTC hours and, for daily buckets, every day boundary in the zone is a whole UTC hour. Unique
 * clicks (visitors per link per UTC day) come from the daily rollup when the range is whole UTC
 * days and the buckets, if any, are UTC days. Otherwise raw clicks answer.
 */
export function rollupPlan(range: { start: Date; end: Date }, bucket: "hour" | "day" | null, zone: { wholeHours: boolean; utc: boolean }) {
  const aligned = (ms: number) => range.start.getTime() % ms === 0 && range.end.getTime() % ms === 0;
  return {
    clicks: aligned(3_600_000) && (bucket !== "day" || zone.wholeHours),
    uniques: aligned(86_400_000) && (bucket === null || (bucket === "day" && zone.utc)),
  };
}
