// The whole-workspace export on the real database: two workspaces with rows in every exported
// table; A's archive holds all of A (row for row, clicks across many batches and parts) and
// nothing of B's, no secret, and no cell a spreadsheet would run. The route: owner only.
import { randomBytes } from "node:crypto";
import { unzipSync } from "fflate";
import Papa from "papaparse";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { clicksAt, makeWorkspace } from "@/lib/testing/fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, expires: "2099-01-01T00:00:00Z" } : null),
}));

connectTestDatabase();
const { getDb, getPool } = await import("@/lib/db");
const { neutraliseCell } = await import("@/lib/csv");
const { createPublishableKey } = await import("@/lib/conversions/publishable-keys");
const { enableCreatorPage } = await import("@/lib/creator-pages/pages");
const { EXPORTED_TABLES, exportWorkspace } = await import("@/lib/workspaces/export");
const route = await import("@/app/(app)/w/[workspace]/settings/export/route");

/** Each CSV and the table its rows come from (all carry workspaceId). A new file needs a line here. */
const TABLE_OF: Record<string, string> = {
  members: "Membership",
  invitations: "Invitation",
  "api-keys": "ApiKey",
  "publishable-keys": "PublishableKey",
  domains: "Domain",
  creators: "Creator",
  "creator-platforms": "CreatorPlatform",
  "follower-counts": "FollowerCount",
  "creator-pages": "CreatorPage",
  campaigns: "Campaign",
  "campaign-kpis": "CampaignKpi",
  "campaign-creators": "CampaignCreator",
  links: "Link",
  clicks: "Click",
  "unserved-hits": "UnservedHit",
  "link-hourly-stats": "LinkHourlyStat",
  "link-daily-stats": "LinkDailyStat",
  "link-daily-dimensions": "LinkDailyDimension",
  conversions: "Conversion",
  "conversion-reversals": "ConversionReversal",
  "promo-codes": "PromoCode",
  "exchange-rates": "ExchangeRate",
};

const FORMULA_NAME = '=HYPERLINK("https://evil.example/","Open")';
const hex = (bytes: number) => randomBytes(bytes).toString("hex");

/** A workspace with rows in every exported table; `label` makes its names its own. */
async function populate(label: string, clickBursts: number[]) {
  const db = getDb();
  const tag = `${label}${hex(4)}`;
  const { user, workspace, apiKey } = await makeWorkspace(`Brand ${tag}`);
  const workspaceId = workspace.id;
  await db.user.update({ where: { id: user.id }, data: { name: `Owner ${tag}`, passwordHash: `$argon2id$v=19$m=19456,t=2,p=1$${hex(16)}$${hex(32)}` } });
  await db.workspace.update({
    where: { id: workspaceId },
    data: { stripeCustomerId: `cus_${tag}`, stripeSubscriptionId: `sub_${tag}`, billingStatus: "active", utmTemplate: { utm_source: "{platform}", utm_campaign: `camp-${tag}` }, brandColor: "#ff5a1f" },
  });
  const admin = await db.user.create({ data: { email: `admin-${tag}@test.local`, name: `Admin ${tag}` } });
  await db.membership.create({ data: { workspaceId, userId: admin.id, role: "admin" } });
  await db.invitation.create({
    data: { workspaceId, email: `invitee-${tag}@test.local`, role: "viewer", tokenHash: hex(32), invitedById: user.id, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const publishable = await createPublishableKey(workspaceId, { allowedHostnames: `shop-${tag}.example.com *.shop-${tag}.example.com` });
  await db.domain.create({ data: { workspaceId, hostname: `go-${tag}.example.com`, verificationToken: hex(16), status: "verified", verifiedAt: new Date() } });

  const creator = await db.creator.create({
    data: { workspaceId, name: label === "a" ? FORMULA_NAME : `Creator ${tag}`, email: `creator-${tag}@test.local`, notes: `Notes ${tag}\nsecond line, with a comma` },
  });
  const platform = await db.creatorPlatform.create({ data: { workspaceId, creatorId: creator.id, platform: "tiktok", handle: `handle_${tag}`, followers: 12_000 } });
  await db.followerCount.createMany({
    data: [
      { workspaceId, creatorPlatformId: platform.id, followers: 10_000, recordedAt: new Date("2026-01-01T00:00:00Z") },
      { workspaceId, creatorPlatformId: platform.id, followers: 12_000, recordedAt: new Date("2026-02-01T00:00:00Z") },
    ],
  });
  const page = await enableCreatorPage(workspaceId, creator.id);

  const campaign = await db.campaign.create({
    data: { workspaceId, name: `Spring ${tag}`, slug: `spring-${tag}`, startsOn: new Date("2026-03-01"), endsOn: new Date("2026-03-31"), budgetMinor: 500_000, utmTemplate: { utm_medium: "creator" } },
  });
  await db.campaignKpi.createMany({
    data: [
      { workspaceId, campaignId: campaign.id, kpi: "clicks", primary: true, target: 1000 },
      { workspaceId, campaignId: campaign.id, kpi: "conversions", position: 1 },
    ],
  });
  await db.campaignCreator.create({ data: { workspaceId, campaignId: campaign.id, creatorId: creator.id, flatFeeMinor: 20_000, commissionRate: 0.1 } });
  const link = await db.link.create({
    data: {
      workspaceId,
      slug: `drop-${tag}`,
      url: `https://shop-${tag}.example.com/spring`,
      creatorId: creator.id,
      campaignId: campaign.id,
      platform: "tiktok",
      postedAt: new Date("2026-03-02T09:30:00.250Z"),
      tags: ["tiktok", `q3-${tag}`],
      maxClicks: 10_000,
      expiresAt: new Date("2026-12-31T23:59:59.999Z"),
    },
  });
  const pausedLink = await db.link.create({ data: { workspaceId, slug: `paused-${tag}`, url: "https://example.com/", pausedAt: new Date() } });

  // bursts of clicks at one instant each, so batches split rows that share a time (the id breaks the tie)
  for (const [i, count] of clickBursts.entries()) {
    await clicksAt(workspaceId, link.id, new Date(Date.UTC(2026, 2, 2 + i, 10, 15, 0, 123)), count, { country: "DE", referrer: "https://www.tiktok.com/", source: i % 2 ? "qr" : "link" });
  }
  await clicksAt(workspaceId, link.id, new Date(Date.UTC(2026, 2, 9, 3)), 2, { isBot: true });
  await db.unservedHit.create({ data: { id: randomBytes(12).toString("base64url"), workspaceId, linkId: pausedLink.id, reason: "paused" } });
  await db.linkDailyDimension.createMany({
    data: [
      { workspaceId, linkId: link.id, day: new Date("2025-01-05"), dimension: "countries", value: "DE", clicks: 40, uniqueClicks: 31, filtered: 2 },
      { workspaceId, linkId: link.id, day: new Date("2025-01-05"), dimension: "referrers", value: "", clicks: 40, uniqueClicks: 31, filtered: 2 },
    ],
  });

  const conversion = await db.conversion.create({
    data: {
      workspaceId,
      externalId: `order-${tag}`,
      event: "purchase",
      valueMinor: 4_999,
      currency: "USD",
      attribution: "click",
      attributionReason: "click within the window",
      linkId: link.id,
      creatorId: creator.id,
      campaignId: campaign.id,
      source: "api",
      occurredAt: new Date("2026-03-03T12:00:00.5Z"),
    },
  });
  await db.conversionReversal.create({ data: { workspaceId, conversionId: conversion.id, externalId: `refund-${tag}`, valueMinor: 1_000, full: false, reason: "partial refund" } });
  await db.promoCode.create({ data: { workspaceId, campaignId: campaign.id, creatorId: creator.id, code: `CODE${tag}`.toUpperCase() } });
  await db.exchangeRate.create({ data: { workspaceId, currency: "EUR", rate: 1.08 } });

  return { user, admin, workspace, secrets: [apiKey, publishable.key, page.token] };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// keeps the byte-order mark, which a default TextDecoder (and fflate's strFromU8) would swallow
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function unzip(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, utf8.decode(data)]));
}

function csvRows(text: string | undefined): Record<string, string>[] {
  expect(text, "the file is in the archive").toBeDefined();
  expect(text?.startsWith("\uFEFF")).toBe(true);
  const parsed = Papa.parse<Record<string, string>>((text ?? "").slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** A table's rows across its parts (clicks.csv, clicks-2.csv…), in order. */
function tableRows(files: Record<string, string>, table: string): Record<string, string>[] {
  const parts = Object.keys(files)
    .filter((name) => name === `${table}.csv` || new RegExp(`^${table}-\\d+\\.csv$`).test(name))
    .sort((x, y) => Number(/-(\d+)\.csv$/.exec(x)?.[1] ?? 1) - Number(/-(\d+)\.csv$/.exec(y)?.[1] ?? 1));
  return parts.flatMap((name) => csvRows(files[name]));
}

/** Every text value in the workspace's rows (and its users'), for looking them up in the other archive. */
async function textValues(workspaceId: string): Promise<Set<string>> {
  const pool = getPool();
  const values = new Set<string>();
  const add = (rows: Record<string, unknown>[]) => {
    for (const row of rows) for (const value of Object.values(row)) if (typeof value === "string" && value.length >= 8) values.add(value);
  };
  for (const table of [...Object.values(TABLE_OF), "Workspace"]) {
    const column = table === "Workspace" ? "id" : "workspaceId";
    add((await pool.query(`SELECT * FROM "${table}" WHERE "${column}" = $1`, [workspaceId])).rows);
  }
  add((await pool.query(`SELECT u.* FROM "User" u JOIN "Membership" m ON m."userId" = u."id" WHERE m."workspaceId" = $1`, [workspaceId])).rows);
  return values;
}

describe("exportWorkspace", () => {
  let a: Awaited<ReturnType<typeof populate>>;
  let b: Awaited<ReturnType<typeof populate>>;
  let files: Record<string, string>;
  const now = new Date("2026-05-01T14:03:07.123Z");

  beforeAll(async () => {
    await truncateAll();
    a = await populate("a", [7, 5, 6, 3]); // 21 human clicks + 2 bots: five batches of 5
    b = await populate("b", [4]);
    files = unzip(await readAll(exportWorkspace(a.workspace.id, { now, batchSize: 5 })));
  });

  it("has a file for every table, each row for row what the database holds for A", async () => {
    expect(Object.keys(TABLE_OF).sort()).toEqual([...EXPORTED_TABLES].sort());
    expect(Object.keys(files).sort()).toEqual(["README.txt", "workspace.json", ...EXPORTED_TABLES.map((t) => `${t}.csv`)].sort());
    for (const [file, table] of Object.entries(TABLE_OF)) {
      const { rows } = await getPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE "workspaceId" = $1`, [a.workspace.id]);
      expect(rows[0]?.n, `${table} has rows to export`).toBeGreaterThan(0);
      expect(tableRows(files, file), `${file}.csv`).toHaveLength(rows[0]?.n ?? -1);
    }
  });

  it("holds nothing of workspace B: no id, e-mail, slug, name or other value of B's rows", async () => {
    const ofA = await textValues(a.workspace.id);
    const ofB = [...(await textValues(b.workspace.id))].filter((value) => !ofA.has(value));
    expect(ofB).toContain(b.workspace.slug);
    expect(ofB).toContain(b.admin.email);
    const archive = Object.values(files).join("\n");
    for (const value of ofB) expect(archive.includes(value), `B's "${value}" in A's export`).toBe(false);
    expect(archive).toContain(a.workspace.slug);
    expect(archive).toContain(a.admin.email);
  });

  it("holds no secret: no key or token hash, no password hash, no key or link token", async () => {
    const pool = getPool();
    const hashes = [
      ...(await pool.query<{ v: string }>(`SELECT "hashedKey" AS v FROM "ApiKey" UNION ALL SELECT "hashedKey" FROM "PublishableKey"`)).rows,
      ...(await pool.query<{ v: string }>(`SELECT "tokenHash" AS v FROM "Invitation" UNION ALL SELECT "tokenHash" FROM "CreatorPage" WHERE "tokenHash" IS NOT NULL`)).rows,
      ...(await pool.query<{ v: string }>(`SELECT "passwordHash" AS v FROM "User" WHERE "passwordHash" IS NOT NULL`)).rows,
    ].map((row) => row.v);
    expect(hashes.length).toBeGreaterThanOrEqual(10);
    const archive = Object.values(files).join("\n");
    for (const secret of [...hashes, ...a.secrets, ...b.secrets]) expect(archive.includes(secret), "a secret in the export").toBe(false);
    for (const [name, text] of Object.entries(files)) {
      if (name.endsWith(".csv")) expect(text.split("\r\n")[0], name).not.toMatch(/hash(ed)?Key|tokenHash|passwordHash/i);
    }
    // what the owner sees instead: the key's prefix, whether a creator page's link is live
    expect(csvRows(files["api-keys.csv"])[0]?.prefix).toMatch(/^cp_/);
    expect(csvRows(files["creator-pages.csv"])[0]?.hasActiveLink).toBe("true");
  });

  it("neutralises a cell a spreadsheet would run, like the other CSV exports", () => {
    const [creator] = csvRows(files["creators.csv"]);
    expect(creator?.name).toBe(`'${FORMULA_NAME}`);
    expect(creator?.notes).toMatch(/^Notes a\w+\nsecond line, with a comma$/);
  });

  it("has every click once, oldest first, across batches that split one instant", async () => {
    const { rows } = await getPool().query<{ id: string; createdAt: Date; linkId: string }>(`SELECT "id", "createdAt", "linkId" FROM "Click" WHERE "workspaceId" = $1`, [a.workspace.id]);
    expect(rows.length).toBe(23);
    const exported = csvRows(files["clicks.csv"]);
    expect(exported.map((c) => c.id).sort()).toEqual(rows.map((r) => neutraliseCell(r.id)).sort());
    const times = exported.map((c) => c.createdAt ?? "");
    expect(times).toEqual([...times].sort());
    const byId = new Map(rows.map((r) => [neutraliseCell(r.id), r]));
    for (const click of exported) expect(click.createdAt).toBe(byId.get(click.id ?? "")?.createdAt.toISOString());
    expect(exported.filter((c) => c.isBot === "true")).toHaveLength(2);
    expect(exported.filter((c) => c.source === "qr")).toHaveLength(8);
    const link = await getDb().link.findFirstOrThrow({ where: { workspaceId: a.workspace.id, slug: { startsWith: "drop-" } } });
    expect(new Set(exported.map((c) => c.slug))).toEqual(new Set([link.slug]));
  });

  it("writes times as UTC ISO-8601, days as dates, lists with spaces, JSON as JSON", async () => {
    const link = await getDb().link.findFirstOrThrow({ where: { workspaceId: a.workspace.id, slug: { startsWith: "drop-" } } });
    const row = csvRows(files["links.csv"]).find((l) => l.id === link.id);
    expect(row).toMatchObject({
      createdAt: link.createdAt.toISOString(), // timestamp(3)
      postedAt: "2026-03-02T09:30:00.250Z", // timestamptz
      expiresAt: "2026-12-31T23:59:59.999Z",
      tags: link.tags.join(" "),
      pausedAt: "",
      maxClicks: "10000",
    });
    expect(csvRows(files["campaigns.csv"])[0]).toMatchObject({ startsOn: "2026-03-01", endsOn: "2026-03-31", utmTemplate: '{"utm_medium": "creator"}' });
    expect(csvRows(files["link-daily-dimensions.csv"]).map((d) => [d.day, d.dimension, d.value])).toEqual([
      ["2025-01-05", "countries", "DE"],
      ["2025-01-05", "referrers", ""],
    ]);
    expect(csvRows(files["link-hourly-stats.csv"]).every((h) => /^2026-03-\d\dT\d\d:00:00\.000Z$/.test(h.hour ?? ""))).toBe(true);
    expect(csvRows(files["conversions.csv"])[0]?.occurredAt).toBe("2026-03-03T12:00:00.500Z");
  });

  it("prints UTC whatever time zone the pooled connections were left in", async () => {
    const pool = getPool();
    const setZone = async (sql: string) => {
      const clients = await Promise.all(Array.from({ length: Math.max(pool.idleCount, 1) }, () => pool.connect()));
      for (const client of clients) await client.query(sql);
      for (const client of clients) client.release();
    };
    await setZone("SET TIME ZONE 'Pacific/Chatham'"); // +13:45 or +12:45: any slip shows
    try {
      const again = unzip(await readAll(exportWorkspace(a.workspace.id, { now, batchSize: 5 })));
      for (const file of Object.keys(TABLE_OF)) expect(again[`${file}.csv`], file).toBe(files[`${file}.csv`]);
    } finally {
      await setZone("RESET TIME ZONE");
    }
  });

  it("describes itself: workspace.json with the settings, README.txt with the time, the files and what is left out", () => {
    const settings = JSON.parse(files["workspace.json"] ?? "{}") as Record<string, unknown>;
    expect(settings).toMatchObject({
      id: a.workspace.id,
      slug: a.workspace.slug,
      name: a.workspace.name,
      plan: "team",
      billingStatus: "active",
      stripeCustomerId: expect.stringMatching(/^cus_a/),
      currency: "USD",
      brandColor: "#ff5a1f",
      utmTemplate: { utm_source: "{platform}", utm_campaign: expect.stringMatching(/^camp-a/) },
    });
    const readme = files["README.txt"] ?? "";
    expect(readme).toContain(`"${a.workspace.name}" (${a.workspace.slug})`);
    expect(readme).toContain("Exported at 2026-05-01T14:03:07.123Z");
    expect(readme).toMatch(/UTC/);
    expect(readme).toContain("clicks.csv (23 rows)");
    for (const table of EXPORTED_TABLES) expect(readme).toContain(`${table}.csv (`);
    expect(readme).toMatch(/NOT INCLUDED/);
  });

  it("continues a large table in numbered parts, each with its header, none of its rows lost", async () => {
    const parted = unzip(await readAll(exportWorkspace(a.workspace.id, { now, batchSize: 5, partBytes: 600 })));
    const names = Object.keys(parted).filter((name) => /^clicks(-\d+)?\.csv$/.test(name));
    expect(names.length).toBeGreaterThan(1);
    expect(names).toContain("clicks-2.csv");
    const ids = tableRows(parted, "clicks").map((c) => c.id);
    expect(new Set(ids).size).toBe(23);
    expect(ids).toEqual(csvRows(files["clicks.csv"]).map((c) => c.id));
    expect(parted["README.txt"]).toContain("clicks-2.csv (");
  });

  it("fails rather than write an archive past what ZIP can address", async () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    await expect(readAll(exportWorkspace(a.workspace.id, { batchSize: 5, maxArchiveBytes: 2_000 }))).rejects.toThrow(/larger than a ZIP archive can hold/);
    consoleError.mockRestore();
  });

  it("stops reading when the download is cancelled", async () => {
    const reader = exportWorkspace(a.workspace.id, { batchSize: 5 }).getReader();
    expect((await reader.read()).done).toBe(false);
    await reader.cancel();
    expect((await reader.read()).done).toBe(true);
  });

  describe("GET /w/:workspace/settings/export", () => {
    const get = (slug: string) => route.GET(new Request(`http://localhost:3000/w/${slug}/settings/export`), { params: Promise.resolve({ workspace: slug }) });

    it("gives the owner the archive as a download", async () => {
      session.userId = a.user.id;
      const response = await get(a.workspace.slug);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/zip");
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="clickproof-${a.workspace.slug}-\\d{4}-\\d{2}-\\d{2}\\.zip"$`));
      const archive = unzip(new Uint8Array(await response.arrayBuffer()));
      expect(csvRows(archive["clicks.csv"])).toHaveLength(23);
    });

    it("refuses an admin (403), and answers 404 to another customer and to the signed out", async () => {
      session.userId = a.admin.id;
      const asAdmin = await get(a.workspace.slug);
      expect(asAdmin.status).toBe(403);
      expect(((await asAdmin.json()) as { error: { code: string; message: string } }).error).toEqual({ code: "forbidden", message: `This needs the "workspace.export" permission, which a admin does not have` });

      session.userId = b.user.id;
      expect((await get(a.workspace.slug)).status).toBe(404);
      session.userId = null;
      expect((await get(a.workspace.slug)).status).toBe(404);
      expect((await get("no-such-workspace")).status).toBe(404);
    });
  });
});
