// Everything a workspace owns as one ZIP (GET /w/:workspace/settings/export): README.txt,
// workspace.json and one CSV per table. The archive is streamed as it is read — each table in
// keyset-paginated batches, deflated with fflate's streaming Zip — so memory stays bounded however
// many clicks there are, and nothing is read faster than the downloader takes it.
import "server-only";
import { Zip, ZipDeflate } from "fflate";
import Papa from "papaparse";
import { neutraliseCell } from "@/lib/csv";
import { getDb, getPool } from "@/lib/db";
import { notFound } from "@/lib/errors";

/** clickproof-<slug>-<yyyy-mm-dd>.zip, the day in UTC. */
export function exportFilename(slug: string, at: Date): string {
  return `clickproof-${slug.replace(/[^\w-]+/g, "-")}-${at.toISOString().slice(0, 10)}.zip`;
}

export type ExportOptions = {
  /** the export time written into README.txt and the files' dates */
  now?: Date;
  /** rows per query */
  batchSize?: number;
  /** a table's CSV continues in a new file (clicks-2.csv…) once this many bytes are written */
  partBytes?: number;
  /** the archive fails rather than grow past this (fflate writes no ZIP64: offsets are 32-bit) */
  maxArchiveBytes?: number;
};

const DEFAULTS = { batchSize: 5_000, partBytes: 1 << 30, maxArchiveBytes: 0xffff_ffff - 1 } as const;

// ---------- Tables ----------

// Every query runs with the session's time zone set to UTC (readBatch), so one format prints
// both timestamptz columns and Prisma's plain timestamp columns (which hold UTC) as ISO-8601.
const time = (column: string) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
/** tags, scopes and host names: none of their values can hold a space */
const list = (column: string) => `array_to_string(${column}, ' ')`;

type Table = {
  /** the CSV's name without .csv */
  file: string;
  /** one line for README.txt */
  about: string;
  /** `<tables> WHERE …`, scoped by the workspace id ($1) and ending in the WHERE clause (the cursor is ANDed on); a join is scoped on both sides */
  from: string;
  /** header → SQL expression; headers are the schema's field names so files join on ids */
  columns: Record<string, string>;
  /** the keyset: unique and non-null together, [expression, SQL type]; the first should lead an index with workspaceId */
  key: readonly (readonly [expression: string, type: string])[];
};

const TABLES: readonly Table[] = [
  {
    file: "members",
    about: "the people in the workspace, their role and when they joined",
    from: `"Membership" m JOIN "User" u ON u."id" = m."userId" WHERE m."workspaceId" = $1`,
    columns: { id: `m."id"`, userId: `m."userId"`, name: `u."name"`, email: `u."email"`, role: `m."role"`, joinedAt: time(`m."createdAt"`) },
    key: [[`m."id"`, "text"]],
  },
  {
    file: "invitations",
    about: "invitations sent, pending or used (the invitation links themselves are not kept)",
    from: `"Invitation" i WHERE i."workspaceId" = $1`,
    columns: {
      id: `i."id"`,
      email: `i."email"`,
      role: `i."role"`,
      invitedById: `i."invitedById"`,
      createdAt: time(`i."createdAt"`),
      expiresAt: time(`i."expiresAt"`),
      acceptedAt: time(`i."acceptedAt"`),
      revokedAt: time(`i."revokedAt"`),
    },
    key: [[`i."id"`, "text"]],
  },
  {
    file: "api-keys",
    about: "REST API keys: name, the first characters shown in the app, scopes and use (never the key)",
    from: `"ApiKey" k WHERE k."workspaceId" = $1`,
    columns: {
      id: `k."id"`,
      name: `k."name"`,
      prefix: `k."prefix"`,
      scopes: list(`k."scopes"`),
      createdById: `k."createdById"`,
      createdAt: time(`k."createdAt"`),
      lastUsedAt: time(`k."lastUsedAt"`),
      revokedAt: time(`k."revokedAt"`),
    },
    key: [[`k."id"`, "text"]],
  },
  {
    file: "publishable-keys",
    about: "conversion script keys: the first characters and the sites allowed to use them (never the key)",
    from: `"PublishableKey" k WHERE k."workspaceId" = $1`,
    columns: { id: `k."id"`, prefix: `k."prefix"`, allowedHostnames: list(`k."allowedHostnames"`), createdAt: time(`k."createdAt"`), revokedAt: time(`k."revokedAt"`) },
    key: [[`k."id"`, "text"]],
  },
  {
    file: "domains",
    about: "branded short domains, the TXT value that proves them (public in DNS) and their last check",
    from: `"Domain" d WHERE d."workspaceId" = $1`,
    columns: {
      id: `d."id"`,
      hostname: `d."hostname"`,
      status: `d."status"`,
      verificationToken: `d."verificationToken"`,
      verifiedAt: time(`d."verifiedAt"`),
      failingSince: time(`d."failingSince"`),
      lastCheckedAt: time(`d."lastCheckedAt"`),
      lastError: `d."lastError"`,
      routingOk: `d."routingOk"`,
      fallbackUrl: `d."fallbackUrl"`,
      createdAt: time(`d."createdAt"`),
      updatedAt: time(`d."updatedAt"`),
    },
    key: [[`d."id"`, "text"]],
  },
  {
    file: "creators",
    about: "creators, with their contact details and notes",
    from: `"Creator" c WHERE c."workspaceId" = $1`,
    columns: {
      id: `c."id"`,
      name: `c."name"`,
      email: `c."email"`,
      niche: `c."niche"`,
      notes: `c."notes"`,
      archivedAt: time(`c."archivedAt"`),
      createdAt: time(`c."createdAt"`),
      updatedAt: time(`c."updatedAt"`),
    },
    key: [[`c."id"`, "text"]],
  },
  {
    file: "creator-platforms",
    about: "each creator's accounts and their latest follower count",
    from: `"CreatorPlatform" p WHERE p."workspaceId" = $1`,
    columns: {
      id: `p."id"`,
      creatorId: `p."creatorId"`,
      platform: `p."platform"`,
      handle: `p."handle"`,
      followers: `p."followers"`,
      createdAt: time(`p."createdAt"`),
      updatedAt: time(`p."updatedAt"`),
    },
    key: [[`p."id"`, "text"]],
  },
  {
    file: "follower-counts",
    about: "the history of each account's follower count (creatorPlatformId → creator-platforms.csv)",
    from: `"FollowerCount" f JOIN "CreatorPlatform" p ON p."id" = f."creatorPlatformId" WHERE p."workspaceId" = $1 AND f."workspaceId" = $1`,
    columns: { id: `f."id"`, creatorPlatformId: `f."creatorPlatformId"`, creatorId: `p."creatorId"`, platform: `p."platform"`, followers: `f."followers"`, recordedAt: time(`f."recordedAt"`) },
    key: [
      [`f."creatorPlatformId"`, "text"],
      [`f."recordedAt"`, "timestamp"],
      [`f."id"`, "text"],
    ],
  },
  {
    file: "creator-pages",
    about: "creators' own performance pages; hasActiveLink says whether a secret link is live (the link is not kept)",
    from: `"CreatorPage" g WHERE g."workspaceId" = $1`,
    columns: {
      id: `g."id"`,
      creatorId: `g."creatorId"`,
      showConversions: `g."showConversions"`,
      hasActiveLink: `g."tokenHash" IS NOT NULL`,
      linkIssuedAt: time(`g."linkIssuedAt"`),
      createdAt: time(`g."createdAt"`),
      updatedAt: time(`g."updatedAt"`),
    },
    key: [[`g."id"`, "text"]],
  },
  {
    file: "campaigns",
    about: "campaigns; budgetMinor is in minor units (cents) of currency, utmTemplate is JSON",
    from: `"Campaign" c WHERE c."workspaceId" = $1`,
    columns: {
      id: `c."id"`,
      name: `c."name"`,
      slug: `c."slug"`,
      objective: `c."objective"`,
      startsOn: day(`c."startsOn"`),
      endsOn: day(`c."endsOn"`),
      budgetMinor: `c."budgetMinor"`,
      currency: `c."currency"`,
      destinationUrl: `c."destinationUrl"`,
      utmTemplate: `c."utmTemplate"::text`,
      archivedAt: time(`c."archivedAt"`),
      createdAt: time(`c."createdAt"`),
      updatedAt: time(`c."updatedAt"`),
    },
    key: [[`c."id"`, "text"]],
  },
  {
    file: "campaign-kpis",
    about: "each campaign's primary and supporting KPIs and their targets",
    from: `"CampaignKpi" k JOIN "Campaign" c ON c."id" = k."campaignId" WHERE c."workspaceId" = $1 AND k."workspaceId" = $1`,
    columns: { id: `k."id"`, campaignId: `k."campaignId"`, kpi: `k."kpi"`, target: `k."target"`, primary: `k."primary"`, position: `k."position"` },
    key: [[`k."id"`, "text"]],
  },
  {
    file: "campaign-creators",
    about: "the creators in each campaign and their agreed cost (minor units of the campaign's currency; commissionRate 0.1 = 10 %)",
    from: `"CampaignCreator" cc WHERE cc."workspaceId" = $1`,
    columns: {
      id: `cc."id"`,
      campaignId: `cc."campaignId"`,
      creatorId: `cc."creatorId"`,
      flatFeeMinor: `cc."flatFeeMinor"`,
      giftedValueMinor: `cc."giftedValueMinor"`,
      commissionRate: `cc."commissionRate"`,
      createdAt: time(`cc."createdAt"`),
      updatedAt: time(`cc."updatedAt"`),
    },
    key: [[`cc."id"`, "text"]],
  },
  {
    file: "links",
    about: "short links and their options; domain is empty for Clickproof's own short domain",
    from: `"Link" l WHERE l."workspaceId" = $1`,
    columns: {
      id: `l."id"`,
      domain: `l."domain"`,
      slug: `l."slug"`,
      url: `l."url"`,
      creatorId: `l."creatorId"`,
      campaignId: `l."campaignId"`,
      platform: `l."platform"`,
      postedAt: time(`l."postedAt"`),
      reach: `l."reach"`,
      impressions: `l."impressions"`,
      engagementRate: `l."engagementRate"`,
      tags: list(`l."tags"`),
      notes: `l."notes"`,
      pausedAt: time(`l."pausedAt"`),
      expiresAt: time(`l."expiresAt"`),
      maxClicks: `l."maxClicks"`,
      limitedClicks: `l."limitedClicks"`,
      expiredUrl: `l."expiredUrl"`,
      createdById: `l."createdById"`,
      archivedAt: time(`l."archivedAt"`),
      createdAt: time(`l."createdAt"`),
      updatedAt: time(`l."updatedAt"`),
    },
    key: [
      [`l."createdAt"`, "timestamp"],
      [`l."id"`, "text"],
    ],
  },
  {
    // The link is joined for its slug, and scoped too: a click is printed only beside its own workspace's link.
    file: "clicks",
    about: "every raw click still kept, oldest first; isBot marks filtered clicks; visitorHash is a daily pseudonym, never an IP address",
    from: `"Click" c JOIN "Link" l ON l."id" = c."linkId" WHERE c."workspaceId" = $1 AND l."workspaceId" = $1`,
    columns: {
      id: `c."id"`,
      linkId: `c."linkId"`,
      slug: `l."slug"`,
      createdAt: time(`c."createdAt"`),
      country: `c."country"`,
      device: `c."device"`,
      browser: `c."browser"`,
      os: `c."os"`,
      referrer: `c."referrer"`,
      isBot: `c."isBot"`,
      visitorHash: `c."visitorHash"`,
      source: `c."source"`,
    },
    key: [
      [`c."createdAt"`, "timestamptz"],
      [`c."id"`, "text"],
    ],
  },
  {
    file: "unserved-hits",
    about: "visits to paused or expired links (nothing was served, so they are not clicks)",
    from: `"UnservedHit" h JOIN "Link" l ON l."id" = h."linkId" WHERE l."workspaceId" = $1 AND h."workspaceId" = $1`,
    columns: { id: `h."id"`, linkId: `h."linkId"`, slug: `l."slug"`, createdAt: time(`h."createdAt"`), reason: `h."reason"`, isBot: `h."isBot"`, source: `h."source"` },
    key: [
      [`h."linkId"`, "text"],
      [`h."createdAt"`, "timestamptz"],
      [`h."id"`, "text"],
    ],
  },
  {
    file: "link-hourly-stats",
    about: "human clicks, filtered clicks and QR scans per link per UTC hour (hour = its start)",
    from: `"LinkHourlyStat" s WHERE s."workspaceId" = $1`,
    columns: { linkId: `s."linkId"`, hour: time(`s."hour"`), clicks: `s."clicks"`, filtered: `s."filtered"`, scans: `s."scans"` },
    key: [
      [`s."hour"`, "timestamptz"],
      [`s."linkId"`, "text"],
    ],
  },
  {
    file: "link-daily-stats",
    about: "unique clicks (distinct visitors) per link per UTC day",
    from: `"LinkDailyStat" s WHERE s."workspaceId" = $1`,
    columns: { linkId: `s."linkId"`, day: day(`s."day"`), uniqueClicks: `s."uniqueClicks"` },
    key: [
      [`s."day"`, "date"],
      [`s."linkId"`, "text"],
    ],
  },
  {
    file: "link-daily-dimensions",
    about:
      "per link, UTC day and country/device/browser/os/referrer/source: clicks, unique clicks and filtered clicks — kept after old raw clicks are deleted; value is empty for unknown or direct",
    from: `"LinkDailyDimension" s WHERE s."workspaceId" = $1`,
    columns: {
      linkId: `s."linkId"`,
      day: day(`s."day"`),
      dimension: `s."dimension"`,
      value: `s."value"`,
      clicks: `s."clicks"`,
      uniqueClicks: `s."uniqueClicks"`,
      filtered: `s."filtered"`,
    },
    key: [
      [`s."day"`, "date"],
      [`s."linkId"`, "text"],
      [`s."dimension"`, "text"],
      [`s."value"`, "text"],
    ],
  },
  {
    file: "conversions",
    about: "conversions received and what they were attributed to; valueMinor is in minor units of currency",
    from: `"Conversion" v WHERE v."workspaceId" = $1`,
    columns: {
      id: `v."id"`,
      externalId: `v."externalId"`,
      event: `v."event"`,
      valueMinor: `v."valueMinor"`,
      currency: `v."currency"`,
      clickId: `v."clickId"`,
      promoCode: `v."promoCode"`,
      attribution: `v."attribution"`,
      attributionReason: `v."attributionReason"`,
      linkId: `v."linkId"`,
      creatorId: `v."creatorId"`,
      campaignId: `v."campaignId"`,
      source: `v."source"`,
      occurredAt: time(`v."occurredAt"`),
      createdAt: time(`v."createdAt"`),
    },
    key: [
      [`v."occurredAt"`, "timestamptz"],
      [`v."id"`, "text"],
    ],
  },
  {
    file: "conversion-reversals",
    about: "refunds and cancellations of conversions (full = the whole conversion no longer counts)",
    from: `"ConversionReversal" r WHERE r."workspaceId" = $1`,
    columns: {
      id: `r."id"`,
      conversionId: `r."conversionId"`,
      externalId: `r."externalId"`,
      valueMinor: `r."valueMinor"`,
      full: `r."full"`,
      reason: `r."reason"`,
      createdAt: time(`r."createdAt"`),
    },
    key: [[`r."externalId"`, "text"]],
  },
  {
    file: "promo-codes",
    about: "each creator's promo code per campaign",
    from: `"PromoCode" p WHERE p."workspaceId" = $1`,
    columns: { id: `p."id"`, campaignId: `p."campaignId"`, creatorId: `p."creatorId"`, code: `p."code"`, createdAt: time(`p."createdAt"`) },
    key: [[`p."code"`, "text"]],
  },
  {
    file: "exchange-rates",
    about: "what one unit of each currency is worth in the workspace's currency, as entered",
    from: `"ExchangeRate" x WHERE x."workspaceId" = $1`,
    columns: { currency: `x."currency"`, rate: `x."rate"`, updatedAt: time(`x."updatedAt"`) },
    key: [[`x."currency"`, "text"]],
  },
];

/** The CSV files every export has (a large table adds parts: clicks-2.csv…). */
export const EXPORTED_TABLES: readonly string[] = TABLES.map((t) => t.file);

/**
 * One batch after the cursor (the previous batch's last key, as text), rows as arrays: the
 * columns in order, then the key. The first key column also bounds the scan (>=) so an index
 * on (workspaceId, that column) can start there.
 */
function batchSql(table: Table, afterCursor: boolean, batchSize: number): string {
  const select = [...Object.values(table.columns), ...table.key.map(([expression]) => `${expression}::text`)].join(", ");
  const keys = table.key.map(([expression]) => expression).join(", ");
  const [first] = table.key;
  const after =
    afterCursor && first
      ? ` AND ${first[0]} >= $2::${first[1]} AND (${keys}) > (${table.key.map(([, type], i) => `$${i + 2}::${type}`).join(", ")})`
      : "";
  return `SELECT ${select} FROM ${table.from}${after} ORDER BY ${keys} LIMIT ${batchSize}`;
}

async function readBatch(sql: string, values: readonly unknown[]): Promise<unknown[][]> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN READ ONLY; SET LOCAL TIME ZONE 'UTC'");
    const { rows } = await client.query<unknown[]>({ text: sql, values: [...values], rowMode: "array" });
    await client.query("COMMIT");
    client.release();
    return rows;
  } catch (error) {
    // the connection may be broken or mid-transaction: drop it rather than return it to the pool
    client.release(true);
    throw error;
  }
}

// ---------- The archive ----------

const encoder = new TextEncoder();
const BOM = "\uFEFF";
const CRLF = "\r\n";
/** deflate a batch in slices, handing out what is ready between them, so no one push holds the event loop long */
const SLICE_BYTES = 64 * 1024;

type Written = { name: string; rows: number };

class ArchiveTooLarge extends Error {
  constructor(limit: number) {
    super(`The export is larger than a ZIP archive can hold (${limit} bytes)`);
    this.name = "ArchiveTooLarge";
  }
}

/** The archive's chunks, in order; the generator's `return()` (a cancelled download) stops all reading. */
async function* archiveChunks(workspaceId: string, options: Required<ExportOptions>): AsyncGenerator<Uint8Array, void, undefined> {
  const ready: Uint8Array[] = [];
  let archiveBytes = 0;
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    archiveBytes += chunk.length;
    // Past 4 GiB the 32-bit offsets would wrap and the archive would be silently corrupt.
    if (archiveBytes > options.maxArchiveBytes) throw new ArchiveTooLarge(options.maxArchiveBytes);
    ready.push(chunk);
  });
  const drain = () => ready.splice(0);

  const open = (name: string) => {
    const file = new ZipDeflate(name, { level: 6 });
    file.mtime = options.now;
    zip.add(file);
    return file;
  };
  /** pushes the text (counting its bytes into `counter`), handing out what is ready as it goes */
  function* write(file: ZipDeflate, text: string, counter?: { bytes: number }) {
    const bytes = encoder.encode(text);
    if (counter) counter.bytes += bytes.length;
    for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
      file.push(bytes.subarray(at, at + SLICE_BYTES));
      yield* drain();
    }
  }
  function* close(file: ZipDeflate) {
    file.push(new Uint8Array(0), true);
    yield* drain();
  }

  const workspace = await getDb().workspace.findUnique({
    where: { id: workspaceId },
    select: {
      id: true,
      name: true,
      slug: true,
      plan: true,
      stripeCustomerId: true,
      stripeSubscriptionId: true,
      billingStatus: true,
      billingInterval: true,
      currentPeriodStart: true,
      currentPeriodEnd: true,
      cancelAtPeriodEnd: true,
      pastDueSince: true,
      conversionTracking: true,
      clickIdParam: true,
      attributionWindowDays: true,
      currency: true,
      utmTemplate: true,
      brandColor: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  if (!workspace) throw notFound("Workspace not found");

  const settings = open("workspace.json");
  yield* write(settings, `${JSON.stringify(workspace, null, 2)}\n`);
  yield* close(settings);

  const written: Written[] = [];
  for (const table of TABLES) {
    const width = Object.keys(table.columns).length;
    const header = BOM + Papa.unparse([Object.keys(table.columns)]);
    let partNumber = 1;
    let part = { name: `${table.file}.csv`, rows: 0, bytes: 0 };
    let file = open(part.name);
    yield* write(file, header, part);
    let cursor: unknown[] | null = null;
    for (;;) {
      const rows = await readBatch(batchSql(table, cursor !== null, options.batchSize), [workspaceId, ...(cursor ?? [])]);
      if (rows.length === 0) break;
      // ZIP sizes are 32-bit: a huge table goes on in a new file long before one could overflow
      if (part.bytes >= options.partBytes) {
        yield* close(file);
        written.push(part);
        part = { name: `${table.file}-${++partNumber}.csv`, rows: 0, bytes: 0 };
        file = open(part.name);
        yield* write(file, header, part);
      }
      part.rows += rows.length;
      yield* write(file, CRLF + Papa.unparse(rows.map((row) => row.slice(0, width).map(neutraliseCell))), part);
      if (rows.length < options.batchSize) break;
      cursor = rows.at(-1)?.slice(width) ?? null;
    }
    yield* close(file);
    written.push(part);
  }

  const readme = open("README.txt");
  yield* write(readme, readmeText(workspace, options.now, written));
  yield* close(readme);
  zip.end();
  yield* drain();
}

function readmeText(workspace: { name: string; slug: string }, now: Date, written: readonly Written[]): string {
  const about = new Map(TABLES.map((t) => [t.file, t.about]));
  const files = written.map((w) => {
    const table = w.name.replace(/(-\d+)?\.csv$/, "");
    return `  ${w.name} (${w.rows} ${w.rows === 1 ? "row" : "rows"}) — ${about.get(table) ?? ""}`;
  });
  return [
    `Clickproof export of the workspace "${workspace.name}" (${workspace.slug})`,
    `Exported at ${now.toISOString()}`,
    "",
    "FORMAT",
    "  Times are UTC, in ISO-8601 (2026-05-01T14:03:07.123Z); days are UTC days (2026-05-01).",
    "  The CSV files are UTF-8 with a byte-order mark and a header row. Columns carry Clickproof's own",
    "  field names; ids join the files (links.csv id = clicks.csv linkId). An empty cell has no value.",
    "  Lists (tags, scopes, allowed host names) are separated by spaces.",
    "  A cell that starts with = + - @, a tab or a carriage return is written with an apostrophe (')",
    "  in front, so a spreadsheet shows it instead of running it as a formula. Ids can start with -",
    "  too: remove that one apostrophe to get the stored value.",
    "  A table larger than about 1 GB continues in numbered parts (clicks-2.csv, …), each with the header.",
    "  Tables are read one after another while the workspace keeps working: a click arriving during the",
    "  export may be missing from one file and counted in another.",
    "",
    "FILES",
    "  workspace.json — the workspace's settings: name, address, plan, billing status and the Stripe",
    "    customer and subscription ids (references to your own Stripe records, not credentials),",
    "    conversion tracking, currency, UTM template, brand colour",
    ...files,
    "  README.txt — this file",
    "",
    "NOT INCLUDED",
    "  Secrets: API keys and publishable keys (only their hashes are stored), invitation and creator-page",
    "  links, passwords, sign-in sessions and accounts. Members' other workspaces. Internal bookkeeping:",
    "  the per-day visitor lists behind unique clicks, the daily visitor salts, the billing webhook log.",
    "",
  ].join(CRLF);
}

/**
 * The workspace's whole data as a ZIP, read and deflated as the stream is pulled. Cancelling the
 * stream (the downloader went away) stops the reading; a failure errors the stream, so the
 * download fails visibly instead of ending in a truncated archive that looks complete.
 */
export function exportWorkspace(workspaceId: string, options: ExportOptions = {}): ReadableStream<Uint8Array> {
  const chunks = archiveChunks(workspaceId, {
    now: options.now ?? new Date(),
    batchSize: options.batchSize ?? DEFAULTS.batchSize,
    partBytes: options.partBytes ?? DEFAULTS.partBytes,
    maxArchiveBytes: options.maxArchiveBytes ?? DEFAULTS.maxArchiveBytes,
  });
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      } catch (error) {
        console.error("[export] workspace export failed:", error instanceof Error ? error.message : error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
