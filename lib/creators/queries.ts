import "server-only";
import { getDb } from "@/lib/db";

/** The workspace's active creators, by name, for pickers. */
export function listCreatorOptions(workspaceId: string) {
  return getDb().creator.findMany({
    where: { workspaceId, archivedAt: null },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}
