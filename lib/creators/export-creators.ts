import "server-only";
import { toCsv } from "@/lib/csv";
import { platformLabel } from "@/lib/creators/platforms";
import { listCreators, type RosterCreator } from "@/lib/creators/queries";
import type { RosterOptions } from "@/lib/creators/roster-options";

type ExportRow = { creator: RosterCreator; platform: RosterCreator["platforms"][number] | null };

/**
 * The roster as CSV, one row per creator-platform (a creator without platforms still gets a
 * row), in the roster's order. Its columns re-import as they are: name, email, platform, handle,
 * followers. Cells are formula-neutralised by toCsv.
 */
export async function exportCreatorsCsv(workspaceId: string, options: RosterOptions): Promise<string> {
  const creators = await listCreators(workspaceId, options);
  const rows = creators.flatMap((creator): ExportRow[] =>
    creator.platforms.length > 0 ? creator.platforms.map((platform) => ({ creator, platform })) : [{ creator, platform: null }],
  );
  return toCsv(rows, [
    { header: "name", value: (row) => row.creator.name },
    { header: "email", value: (row) => row.creator.email },
    { header: "niche", value: (row) => row.creator.niche },
    { header: "platform", value: (row) => (row.platform ? platformLabel(row.platform.platform) : "") },
    { header: "handle", value: (row) => row.platform?.handle },
    { header: "followers", value: (row) => row.platform?.followers },
    { header: "created", value: (row) => row.creator.createdAt.toISOString().slice(0, 10) },
  ]);
}
