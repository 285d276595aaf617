// A creator's platform accounts. `CreatorPlatform.followers` is the latest count and every change
// of it appends a FollowerCount row, so a campaign can later use the count at the time of a post.
import "server-only";
import type { Platform } from "@prisma/client";
import { getDb, type Db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, notFound } from "@/lib/errors";
import { platformLabel } from "@/lib/creators/platforms";
import { platformEntrySchema, updatePlatformSchema, type PlatformEntry } from "@/lib/creators/schema";
import { parseInput } from "@/lib/validation";

/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

type ExistingPlatform = { id: string; handle: string; followers: number };

/**
 * Creates the account, or updates it; a new account and a changed follower count each append a
 * history row. Returns whether the count changed. Callers pass a transaction, so the account and
 * its history row are written together or not at all.
 */
export async function writeCreatorPlatform(tx: Tx, workspaceId: string, creatorId: string, existing: ExistingPlatform | null, entry: PlatformEntry) {
  if (!existing) {
    const created = await tx.creatorPlatform.create({
      data: { workspaceId, creatorId, platform: entry.platform, handle: entry.handle, followers: entry.followers },
    });
    await tx.followerCount.create({ data: { workspaceId, creatorPlatformId: created.id, followers: entry.followers } });
    return { id: created.id, created: true, followersChanged: true };
  }
  const followersChanged = existing.followers !== entry.followers;
  if (followersChanged || existing.handle !== entry.handle) {
    await tx.creatorPlatform.update({ where: { id: existing.id, workspaceId }, data: { handle: entry.handle, followers: entry.followers } });
  }
  if (followersChanged) {
    await tx.followerCount.create({ data: { workspaceId, creatorPlatformId: existing.id, followers: entry.followers } });
  }
  return { id: existing.id, created: false, followersChanged };
}

async function scopedCreatorId(workspaceId: string, creatorId: string) {
  const creator = await getDb().creator.findFirst({ where: { id: creatorId, workspaceId }, select: { id: true } });
  if (!creator) throw notFound("Creator not found");
  return creator.id;
}

async function scopedPlatform(workspaceId: string, creatorId: string, platformId: string) {
  const platform = await getDb().creatorPlatform.findFirst({
    where: { id: platformId, creatorId, workspaceId },
    select: { id: true, platform: true, handle: true, followers: true },
  });
  if (!platform) throw notFound("Platform not found");
  return platform;
}

function alreadyHas(platform: Platform): AppError {
  const message = `This creator already has a ${platformLabel(platform)} account; edit it instead`;
  return new AppError("conflict", message, [{ path: "platform", message }]);
}

export async function addCreatorPlatform(workspaceId: string, creatorId: string, rawInput: unknown) {
  const entry = parseInput(platformEntrySchema, rawInput);
  const id = await scopedCreatorId(workspaceId, creatorId);
  const taken = await getDb().creatorPlatform.findFirst({ where: { creatorId: id, workspaceId, platform: entry.platform }, select: { id: true } });
  if (taken) throw alreadyHas(entry.platform);
  try {
    return await getDb().$transaction((tx) => writeCreatorPlatform(tx, workspaceId, id, null, entry));
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyHas(entry.platform); // added meanwhile by someone else
    throw error;
  }
}

/** New handle and/or follower count for one account; a changed count is added to the history. */
export async function updateCreatorPlatform(workspaceId: string, creatorId: string, platformId: string, rawInput: unknown) {
  const input = parseInput(updatePlatformSchema, rawInput);
  const existing = await scopedPlatform(workspaceId, creatorId, platformId);
  return getDb().$transaction((tx) => writeCreatorPlatform(tx, workspaceId, creatorId, existing, { platform: existing.platform, ...input }));
}

/** Removes the account and its follower history; the creator's links stay. */
export async function removeCreatorPlatform(workspaceId: string, creatorId: string, platformId: string) {
  const existing = await scopedPlatform(workspaceId, creatorId, platformId);
  await getDb().creatorPlatform.delete({ where: { id: existing.id, workspaceId } });
  return existing;
}
