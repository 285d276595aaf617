import "server-only";
import { getDb } from "@/lib/db";
import { writeCreatorPlatform } from "@/lib/creators/creator-platforms";
import { createCreatorSchema, type PlatformEntry } from "@/lib/creators/schema";
import { CREATOR_API_SELECT } from "@/lib/creators/serialize";
import { parseInput } from "@/lib/validation";

export type NewCreator = { name: string; email?: string; niche?: string | null; notes?: string | null; platforms: PlatformEntry[] };

/** Creates a creator with its platform accounts and their first follower-history rows, in one transaction. */
export async function createCreator(workspaceId: string, rawInput: unknown) {
  return insertCreator(workspaceId, parseInput(createCreatorSchema, rawInput));
}

/** Writes an already validated creator (the roster form's or the API's input). */
export async function insertCreator(workspaceId: string, { platforms, ...details }: NewCreator) {
  return getDb().$transaction(async (tx) => {
    const creator = await tx.creator.create({ data: { workspaceId, ...details } });
    for (const entry of platforms) await writeCreatorPlatform(tx, workspaceId, creator.id, null, entry);
    return tx.creator.findUniqueOrThrow({ where: { id: creator.id }, select: CREATOR_API_SELECT });
  });
}
