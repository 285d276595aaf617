import "server-only";
import { createCreatorSchema } from "@/lib/creators/schema";
import { createCreatorChecked } from "@/lib/creators/upsert-creators";
import { parseInput } from "@/lib/validation";

/**
 * The roster form's "Add creator": a creator with its platform accounts and their first
 * follower-history rows, in one transaction — through the same checked writer as the API, so a
 * handle another creator holds is refused (409, on the form's row), never a second creator.
 */
export async function createCreator(workspaceId: string, rawInput: unknown) {
  const { platforms, platformPaths, ...details } = parseInput(createCreatorSchema, rawInput);
  return createCreatorChecked(workspaceId, { ...details, platforms }, platformPaths);
}
