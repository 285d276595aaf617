import "server-only";
import type { Prisma } from "@prisma/client";
import { requireFeature } from "@/lib/billing/gates";
import { getDb } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, invalidField, notFound } from "@/lib/errors";
import { MAX_AMOUNT_MINOR, relabelMinor } from "@/lib/money";
import { campaignCreatorTermsSchema, campaignSchema, type CampaignInput } from "@/lib/campaigns/schema";
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
    utmTemplate: input.utmTemplate ?? undefined,
  };
}

function kpiRows(workspaceId: string, input: CampaignInput) {
  return input.kpis.map((k, position) => ({ workspaceId, kpi: k.kpi, target: k.target, primary: k.primary, position }));
}

export async function createCampaign(workspaceId: string, rawInput: unknown) {
  await requireFeature(workspaceId, "campaigns");
  const input = parseInput(campaignSchema, rawInput);
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
export async function updateCampaign(workspaceId: string, campaignId: string, rawInput: unknown) {
  await requireFeature(workspaceId, "campaigns");
  const input = parseInput(campaignSchema, rawInput);
  const db = getDb();
  return db.$transaction(async (tx) => {
    const [before] = await tx.$queryRaw<{ currency: string }[]>`SELECT currency FROM "Campaign" WHERE id = ${campaignId} AND "workspaceId" = ${workspaceId} FOR UPDATE`;
    if (!before) throw notFound("Campaign not found");
    await tx.campaign.update({ where: { id: campaignId }, data: campaignData(input) });
    if (before.currency !== input.currency) await relabelTerms(tx, workspaceId, campaignId, before.currency, input.currency);
    await tx.campaignKpi.deleteMany({ where: { campaignId, workspaceId } });
    await tx.campaignKpi.createMany({ data: kpiRows(workspaceId, input).map((row) => ({ ...row, campaignId })) });
    return tx.campaign.findFirstOrThrow({ where: { id: campaignId, workspaceId } });
  });
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
