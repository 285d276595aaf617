import "server-only";
import { getDb } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { creatorDetailsSchema } from "@/lib/creators/schema";
import { assertEmailFree, lockWorkspaceCreators } from "@/lib/creators/upsert-creators";
import { parseInput } from "@/lib/validation";

async function scopedCreatorId(workspaceId: string, creatorId: string) {
  const creator = await getDb().creator.findFirst({ where: { id: creatorId, workspaceId }, select: { id: true } });
  if (!creator) throw notFound("Creator not found");
  return creator.id;
}

/**
 * Name, e-mail, niche and notes. A field left empty in the form is cleared. An e-mail another
 * creator of the workspace has is refused on the field (under the creators' lock, as the API does).
 */
export async function updateCreatorDetails(workspaceId: string, creatorId: string, rawInput: unknown) {
  const input = parseInput(creatorDetailsSchema, rawInput);
  const id = await scopedCreatorId(workspaceId, creatorId);
  return getDb().$transaction(async (tx) => {
    await lockWorkspaceCreators(tx, workspaceId);
    await assertEmailFree(tx, workspaceId, id, input.email);
    return tx.creator.update({
      where: { id, workspaceId },
      data: { name: input.name, email: input.email ?? null, niche: input.niche ?? null, notes: input.notes ?? null },
    });
  });
}

/** Archived creators leave the roster and pickers; their links, clicks and history are kept. */
export async function setCreatorArchived(workspaceId: string, creatorId: string, archived: boolean) {
  const id = await scopedCreatorId(workspaceId, creatorId);
  return getDb().creator.update({ where: { id, workspaceId }, data: { archivedAt: archived ? new Date() : null } });
}
