import "server-only";
import { Prisma } from "@prisma/client";
import { z } from "zod";
import { afterCursor, archivedFlagSchema, cursorSchema, encodeCursor, pageLimitSchema, pageOf, type Cursor } from "@/lib/pagination";
import { requireFeature } from "@/lib/billing/gates";
import { getDb } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, invalidField, notFound } from "@/lib/errors";
import { MAX_AMOUNT_MINOR, relabelMinor } from "@/lib/money";
import { KPI_CATALOG } from "@/lib/analytics/kpi";
import { campaignCreatorTermsSchema, campaignPatchSchema, campaignRulesSchema, campaignSchema, type CampaignInput } from "@/lib/campaigns/schema";
import { storedUtmTemplate } from "@/lib/links/utm";
import { assertNotServedDomain } from "@/lib/domains/domains";
import { configuredLinkHosts } from "@/lib/links/request-hosts";
import { assertNotOwnHost, type ShortLinkHosts } from "@/lib/urls/short-url";
import { firstFreeSlug, slugify } from "@/lib/slug";
import { parseInput } from "@/lib/validation";

// Every write here needs campaign tagging in the plan (lib/billing/plans.ts). After a downgrade the
// campaigns stay, read-only, until the workspace upgrades again.

const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

function campaignData(input: CampaignInput) {
  return {
    name: input.name,
    objective: input.objective,
    startsOn: day(input.startsOn),
    endsOn: day(input.endsOn),
    budgetMinor: input.budgetMinor,
    currency: input.currency,
    destinationUrl: input.destinationUrl,
    utmTemplate: input.utmTemplate ?? Prisma.DbNull, // null clears it
  };
}


/**
 * A campaign's destination becomes every generated link's: refused here, when it is set, if it
 * would send visitors back through us (our own hosts, or a brand's domain we serve).
 */
async function assertDestination(hosts: ShortLinkHosts, url: string | null | undefined): Promise<void> {
  if (!url) return;
  assertNotOwnHost(hosts, url, "destinationUrl");
  await assertNotServedDomain("destinationUrl", url);
}

function kpiRows(workspaceId: string, input: CampaignInput) {
  return input.kpis.map((k, position) => ({ workspaceId, kpi: k.kpi, target: k.target, primary: k.primary, position }));
}

export async function createCampaign(workspaceId: string, rawInput: unknown, hosts: ShortLinkHosts = configuredLinkHosts()) {
  await requireFeature(workspaceId, "campaigns");
  const input = parseInput(campaignSchema, rawInput);
  await assertDestination(hosts, input.destinationUrl);
  const db = getDb();
  const base = slugify(input.name, 40) || "campaign";
  for (let attempt = 0; attempt < 3; attempt++) {
    const taken = await db.campaign.findMany({ where: { workspaceId, slug: { startsWith: base } }, select: { slug: true } });
    try {
      return await db.campaign.create({
        data: {
          workspaceId,
          slug: firstFreeSlug(base, new Set(taken.map((c) => c.slug))),
          ...campaignData(input),
          kpis: { create: kpiRows(workspaceId, input) },
        },
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new AppError("conflict", "Could not reserve a campaign address; please try again");
}

/** Updates a campaign; its slug stays, since links already carry it. KPIs are replaced as a set. */
export async function updateCampaign(workspaceId: string, campaignId: string, rawInput: unknown, hosts: ShortLinkHosts = configuredLinkHosts()) {
  await requireFeature(workspaceId, "campaigns");
  const input = parseInput(campaignSchema, rawInput);
  await assertDestination(hosts, input.destinationUrl);
  return getDb().$transaction(async (tx) => {
    const before = await lockCampaign(tx, workspaceId, campaignId);
    return writeCampaign(tx, workspaceId, campaignId, before.currency, input);
  });
}

/**
 * PATCH: the fields sent replace the campaign's, the rest stay. The merge happens under the row
 * lock, so two PATCHes of different fields at once both land; the merged campaign is checked by
 * the same rules as a new one (an end date before the start is refused however it came about).
 */
export async function patchCampaign(workspaceId: string, campaignId: string, rawPatch: unknown, hosts: ShortLinkHosts = configuredLinkHosts()) {
  await requireFeature(workspaceId, "campaigns");
  const patch = parseInput(campaignPatchSchema, rawPatch);
  await assertDestination(hosts, patch.destinationUrl);
  return getDb().$transaction(async (tx) => {
    const before = await lockCampaign(tx, workspaceId, campaignId);
    const current = await tx.campaign.findFirstOrThrow({ where: { id: campaignId, workspaceId }, include: { kpis: { orderBy: { position: "asc" } } } });
    const stored = campaignInputOf(current);
    // A new currency alone keeps the amounts as typed, as the form does: a $5,000.00 budget becomes ¥5,000.
    const relabel = (minor: number | null) => (minor === null || !patch.currency ? minor : relabelMinor(minor, stored.currency, patch.currency));
    const merged: CampaignInput = {
      ...stored,
      budgetMinor: relabel(stored.budgetMinor),
      kpis: stored.kpis.map((k) => (KPI_CATALOG[k.kpi].unit === "money" ? { ...k, target: relabel(k.target) } : k)),
      ...patch,
    };
    if (Math.max(merged.budgetMinor ?? 0, ...merged.kpis.map((k) => (KPI_CATALOG[k.kpi].unit === "money" ? (k.target ?? 0) : 0))) > MAX_AMOUNT_MINOR) {
      throw invalidField("currency", `The budget or a target would be too large in ${patch.currency}; lower it before changing the currency`);
    }
    // Only the fields sent are validated field by field (a value stored under older rules stays
    // untouched); the rules across fields hold for the merged campaign.
    return writeCampaign(tx, workspaceId, campaignId, before.currency, parseInput(campaignRulesSchema, merged));
  });
}

async function lockCampaign(tx: Prisma.TransactionClient, workspaceId: string, campaignId: string) {
  const [before] = await tx.$queryRaw<{ currency: string }[]>`SELECT currency FROM "Campaign" WHERE id = ${campaignId} AND "workspaceId" = ${workspaceId} FOR UPDATE`;
  if (!before) throw notFound("Campaign not found");
  return before;
}

async function writeCampaign(tx: Prisma.TransactionClient, workspaceId: string, campaignId: string, currencyBefore: string, input: CampaignInput) {
  await tx.campaign.update({ where: { id: campaignId }, data: campaignData(input) });
  if (currencyBefore !== input.currency) await relabelTerms(tx, workspaceId, campaignId, currencyBefore, input.currency);
  await tx.campaignKpi.deleteMany({ where: { campaignId, workspaceId } });
  await tx.campaignKpi.createMany({ data: kpiRows(workspaceId, input).map((row) => ({ ...row, campaignId })) });
  return tx.campaign.findFirstOrThrow({ where: { id: campaignId, workspaceId }, include: { kpis: { orderBy: [{ primary: "desc" }, { position: "asc" }] } } });
}

const isoDayOf = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

type StoredCampaign = {
  name: string;
  objective: CampaignInput["objective"];
  startsOn: Date | null;
  endsOn: Date | null;
  budgetMinor: number | null;
  currency: string;
  destinationUrl: string | null;
  utmTemplate: Prisma.JsonValue;
  kpis: { kpi: CampaignInput["kpis"][number]["kpi"]; target: number | null; primary: boolean }[];
};

/** A stored campaign as the input that would store it again. */
export function campaignInputOf(campaign: StoredCampaign) {
  return {
    name: campaign.name,
    objective: campaign.objective,
    startsOn: isoDayOf(campaign.startsOn),
    endsOn: isoDayOf(campaign.endsOn),
    budgetMinor: campaign.budgetMinor,
    currency: campaign.currency,
    destinationUrl: campaign.destinationUrl,
    kpis: campaign.kpis.map((k) => ({ kpi: k.kpi, target: k.target, primary: k.primary })),
    utmTemplate: storedUtmTemplate(campaign.utmTemplate),
  };
}

/**
 * A campaign moved to another currency keeps its creators' fees as the numbers people typed: a
 * $500 fee becomes ¥500 or €500, not ¥50,000 (minor units differ). Nothing is converted: the
 * brand changed what the numbers mean, and can edit them.
 */
async function relabelTerms(tx: Prisma.TransactionClient, workspaceId: string, campaignId: string, from: string, to: string) {
  if (relabelMinor(1, from, to) === 1) return;
  const terms = await tx.campaignCreator.findMany({ where: { workspaceId, campaignId }, select: { id: true, flatFeeMinor: true, giftedValueMinor: true } });
  for (const t of terms) {
    const data = { flatFeeMinor: relabelMinor(t.flatFeeMinor, from, to), giftedValueMinor: relabelMinor(t.giftedValueMinor, from, to) };
    if (Math.max(data.flatFeeMinor, data.giftedValueMinor) > MAX_AMOUNT_MINOR) {
      throw invalidField("currency", `A creator's fee would be too large in ${to}; lower it before changing the currency`);
    }
    await tx.campaignCreator.update({ where: { id: t.id }, data });
  }
}

/** The currency a campaign's amounts are typed and stored in. */
export async function getCampaignCurrency(workspaceId: string, campaignId: string): Promise<string> {
  const campaign = await getDb().campaign.findFirst({ where: { id: campaignId, workspaceId }, select: { currency: true } });
  if (!campaign) throw notFound("Campaign not found");
  return campaign.currency;
}

export async function setCampaignArchived(workspaceId: string, campaignId: string, archived: boolean) {
  await requireFeature(workspaceId, "campaigns");
  const { count } = await getDb().campaign.updateMany({ where: { id: campaignId, workspaceId }, data: { archivedAt: archived ? new Date() : null } });
  if (count === 0) throw notFound("Campaign not found");
}

export function getCampaign(workspaceId: string, campaignId: string) {
  return getDb().campaign.findFirst({
    where: { id: campaignId, workspaceId },
    include: {
      kpis: { orderBy: [{ primary: "desc" }, { position: "asc" }] },
      creators: {
        orderBy: { createdAt: "asc" },
        include: { creator: { select: { id: true, name: true, archivedAt: true, platforms: { select: { platform: true, handle: true, followers: true } } } } },
      },
    },
  });
}

export type CampaignDetail = NonNullable<Awaited<ReturnType<typeof getCampaign>>>;

export function listCampaigns(workspaceId: string, options: { archived?: boolean } = {}) {
  return getDb().campaign.findMany({
    where: { workspaceId, archivedAt: options.archived ? { not: null } : null },
    orderBy: [{ startsOn: { sort: "desc", nulls: "last" } }, { createdAt: "desc" }],
    include: { _count: { select: { creators: true, links: true } } },
  });
}

export function listCampaignOptions(workspaceId: string) {
  return getDb().campaign.findMany({ where: { workspaceId, archivedAt: null }, select: { id: true, name: true }, orderBy: { createdAt: "desc" } });
}

/** Adds a creator to a campaign with the agreed cost, or updates the terms if already in it. */
export async function upsertCampaignCreator(workspaceId: string, campaignId: string, rawInput: unknown) {
  await requireFeature(workspaceId, "campaigns");
  const input = parseInput(campaignCreatorTermsSchema, rawInput);
  const db = getDb();
  const [campaign, creator] = await Promise.all([
    db.campaign.findFirst({ where: { id: campaignId, workspaceId }, select: { id: true } }),
    db.creator.findFirst({ where: { id: input.creatorId, workspaceId }, select: { id: true } }),
  ]);
  if (!campaign) throw notFound("Campaign not found");
  if (!creator) throw invalidField("creatorId", "No such creator in this workspace");
  const terms = { flatFeeMinor: input.flatFeeMinor, giftedValueMinor: input.giftedValueMinor, commissionRate: input.commissionRate };
  return db.campaignCreator.upsert({
    where: { campaignId_creatorId: { campaignId, creatorId: creator.id } },
    create: { workspaceId, campaignId, creatorId: creator.id, ...terms },
    update: terms,
  });
}

/** Takes a creator out of a campaign. Their links stay (with their clicks), still tagged. */
export async function removeCampaignCreator(workspaceId: string, campaignId: string, creatorId: string) {
  await requireFeature(workspaceId, "campaigns");
  const { count } = await getDb().campaignCreator.deleteMany({ where: { workspaceId, campaignId, creatorId } });
  if (count === 0) throw notFound("That creator is not in this campaign");
}

// ---------- the REST API's reads ----------

const API_KPIS = { kpis: { orderBy: [{ primary: "desc" as const }, { position: "asc" as const }] } };

/** GET /api/v1/campaigns: newest first, a page at a time. */
export const listCampaignsQuerySchema = z.object({
  archived: archivedFlagSchema("campaigns"),
  limit: pageLimitSchema(1000, 100).meta({ description: "page size, 1–1000 (100 by default)" }),
  cursor: cursorSchema.optional(),
});

export async function listCampaignsPage(workspaceId: string, query: z.output<typeof listCampaignsQuerySchema>) {
  const rows = await getDb().campaign.findMany({
    where: { workspaceId, archivedAt: query.archived ? { not: null } : null, ...afterCursor("createdAt", query.cursor) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: API_KPIS,
  });
  const { page, nextCursor } = pageOf(rows, query.limit, (campaign) => encodeCursor(campaign.createdAt, campaign.id));
  return { campaigns: page, nextCursor };
}

export function getCampaignForApi(workspaceId: string, campaignId: string) {
  return getDb().campaign.findFirst({ where: { id: campaignId, workspaceId }, include: API_KPIS });
}

/** The campaign's creators with their terms, in the order they joined; null when no such campaign. */
/** GET /api/v1/campaigns/{id}/creators: in the order they joined, a page at a time; null for no such campaign. */
export async function listCampaignCreators(workspaceId: string, campaignId: string, page: { limit: number; cursor?: Cursor }) {
  const campaign = await getDb().campaign.findFirst({
    where: { id: campaignId, workspaceId },
    select: {
      currency: true,
      creators: {
        where: { workspaceId, ...afterCursor("createdAt", page.cursor, "asc") },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: page.limit + 1,
        include: { creator: { select: { name: true } } },
      },
    },
  });
  if (!campaign) return null;
  const { page: creators, nextCursor } = pageOf(campaign.creators, page.limit, (terms) => encodeCursor(terms.createdAt, terms.id));
  return { currency: campaign.currency, creators, nextCursor };
}

/** One creator's terms in a campaign, with the campaign's currency; null when not in it. */
export async function getCampaignCreator(workspaceId: string, campaignId: string, creatorId: string) {
  return getDb().campaignCreator.findFirst({
    where: { workspaceId, campaignId, creatorId },
    include: { creator: { select: { name: true } }, campaign: { select: { currency: true } } },
  });
}

/**
 * PUT /api/v1/campaigns/{id}/creators/{creatorId}: adds the creator with these terms, or replaces
 * their terms. Either id from elsewhere is not found.
 */
export async function setCampaignCreatorTerms(workspaceId: string, campaignId: string, creatorId: string, terms: Omit<z.input<typeof campaignCreatorTermsSchema>, "creatorId">) {
  await requireFeature(workspaceId, "campaigns");
  const db = getDb();
  const [creator, before] = await Promise.all([
    db.creator.findFirst({ where: { id: creatorId, workspaceId }, select: { id: true } }),
    db.campaignCreator.findFirst({ where: { workspaceId, campaignId, creatorId }, select: { id: true } }),
  ]);
  if (!creator) throw notFound("Creator not found");
  let added = !before;
  try {
    await upsertCampaignCreator(workspaceId, campaignId, { ...terms, creatorId: creator.id });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // the same creator added by another request at this instant: theirs was the add, ours replaces the terms
    added = false;
    await upsertCampaignCreator(workspaceId, campaignId, { ...terms, creatorId: creator.id });
  }
  const written = await getCampaignCreator(workspaceId, campaignId, creator.id);
  if (!written) throw notFound("Campaign not found"); // removed in the meantime
  return { terms: written, added };
}
