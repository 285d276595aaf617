import "server-only";
import { getDb } from "@/lib/db";
import { writeCreatorPlatform } from "@/lib/creators/creator-platforms";
import { createCreatorSchema } from "@/lib/creators/schema";
import { parseInput } from "@/lib/validation";

/** Creates a creator with its platform accounts and their first follower-history rows, in one transaction. */
export async function createCreator(workspaceId: string, rawInput: unknown) {
  const { platforms, ...details } = parseInput(createCreatorSchema, rawInput);
  return getDb().$transaction(async (tx) => {
    const creator = await tx.creator.create({ data: { workspaceId, ...details } });
    for (const entry of platforms) await writeCreatorPlatform(tx, workspaceId, creator.id, null, entry);
    return creator;
  });
}
