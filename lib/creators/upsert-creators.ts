// API writes to creators that find them first: PATCH one by id, and the bulk upsert that finds
// each item's creator by e-mail or by a platform handle. Each creator is written in its own
// transaction, whole or not at all; one item's refusal never undoes another's.
import "server-only";
import type { z } from "zod";
import type { Platform } from "@prisma/client";
import { getDb } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, notFound, type FieldIssue } from "@/lib/errors";
import { writeCreatorPlatform, type Tx } from "@/lib/creators/creator-platforms";
import { platformLabel } from "@/lib/creators/platforms";
import { creatorInputSchema, patchCreatorSchema, type CreatorInput, type PlatformEntry } from "@/lib/creators/schema";
import { CREATOR_API_SELECT, type CreatorRecord } from "@/lib/creators/serialize";
import { parseInput, unknownFields } from "@/lib/validation";

export const CREATOR_BULK_MAX = 1_000;

/**
 * Creator writes of one workspace that look creators up by e-mail or handle take turns (the API,
 * the roster form and the CSV import), so two concurrent writes of the same person cannot both
 * decide "new" and create them twice.
 */
export async function lockWorkspaceCreators(tx: Tx, workspaceId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`creators:${workspaceId}`}))`;
}

/** Adds the listed accounts, or updates the creator's account on that platform (a changed count joins the history). */
async function writePlatforms(tx: Tx, workspaceId: string, creatorId: string, entries: readonly PlatformEntry[]) {
  if (entries.length === 0) return;
  const existing = await tx.creatorPlatform.findMany({ where: { workspaceId, creatorId }, select: { id: true, platform: true, handle: true, followers: true } });
  for (const entry of entries) {
    await writeCreatorPlatform(tx, workspaceId, creatorId, existing.find((p) => p.platform === entry.platform) ?? null, entry);
  }
}

async function insertCreator(tx: Tx, workspaceId: string, input: CreatorInput): Promise<CreatorRecord> {
  const created = await tx.creator.create({
    data: { workspaceId, name: input.name, email: input.email ?? null, niche: input.niche || null, notes: input.notes || null },
    select: { id: true },
  });
  await writePlatforms(tx, workspaceId, created.id, input.platforms);
  return tx.creator.findUniqueOrThrow({ where: { id: created.id }, select: CREATOR_API_SELECT });
}

/** PATCH /api/v1/creators/{id}: only the fields sent change; `null` clears e-mail, niche or notes. */
export async function patchCreator(workspaceId: string, creatorId: string, rawInput: unknown): Promise<CreatorRecord> {
  const input = parseInput(patchCreatorSchema, rawInput);
  return retryOnRace(() => patchInTransaction(workspaceId, creatorId, input));
}

async function patchInTransaction(workspaceId: string, creatorId: string, input: z.output<typeof patchCreatorSchema>): Promise<CreatorRecord> {
  return getDb().$transaction(async (tx) => {
    await lockWorkspaceCreators(tx, workspaceId);
    const found = await tx.creator.findFirst({ where: { id: creatorId, workspaceId }, select: { id: true } });
    if (!found) throw notFound("Creator not found");
    if (input.email) await assertEmailFree(tx, workspaceId, found.id, input.email);
    if (input.platforms) await assertHandlesFree(tx, workspaceId, found.id, input.platforms, "platforms");
    await tx.creator.update({
      where: { id: found.id, workspaceId },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.email !== undefined ? { email: input.email } : {}),
        ...(input.niche !== undefined ? { niche: input.niche || null } : {}),
        ...(input.notes !== undefined ? { notes: input.notes || null } : {}),
      },
    });
    await writePlatforms(tx, workspaceId, found.id, input.platforms ?? []);
    return tx.creator.findUniqueOrThrow({ where: { id: found.id }, select: CREATOR_API_SELECT });
  });
}

/**
 * POST /api/v1/creators: a new creator, under the same lock as the upsert and refusing a handle
 * another creator holds (a handle names one person; the upsert finds creators by it).
 */
export async function createCreatorChecked(workspaceId: string, input: CreatorInput, platformPaths?: readonly string[]): Promise<CreatorRecord> {
  return retryOnRace(() =>
    getDb().$transaction(async (tx) => {
      await lockWorkspaceCreators(tx, workspaceId);
      await assertEmailFree(tx, workspaceId, null, input.email);
      await assertHandlesFree(tx, workspaceId, null, input.platforms, platformPaths ?? "platforms");
      return insertCreator(tx, workspaceId, input);
    }),
  );
}

/**
 * The roster form can add an account at the same instant without this lock; the unique
 * (creator, platform) index then refuses one writer. Its item is refused with a conflict to retry,
 * never a 500 in the middle of a batch.
 */
async function retryOnRace<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", "This creator was changed by another request at the same moment; send it again");
    throw error;
  }
}

/** An e-mail names one creator in a workspace (a unique index holds it too): another's is refused on the field. */
export async function assertEmailFree(tx: Tx, workspaceId: string, creatorId: string | null, email: string | null | undefined, path = "email") {
  if (!email) return;
  const other = await tx.creator.findFirst({
    where: { workspaceId, email: { equals: email, mode: "insensitive" }, ...(creatorId ? { id: { not: creatorId } } : {}) },
    select: { id: true, name: true },
  });
  if (other) throw new AppError("conflict", "This e-mail belongs to another creator", [{ path, message: `${email} is the e-mail of another creator in this workspace (${other.name}, ${other.id})` }]);
}

type HandleOwner = { creatorId: string; platform: Platform; handle: string; creator: { name: string } };

async function handleOwners(tx: Tx, workspaceId: string, platforms: readonly PlatformEntry[]): Promise<HandleOwner[]> {
  if (platforms.length === 0) return [];
  return tx.creatorPlatform.findMany({
    where: { workspaceId, OR: platforms.map((p) => ({ platform: p.platform, handle: { equals: p.handle, mode: "insensitive" as const } })) },
    select: { creatorId: true, platform: true, handle: true, creator: { select: { name: true } } },
  });
}

/**
 * A handle names one person: giving a creator an account another creator holds is refused, naming
 * the field — `basePath` is the list's path, or each account's own path (a form's rows).
 */
async function assertHandlesFree(tx: Tx, workspaceId: string, creatorId: string | null, platforms: readonly PlatformEntry[], basePath: string | readonly string[]) {
  const owners = await handleOwners(tx, workspaceId, platforms);
  const issues: FieldIssue[] = platforms.flatMap((entry, index) => {
    const other = owners.find((o) => o.creatorId !== creatorId && o.platform === entry.platform && o.handle.toLowerCase() === entry.handle.toLowerCase());
    const path = typeof basePath === "string" ? `${basePath}.${index}` : (basePath[index] ?? `platforms.${index}`);
    return other
      ? [{ path: `${path}.handle`, message: `@${other.handle} on ${platformLabel(other.platform)} belongs to another creator (${other.creator.name}, ${other.creatorId})` }]
      : [];
  });
  if (issues.length > 0) throw new AppError("conflict", "A handle belongs to another creator", issues);
}

export type UpsertOutcome = { ok: true; status: "created" | "updated"; creator: CreatorRecord } | { ok: false; error: AppError };

/**
 * POST /api/v1/creators/bulk: each item is a creator (name, e-mail, platforms). Its creator is
 * the one with its e-mail; without an e-mail match, the one holding one of its handles on that
 * platform; otherwise it is new. Archived creators are found too (and stay archived). A match
 * takes the item's name, e-mail, niche and notes where given, and its platform accounts are added
 * or updated; accounts not listed stay. Items are applied in order, so a later item can update
 * what an earlier one created.
 */
export async function upsertCreators(workspaceId: string, rawItems: readonly unknown[], options: { refuseUnknownFields?: boolean } = {}): Promise<UpsertOutcome[]> {
  const outcomes: UpsertOutcome[] = [];
  for (const raw of rawItems) {
    try {
      // the API's items name only fields it knows (a typo is refused, not ignored), each on its own
      const unknown = options.refuseUnknownFields ? unknownFields(creatorInputSchema, raw) : [];
      if (unknown.length > 0) throw new AppError("invalid_input", `Invalid input — ${unknown.map((i) => `${i.path}: ${i.message}`).join("; ")}`, unknown);
      outcomes.push(await upsertOne(workspaceId, raw));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes.push({ ok: false, error });
    }
  }
  return outcomes;
}

async function upsertOne(workspaceId: string, raw: unknown): Promise<UpsertOutcome> {
  const input = parseInput(creatorInputSchema, raw); // refuses NUL and lone surrogates, naming the field
  return retryOnRace(() => upsertInTransaction(workspaceId, input));
}

async function upsertInTransaction(workspaceId: string, input: CreatorInput): Promise<UpsertOutcome> {
  return getDb().$transaction(async (tx) => {
    await lockWorkspaceCreators(tx, workspaceId);
    const byEmail = input.email
      ? await tx.creator.findFirst({ where: { workspaceId, email: { equals: input.email, mode: "insensitive" } }, orderBy: { createdAt: "asc" }, select: { id: true } })
      : null;
    let creatorId = byEmail?.id ?? null;
    if (creatorId) {
      await assertHandlesFree(tx, workspaceId, creatorId, input.platforms, "platforms");
    } else {
      const owners = await handleOwners(tx, workspaceId, input.platforms);
      const distinct = [...new Map(owners.map((o) => [o.creatorId, o.creator.name])).entries()];
      if (distinct.length > 1) {
        const names = distinct.map(([id, name]) => `${name} (${id})`).join(", ");
        throw new AppError("conflict", "These handles belong to different creators", [{ path: "platforms", message: `These handles belong to different creators: ${names}; send one creator's accounts per item` }]);
      }
      creatorId = distinct[0]?.[0] ?? null;
    }
    if (!creatorId) return { ok: true as const, status: "created" as const, creator: await insertCreator(tx, workspaceId, input) };
    await tx.creator.update({
      where: { id: creatorId, workspaceId },
      data: {
        name: input.name,
        ...(input.email ? { email: input.email } : {}),
        ...(input.niche !== undefined ? { niche: input.niche || null } : {}),
        ...(input.notes !== undefined ? { notes: input.notes || null } : {}),
      },
    });
    await writePlatforms(tx, workspaceId, creatorId, input.platforms);
    return { ok: true as const, status: "updated" as const, creator: await tx.creator.findUniqueOrThrow({ where: { id: creatorId }, select: CREATOR_API_SELECT }) };
  });
}
