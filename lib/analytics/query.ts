// The analytics the API answers: totals, a time series, or a breakdown, over a range in a time
// zone, filtered by link, creator and campaign. Rollups answer where they answer exactly
// (rollupPlan); raw clicks otherwise, and always for the dimensions (country, device …), which
// have no rollup. Clicks are human clicks; bot and preview hits are counted apart as filtered;
// unique clicks are distinct visitors per link per UTC day (the visitor hash's salt is daily).
import "server-only";
import { getDb, getPool } from "@/lib/db";
import { isUtmKey, UTM_KEYS, utmTagOf, type UtmKey } from "@/lib/links/utm";
import { invalidField, notFound } from "@/lib/errors";
import {
  chooseGranularity,
  INTERVAL_HOURS,
  rollupPlan,
  type AnalyticsQuery,
  type DimensionGroup,
  type TimeParam,
} from "@/lib/analytics/query-schema";

export type Totals = { clicks: number; uniqueClicks: number; filteredClicks: number };
export type ResolvedRange = { start: Date; end: Date; timezone: string; since: Date; wholeHourZone: boolean; utcZone: boolean };

type Filters = { linkId?: string; creatorId?: string; campaignId?: string };

const HOUR = 3_600_000;

/** SQL for a range end in the zone: a date's midnight (or the next day's, for an inclusive end), or an instant. */
function boundarySql(param: TimeParam, placeholder: string, inclusiveDay: boolean): { sql: string; value: string } {
  if (param.kind === "instant") return { sql: `${placeholder}::timestamptz`, value: param.at.toISOString() };
  return { sql: `((${placeholder}::date${inclusiveDay ? " + 1" : ""})::timestamp AT TIME ZONE $1)`, value: param.date };
}

/**
 * The range asked for, as instants: the named interval up to the end of this hour; start/end in
 * the zone; or the plan's whole history. It starts no earlier than the plan's history (`since`).
 * Also reports whether the zone's offset is whole hours (and zero) throughout, for rollupPlan.
 */
export async function resolveRange(query: AnalyticsQuery, since: Date, historyEnd: Date, now: Date = new Date()): Promise<ResolvedRange> {
  let startSql = "$2::timestamptz";
  let endSql = "$3::timestamptz";
  const values: string[] = [query.timezone];
  if (query.interval) {
    const end = new Date(Math.ceil((now.getTime() + 1) / HOUR) * HOUR);
    values.push(new Date(end.getTime() - INTERVAL_HOURS[query.interval] * HOUR).toISOString(), end.toISOString());
  } else if (query.start) {
    const start = boundarySql(query.start, "$2", false);
    const end = query.end ? boundarySql(query.end, "$3", true) : { sql: "$3::timestamptz", value: now.toISOString() };
    startSql = start.sql;
    endSql = end.sql;
    values.push(start.value, end.value);
  } else {
    values.push(since.toISOString(), historyEnd.toISOString());
  }
  values.push(since.toISOString(), historyEnd.toISOString());
  // Asked (s0, e0), then within the plan's history (s, e): nothing before `since`, nothing after
  // the history's end (tomorrow), so a far-off end cannot ask for centuries of empty buckets.
  type Resolved = { asked_start: Date; asked_end: Date; start: Date; end: Date; whole_hours: boolean; utc: boolean };
  let row: Resolved | undefined;
  try {
    const result = await getPool().query<Resolved>(
      `WITH a AS (SELECT ${startSql} AS s0, ${endSql} AS e0),
            r AS (SELECT s0, e0, greatest(s0, $4::timestamptz) AS s, least(e0, $5::timestamptz) AS e FROM a),
            o AS (SELECT extract(epoch FROM (t AT TIME ZONE $1) - (t AT TIME ZONE 'UTC')) AS off
                    FROM r, LATERAL (SELECT generate_series(r.s, r.e, interval '1 day') UNION ALL SELECT r.e) g(t)
                   WHERE r.s < r.e)
       SELECT r.s0 AS asked_start, r.e0 AS asked_end, r.s AS "start", r.e AS "end",
              coalesce((SELECT bool_and(off::bigint % 3600 = 0) FROM o), true) AS whole_hours,
              coalesce((SELECT bool_and(off = 0) FROM o), true) AS utc
         FROM r`,
      values,
    );
    row = result.rows[0];
  } catch (error) {
    if ((error as { code?: string }).code === "22023" && /time zone/i.test((error as Error).message)) {
      throw invalidField("timezone", `Unknown time zone "${query.timezone}"; use an IANA name such as Europe/Paris`);
    }
    throw error;
  }
  if (!row) throw new Error("range did not resolve");
  if (row.asked_end <= row.asked_start) throw invalidField(query.end ? "end" : "start", "end must be after start");
  if (row.end <= row.start) {
    throw invalidField("start", `This range is outside the plan's analytics history (${since.toISOString()} to ${historyEnd.toISOString()})`);
  }
  return { start: row.start, end: row.end, timezone: query.timezone, since, wholeHourZone: row.whole_hours, utcZone: row.utc };
}

/** The filters' ids must be this workspace's (another workspace's ids are not found). */
export async function assertFilters(workspaceId: string, filters: Filters): Promise<void> {
  const db = getDb();
  const [link, creator, campaign] = await Promise.all([
    filters.linkId ? db.link.findFirst({ where: { id: filters.linkId, workspaceId }, select: { id: true } }) : true,
    filters.creatorId ? db.creator.findFirst({ where: { id: filters.creatorId, workspaceId }, select: { id: true } }) : true,
    filters.campaignId ? db.campaign.findFirst({ where: { id: filters.campaignId, workspaceId }, select: { id: true } }) : true,
  ]);
  if (!link) throw notFound("Link not found");
  if (!creator) throw notFound("Creator not found");
  if (!campaign) throw notFound("Campaign not found");
}

/** Parameters $1..$3 are workspace, start and end; the zone and filters follow when used. */
class Sql {
  values: unknown[];
  private zonePlaceholder: string | null = null;
  constructor(
    workspaceId: string,
    private readonly range: ResolvedRange,
  ) {
    this.values = [workspaceId, range.start, range.end];
  }
  param(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  zone(): string {
    this.zonePlaceholder ??= this.param(this.range.timezone);
    return this.zonePlaceholder;
  }
}

/**
 * The link-level conditions (alias l), and the filters pushed into the fact source: a link, or the
 * links of a creator / campaign, so the rollups are read through their (linkId, …) keys for
 * those links only instead of every row of the workspace in the range.
 */
function filterSql(sql: Sql, filters: Filters) {
  const creator = filters.creatorId ? sql.param(filters.creatorId) : null;
  const campaign = filters.campaignId ? sql.param(filters.campaignId) : null;
  const owned = [creator ? ` AND "creatorId" = ${creator}` : "", campaign ? ` AND "campaignId" = ${campaign}` : ""].join("");
  const link = [
    filters.linkId ? ` AND "linkId" = ${sql.param(filters.linkId)}` : "",
    owned ? ` AND "linkId" IN (SELECT "id" FROM "Link" WHERE "workspaceId" = $1${owned})` : "",
  ].join("");
  const onLink = [creator ? ` AND l."creatorId" = ${creator}` : "", campaign ? ` AND l."campaignId" = ${campaign}` : ""].join("");
  return { link, onLink };
}

type Key = "all" | "hour" | "day" | "link" | "creator" | "campaign" | "creator_day";

function keySql(key: Key, sql: Sql): string {
  switch (key) {
    case "all":
      return `''`;
    case "hour":
      return `to_char(date_trunc('hour', x.at, 'UTC') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:00:00"Z"')`;
    case "day":
      return `to_char((x.at AT TIME ZONE ${sql.zone()})::date, 'YYYY-MM-DD')`;
    case "link":
      return `x."linkId"`;
    case "creator":
      return `coalesce(l."creatorId", '')`;
    case "campaign":
      return `coalesce(l."campaignId", '')`;
    case "creator_day":
      return `coalesce(l."creatorId", '') || '|' || ${keySql("day", sql)}`;
  }
}

type Row = { key: string; clicks: number; filtered: number; scans: number };

/** Clicks, filtered hits and QR scans (among the clicks) by key, largest first (up to `limit` keys when given). */
async function clicksBy(workspaceId: string, range: ResolvedRange, filters: Filters, key: Key, fromRollup: boolean, limit?: number): Promise<Row[]> {
  const sql = new Sql(workspaceId, range);
  const { link, onLink } = filterSql(sql, filters);
  const source = fromRollup
    ? `SELECT "linkId", "hour" AS at, "clicks", "filtered", "scans" FROM "LinkHourlyStat" WHERE "workspaceId" = $1 AND "hour" >= $2 AND "hour" < $3${link}`
    : `SELECT "linkId", "createdAt" AS at, (NOT "isBot")::int AS "clicks", "isBot"::int AS "filtered", (NOT "isBot" AND "source" = 'qr')::int AS "scans"
         FROM "Click" WHERE "workspaceId" = $1 AND "createdAt" >= $2 AND "createdAt" < $3${link}`;
  const keyExpr = keySql(key, sql);
  // ties: the "no creator / no campaign" group ('') after the named ones
  const { rows } = await getPool().query<{ key: string; clicks: string; filtered: string; scans: string }>(
    `SELECT ${keyExpr} AS key, sum(x."clicks")::int8 AS clicks, sum(x."filtered")::int8 AS filtered, sum(x."scans")::int8 AS scans
       FROM (${source}) x JOIN "Link" l ON l.id = x."linkId" AND l."workspaceId" = $1${onLink}
      GROUP BY 1
      ORDER BY 2 DESC, 3 DESC, (${keyExpr}) = '', 1${limit ? ` LIMIT ${sql.param(limit)}` : ""}`,
    sql.values,
  );
  return rows.map((r) => ({ key: r.key, clicks: Number(r.clicks), filtered: Number(r.filtered), scans: Number(r.scans) }));
}

/** Unique clicks by key; only the given keys when `keys` is set. */
async function uniquesBy(workspaceId: string, range: ResolvedRange, filters: Filters, key: Key, fromRollup: boolean, keys?: string[]): Promise<Map<string, number>> {
  const sql = new Sql(workspaceId, range);
  const { link, onLink } = filterSql(sql, filters);
  const keyExpr = keySql(key, sql);
  const only = keys ? ` AND ${keyExpr} = ANY(${sql.param(keys)}::text[])` : "";
  const query = fromRollup
    ? `SELECT ${keyExpr} AS key, sum(x."uniqueClicks")::int8 AS n
         FROM (SELECT "linkId", ("day"::timestamp AT TIME ZONE 'UTC') AS at, "uniqueClicks" FROM "LinkDailyStat"
                WHERE "workspaceId" = $1 AND "day" >= ($2::timestamptz AT TIME ZONE 'UTC')::date AND "day" < ($3::timestamptz AT TIME ZONE 'UTC')::date${link}) x
         JOIN "Link" l ON l.id = x."linkId" AND l."workspaceId" = $1${onLink}
        WHERE true${only} GROUP BY 1`
    : `SELECT ${keyExpr} AS key, count(DISTINCT (x."linkId", x."visitorHash", (x.at AT TIME ZONE 'UTC')::date))::int8 AS n
         FROM (SELECT "linkId", "createdAt" AS at, "visitorHash" FROM "Click"
                WHERE "workspaceId" = $1 AND "createdAt" >= $2 AND "createdAt" < $3 AND NOT "isBot"${link}) x
         JOIN "Link" l ON l.id = x."linkId" AND l."workspaceId" = $1${onLink}
        WHERE true${only} GROUP BY 1`;
  const { rows } = await getPool().query<{ key: string; n: string }>(query, sql.values);
  return new Map(rows.map((r) => [r.key, Number(r.n)]));
}

export async function getTotals(workspaceId: string, range: ResolvedRange, filters: Filters): Promise<Totals> {
  const plan = rollupPlan(range, null, { wholeHours: range.wholeHourZone, utc: range.utcZone });
  const [rows, uniques] = await Promise.all([
    clicksBy(workspaceId, range, filters, "all", plan.clicks),
    uniquesBy(workspaceId, range, filters, "all", plan.uniques),
  ]);
  return { clicks: rows[0]?.clicks ?? 0, uniqueClicks: uniques.get("") ?? 0, filteredClicks: rows[0]?.filtered ?? 0 };
}

export type SeriesPoint = Totals & { start: string; label: string };

/** One point per bucket of the range, empty buckets as zeros: UTC hours, or days in the zone. */
export async function getTimeSeries(workspaceId: string, range: ResolvedRange, filters: Filters, asked: "hour" | "day" | undefined) {
  const chosen = chooseGranularity(asked, (range.end.getTime() - range.start.getTime()) / HOUR);
  if ("error" in chosen) throw invalidField("granularity", chosen.error);
  const { granularity } = chosen;
  const plan = rollupPlan(range, granularity, { wholeHours: range.wholeHourZone, utc: range.utcZone });
  const [rows, uniques, buckets] = await Promise.all([
    clicksBy(workspaceId, range, filters, granularity, plan.clicks),
    uniquesBy(workspaceId, range, filters, granularity, plan.uniques),
    getPool().query<{ key: string; start: Date; label: string }>(
      granularity === "hour"
        ? `SELECT to_char(h AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:00:00"Z"') AS key, h AS start, to_char(h AT TIME ZONE $3, 'YYYY-MM-DD HH24:MI') AS label
             FROM generate_series(date_trunc('hour', $1::timestamptz, 'UTC'), $2::timestamptz - interval '1 millisecond', interval '1 hour') h`
        : `SELECT to_char(d, 'YYYY-MM-DD') AS key, (d::timestamp AT TIME ZONE $3) AS start, to_char(d, 'YYYY-MM-DD') AS label
             FROM generate_series(($1::timestamptz AT TIME ZONE $3)::date, (($2::timestamptz - interval '1 millisecond') AT TIME ZONE $3)::date, interval '1 day') d`,
      [range.start, range.end, range.timezone],
    ),
  ]);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const points: SeriesPoint[] = buckets.rows.map((b) => ({
    start: b.start.toISOString(),
    label: b.label,
    clicks: byKey.get(b.key)?.clicks ?? 0,
    uniqueClicks: uniques.get(b.key) ?? 0,
    filteredClicks: byKey.get(b.key)?.filtered ?? 0,
  }));
  return { granularity, points };
}

/** The breakdowns raw clicks answer (alias c); lib/clicks/retention.ts archives the same expressions. */
export const DIMENSION_SQL: Record<Exclude<DimensionGroup, UtmKey>, string> = {
  countries: `c."country"`,
  devices: `c."device"::text`,
  browsers: `c."browser"`,
  os: `c."os"`,
  referrers: `c."referrer"`,
  sources: `c."source"::text`,
};

export type DimensionRow = Totals & { value: string | null };

const byClicks = (a: DimensionRow, b: DimensionRow) =>
  b.clicks - a.clicks || b.filteredClicks - a.filteredClicks || (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || (a.value ?? "").localeCompare(b.value ?? "");

type LinkTotals = { rows: Row[]; uniques: Map<string, number>; urls: Map<string, string> };

/** Per link: clicks, filtered hits, QR scans (from the rollups where the range allows), unique clicks, destination. */
async function perLink(workspaceId: string, range: ResolvedRange, filters: Filters): Promise<LinkTotals> {
  const plan = rollupPlan(range, null, { wholeHours: range.wholeHourZone, utc: range.utcZone });
  const [rows, uniques] = await Promise.all([
    clicksBy(workspaceId, range, filters, "link", plan.clicks),
    uniquesBy(workspaceId, range, filters, "link", plan.uniques),
  ]);
  // one array parameter, however many links (a workspace-wide breakdown may have tens of thousands)
  const links = await getPool().query<{ id: string; url: string }>(`SELECT "id", "url" FROM "Link" WHERE "workspaceId" = $1 AND "id" = ANY($2::text[])`, [
    workspaceId,
    rows.map((r) => r.key),
  ]);
  return { rows, uniques, urls: new Map(links.rows.map((l) => [l.id, l.url])) };
}

/**
 * Clicks by UTM tags of the links' destinations, one list per tag, largest first. A tag is a
 * property of the link, not of the click, so this counts per link and groups the links by tag
 * value. Each link has one value per tag, so the links grouped together are disjoint and their
 * unique clicks (per link and day) add up exactly.
 */
function groupByTags<K extends UtmKey>({ rows, uniques, urls }: LinkTotals, keys: readonly K[], limit: number): Record<K, DimensionRow[]> {
  const result = {} as Record<K, DimensionRow[]>;
  for (const key of keys) {
    const merged = new Map<string | null, DimensionRow>();
    for (const row of rows) {
      const value = utmTagOf(urls.get(row.key) ?? "", key);
      const into = merged.get(value) ?? { value, clicks: 0, uniqueClicks: 0, filteredClicks: 0 };
      merged.set(value, {
        value,
        clicks: into.clicks + row.clicks,
        uniqueClicks: into.uniqueClicks + (uniques.get(row.key) ?? 0),
        filteredClicks: into.filteredClicks + row.filtered,
      });
    }
    result[key] = [...merged.values()].sort(byClicks).slice(0, limit);
  }
  return result;
}

/**
 * Clicks by country, device, browser, OS, referrer or source, or by a UTM tag; largest first;
 * null = unknown, direct or untagged. No rollup keeps the dimensions: raw clicks answer, and for
 * days whose raw clicks were archived for being older than the plan's history
 * (lib/clicks/retention.ts), LinkDailyDimension, which holds the same counts per link, UTC day and
 * value. A click is in one or the other, never both, and unique clicks are per link and UTC day in
 * both, so the two add up. An archived day is a whole UTC day and counts when its midday (12:00
 * UTC) lies in [start, end): for a range of whole UTC days, exactly its days; at an edge that cuts
 * a day (another zone, an instant) the day goes to the range holding most of it, so adjacent
 * ranges still add up and no day counts twice.
 */
export async function getDimension(workspaceId: string, range: ResolvedRange, filters: Filters, dimension: DimensionGroup, limit: number): Promise<DimensionRow[]> {
  if (isUtmKey(dimension)) return groupByTags(await perLink(workspaceId, range, filters), [dimension], limit)[dimension];
  const sql = new Sql(workspaceId, range);
  const { link, onLink } = filterSql(sql, filters); // "linkId" alone is the click's / the archive row's: Link has no such column
  const { rows } = await getPool().query<{ value: string | null; clicks: string; uniques: string; filtered: string }>(
    `SELECT x.value, sum(x.clicks)::int8 AS clicks, sum(x.uniques)::int8 AS uniques, sum(x.filtered)::int8 AS filtered
       FROM (SELECT ${DIMENSION_SQL[dimension]} AS value,
                    count(*) FILTER (WHERE NOT c."isBot")::int8 AS clicks,
                    count(DISTINCT (c."linkId", c."visitorHash", (c."createdAt" AT TIME ZONE 'UTC')::date)) FILTER (WHERE NOT c."isBot")::int8 AS uniques,
                    count(*) FILTER (WHERE c."isBot")::int8 AS filtered
               FROM "Click" c JOIN "Link" l ON l.id = c."linkId" AND l."workspaceId" = $1${onLink}
              WHERE c."workspaceId" = $1 AND c."createdAt" >= $2 AND c."createdAt" < $3${link}
              GROUP BY 1
             UNION ALL
             SELECT nullif(a."value", ''), sum(a."clicks")::int8, sum(a."uniqueClicks")::int8, sum(a."filtered")::int8
               FROM "LinkDailyDimension" a JOIN "Link" l ON l.id = a."linkId" AND l."workspaceId" = $1${onLink}
              WHERE a."workspaceId" = $1 AND a."dimension" = ${sql.param(dimension)}
                AND a."day" >= (($2::timestamptz - interval '12 hours') AT TIME ZONE 'UTC') AND a."day" < (($3::timestamptz - interval '12 hours') AT TIME ZONE 'UTC')${link}
              GROUP BY 1) x
      GROUP BY 1 ORDER BY 2 DESC, 4 DESC, 1 NULLS LAST LIMIT ${sql.param(limit)}`,
    sql.values,
  );
  return rows.map((r) => ({ value: r.value, clicks: Number(r.clicks), uniqueClicks: Number(r.uniques), filteredClicks: Number(r.filtered) }));
}

export type EntityRow = Totals & { id: string | null };

/** Clicks by link, creator or campaign (of the link), largest first; id null = links without a creator / campaign. */
export async function getEntityBreakdown(workspaceId: string, range: ResolvedRange, filters: Filters, key: "link" | "creator" | "campaign", limit: number): Promise<EntityRow[]> {
  const plan = rollupPlan(range, null, { wholeHours: range.wholeHourZone, utc: range.utcZone });
  const rows = await clicksBy(workspaceId, range, filters, key, plan.clicks, limit);
  const uniques = await uniquesBy(workspaceId, range, filters, key, plan.uniques, rows.map((r) => r.key));
  return rows.map((r) => ({ id: r.key || null, clicks: r.clicks, uniqueClicks: uniques.get(r.key) ?? 0, filteredClicks: r.filtered }));
}

export type CreatorDayRow = { creatorId: string | null; day: string; clicks: number };

/** Clicks per creator (of the link) per day of the range's zone; days without clicks are left out. */
export async function getCreatorDailyClicks(workspaceId: string, range: ResolvedRange, filters: Filters): Promise<CreatorDayRow[]> {
  const plan = rollupPlan(range, "day", { wholeHours: range.wholeHourZone, utc: range.utcZone });
  const rows = await clicksBy(workspaceId, range, filters, "creator_day", plan.clicks);
  return rows.map((r) => {
    const [creatorId = "", day = ""] = r.key.split("|");
    return { creatorId: creatorId || null, day, clicks: r.clicks };
  });
}

/** Whole UTC days as a resolved range (the pages' ranges): rollups answer it exactly. */
export function utcDaysRange(range: { start: Date; end: Date }): ResolvedRange {
  return { start: range.start, end: range.end, timezone: "UTC", since: range.start, wholeHourZone: true, utcZone: true };
}

export type SourceRow = { value: "link" | "qr"; clicks: number };
export type TrafficTags = { sources: SourceRow[]; tags: Record<UtmKey, DimensionRow[]> };

/**
 * Where clicks came from, for the dashboards: link clicks vs QR scans (from the hourly rollup,
 * which keeps scans apart; unique clicks per source would need raw clicks) and each UTM tag.
 */
export async function getTrafficTags(workspaceId: string, range: ResolvedRange, filters: Filters, limit: number): Promise<TrafficTags> {
  const totals = await perLink(workspaceId, range, filters);
  const scans = totals.rows.reduce((sum, row) => sum + row.scans, 0);
  const clicks = totals.rows.reduce((sum, row) => sum + row.clicks, 0);
  const sources: SourceRow[] = [
    { value: "link" as const, clicks: clicks - scans },
    { value: "qr" as const, clicks: scans },
  ].filter((row) => row.clicks > 0);
  return { sources: sources.sort((a, b) => b.clicks - a.clicks), tags: groupByTags(totals, UTM_KEYS, limit) };
}
