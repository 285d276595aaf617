// Recording conversions and their reversals. Idempotent on the caller's externalId: a retry gets
// the conversion recorded the first time, never a second one; the same externalId with another
// conversion's fields is a 409 naming them. Attribution is decided once, on
// arrival (lib/conversions/attribution.ts), from this workspace's clicks and promo codes only.
import "server-only";
import type { Conversion, ConversionReversal } from "@prisma/client";
import { afterCursor, pageOf } from "@/lib/pagination";
import { requireFeature } from "@/lib/billing/gates";
import { decideAttribution, type ClickCandidate } from "@/lib/conversions/attribution";
import { conversionCursor, conversionInputSchema, reversalInputSchema, type ListConversionsQuery } from "@/lib/conversions/schema";
import { getDb, getPool } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, invalidField, notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

import type { ConversionSource } from "@/lib/conversions/sources";

export type { ConversionSource } from "@/lib/conversions/sources";
export type ConversionWithReversals = Conversion & { reversals: ConversionReversal[] };

/** Refuses times more than a few minutes ahead: a conversion cannot come from the future. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

async function findClick(workspaceId: string, clickId: string): Promise<ClickCandidate | null> {
  const { rows } = await getPool().query<ClickCandidate>(
    `SELECT c."id", c."createdAt", c."linkId", l."creatorId", l."campaignId"
       FROM "Click" c JOIN "Link" l ON l."id" = c."linkId"
      WHERE c."id" = $1 AND c."workspaceId" = $2`,
    [clickId, workspaceId],
  );
  return rows[0] ?? null;
}

/**
 * Unscoped by design, and answering only yes or no: whether a click id belongs to *another*
 * workspace, so such a conversion is refused instead of recorded against the wrong tenant.
 */
async function unsafeIsOtherWorkspacesClick(workspaceId: string, clickId: string): Promise<boolean> {
  const { rows } = await getPool().query(`SELECT 1 FROM "Click" WHERE "id" = $1 AND "workspaceId" <> $2`, [clickId, workspaceId]);
  return rows.length > 0;
}

/**
 * An externalId sent again is a retry only with the same conversion: the fields it sends that
 * contradict the one recorded, each as a refusal naming it (a new order reusing an old id must
 * not vanish into the old one's 200). A field the retry leaves out contradicts nothing (a server
 * report without the browser's click id); a retry without occurredAt matches whatever time was
 * recorded. The refusal names fields, never the recorded values.
 */
function differences(known: Conversion, input: ReturnType<typeof conversionInputSchema.parse>): { path: string; message: string }[] {
  const sent: Record<string, unknown> = { event: input.event, value: input.value, currency: input.currency, clickId: input.clickId, promoCode: input.promoCode };
  const recorded: Record<string, unknown> = { event: known.event, value: known.valueMinor, currency: known.currency, clickId: known.clickId, promoCode: known.promoCode };
  if (input.occurredAt) {
    sent.occurredAt = new Date(input.occurredAt).getTime();
    recorded.occurredAt = known.occurredAt.getTime();
  }
  return Object.keys(sent)
    .filter((field) => sent[field] !== undefined && sent[field] !== recorded[field])
    .map((field) => ({ path: field, message: `Differs from the conversion recorded under this externalId: a retry sends the same, a new conversion a new externalId` }));
}

/**
 * The recorded conversion for a retry, or a 409 when the externalId is reused for another one.
 * From the browser (a publishable key anyone can read) a reused id is a duplicate like any other:
 * no answer there may tell what another order holds, not even which of its fields differ.
 */
function retryOf(known: ConversionWithReversals, input: ReturnType<typeof conversionInputSchema.parse>, source: ConversionSource): { conversion: ConversionWithReversals; created: false } {
  const differ = source === "script" ? [] : differences(known, input);
  if (differ.length > 0) throw new AppError("conflict", `externalId ${input.externalId} was already used for a different conversion`, differ);
  return { conversion: known, created: false };
}

function existing(workspaceId: string, externalId: string) {
  return getDb().conversion.findUnique({ where: { workspaceId_externalId: { workspaceId, externalId } }, include: { reversals: true } });
}

export async function recordConversion(workspaceId: string, rawInput: unknown, source: ConversionSource): Promise<{ conversion: ConversionWithReversals; created: boolean }> {
  const input = parseInput(conversionInputSchema, rawInput);
  await requireFeature(workspaceId, "conversions");
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date();
  if (occurredAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) throw invalidField("occurredAt", "occurredAt is in the future");

  const known = await existing(workspaceId, input.externalId);
  if (known) return retryOf(known, input, source);

  const db = getDb();
  const [workspace, click, promo] = await Promise.all([
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { attributionWindowDays: true } }),
    input.clickId ? findClick(workspaceId, input.clickId) : Promise.resolve(null),
    input.promoCode ? db.promoCode.findUnique({ where: { workspaceId_code: { workspaceId, code: input.promoCode } }, select: { code: true, creatorId: true, campaignId: true } }) : Promise.resolve(null),
  ]);
  if (input.clickId && !click && (await unsafeIsOtherWorkspacesClick(workspaceId, input.clickId))) {
    throw invalidField("clickId", "This click id is not one of this workspace's clicks: a conversion can only be attributed to your own links");
  }
  const decided = decideAttribution({ clickIdSent: input.clickId, click, promoSent: input.promoCode, promo, occurredAt, windowDays: workspace.attributionWindowDays });
  try {
    const conversion = await db.conversion.create({
      data: {
        workspaceId,
        externalId: input.externalId,
        event: input.event,
        valueMinor: input.value ?? null,
        currency: input.currency ?? null,
        clickId: input.clickId ?? null,
        promoCode: input.promoCode ?? null,
        attribution: decided.attribution,
        attributionReason: decided.reason,
        linkId: decided.linkId,
        creatorId: decided.creatorId,
        campaignId: decided.campaignId,
        source,
        occurredAt,
      },
      include: { reversals: true },
    });
    return { conversion, created: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await existing(workspaceId, input.externalId); // the same externalId, sent twice at once
    if (!raced) throw error;
    return retryOf(raced, input, source);
  }
}

/**
 * A refund or cancellation. Without a value it reverses what is left (the conversion then no
 * longer counts); with one, that much revenue (a partial refund). Idempotent on its externalId.
 */
export async function reverseConversion(workspaceId: string, rawInput: unknown): Promise<{ reversal: ConversionReversal; conversion: ConversionWithReversals; created: boolean }> {
  const input = parseInput(reversalInputSchema, rawInput);
  await requireFeature(workspaceId, "conversions");
  const db = getDb();
  const again = await db.conversionReversal.findUnique({ where: { workspaceId_externalId: { workspaceId, externalId: input.externalId } }, include: { conversion: { include: { reversals: true } } } });
  if (again) {
    if (again.conversion.externalId !== input.conversionExternalId) {
      throw new AppError("conflict", `Reversal ${input.externalId} was already recorded for another conversion`, [{ path: "externalId", message: "Already used for another conversion" }]);
    }
    const { conversion, ...reversal } = again;
    return { reversal, conversion, created: false };
  }
  try {
    return await db.$transaction(async (tx) => {
      // Locks the conversion so two partial refunds cannot both take the last of its value.
      const rows = await tx.$queryRaw<{ id: string; valueMinor: number | null }[]>`
        SELECT "id", "valueMinor" FROM "Conversion" WHERE "workspaceId" = ${workspaceId} AND "externalId" = ${input.conversionExternalId} FOR UPDATE`;
      const target = rows[0];
      if (!target) throw notFound(`No conversion with externalId "${input.conversionExternalId}" in this workspace`);
      const previous = await tx.conversionReversal.findMany({ where: { conversionId: target.id } });
      if (previous.some((r) => r.full)) throw new AppError("conflict", `Conversion "${input.conversionExternalId}" is already fully reversed`);
      const remaining = (target.valueMinor ?? 0) - previous.reduce((sum, r) => sum + r.valueMinor, 0);
      const value = input.value ?? remaining;
      if (value > remaining) throw invalidField("value", `At most ${remaining} (minor units) is left to reverse on this conversion`);
      const reversal = await tx.conversionReversal.create({
        data: { workspaceId, conversionId: target.id, externalId: input.externalId, valueMinor: value, full: input.value === undefined || value === remaining, reason: input.reason ?? null },
      });
      const conversion = await tx.conversion.findUniqueOrThrow({ where: { id: target.id }, include: { reversals: true } });
      return { reversal, conversion, created: true };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return reverseConversion(workspaceId, rawInput); // the same reversal raced in: answer as a retry
  }
}

/** The API's shape of a conversion, with its attribution and what has been reversed. */
export function serializeConversion(conversion: ConversionWithReversals) {
  const reversedMinor = conversion.reversals.reduce((sum, r) => sum + r.valueMinor, 0);
  const cancelled = conversion.reversals.some((r) => r.full);
  return {
    id: conversion.id,
    externalId: conversion.externalId,
    event: conversion.event,
    value: conversion.valueMinor,
    currency: conversion.currency,
    occurredAt: conversion.occurredAt.toISOString(),
    source: conversion.source,
    attribution: {
      type: conversion.attribution,
      reason: conversion.attributionReason,
      clickId: conversion.clickId,
      promoCode: conversion.promoCode,
      linkId: conversion.linkId,
      creatorId: conversion.creatorId,
      campaignId: conversion.campaignId,
    },
    reversed: { value: reversedMinor, cancelled, netValue: conversion.valueMinor === null ? null : conversion.valueMinor - reversedMinor },
  };
}

export type FeedEntry = Awaited<ReturnType<typeof listConversions>>[number];

/** The newest conversions of a workspace (or of one campaign), with who they went to and why. */
export function listConversions(workspaceId: string, options: { campaignId?: string; limit?: number; offset?: number } = {}) {
  return getDb().conversion.findMany({
    where: { workspaceId, ...(options.campaignId ? { campaignId: options.campaignId } : {}) },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: options.limit ?? 50,
    skip: options.offset ?? 0,
    include: { reversals: true, creator: { select: { name: true } }, campaign: { select: { name: true } }, link: { select: { slug: true } } },
  });
}

/** How many conversions a workspace (or one campaign) has: the feed's page count. */
export function countConversions(workspaceId: string, options: { campaignId?: string } = {}) {
  return getDb().conversion.count({ where: { workspaceId, ...(options.campaignId ? { campaignId: options.campaignId } : {}) } });
}

/** A page of a workspace's conversions for the API, newest first, with the cursor of the next page. */
export async function listConversionsPage(workspaceId: string, query: ListConversionsQuery) {
  const rows = await getDb().conversion.findMany({
    where: {
      workspaceId,
      ...(query.campaignId ? { campaignId: query.campaignId } : {}),
      ...(query.creatorId ? { creatorId: query.creatorId } : {}),
      ...(query.attribution ? { attribution: query.attribution } : {}),
      ...afterCursor("occurredAt", query.cursor),
    },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    include: { reversals: true },
  });
  const { page, nextCursor } = pageOf(rows, query.limit, conversionCursor);
  return { data: page.map(serializeConversion), nextCursor };
}
