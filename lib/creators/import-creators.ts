// CSV import of creators: lib/creators/csv-import.ts reads and groups the file; this writes each
// creator (found by e-mail, else by name, in this workspace) in its own transaction, so a
// creator is imported whole or not at all and one creator's failure never undoes another's.
// Concurrent imports take turns per creator under the workspace's creators lock.
import "server-only";
import { getDb } from "@/lib/db";
import { writeCreatorPlatform, type Tx } from "@/lib/creators/creator-platforms";
import { lockWorkspaceCreators } from "@/lib/creators/upsert-creators";
import { normaliseName, readCreatorCsv, type ImportGroup, type RefusedRow } from "@/lib/creators/csv-import";

export type ImportedCreator = { id: string; name: string; status: "created" | "updated"; platforms: number };
export type CreatorImportReport = { created: number; updated: number; rowsImported: number; creators: ImportedCreator[]; refused: RefusedRow[] };

type KnownCreator = { id: string; name: string; email: string | null };

export async function importCreatorsCsv(workspaceId: string, text: string): Promise<CreatorImportReport> {
  const { groups, refused } = readCreatorCsv(text);
  const db = getDb();
  const creators: ImportedCreator[] = [];
  let rowsImported = 0;
  for (const group of groups) {
    const written = await db.$transaction(async (tx) => {
      // Under the creators' lock, the match is read afresh: another import (or the API) writing the
      // same person at the same moment has either finished, and is found, or waits for this one.
      await lockWorkspaceCreators(tx, workspaceId);
      const match = findMatch(group, await candidates(tx, workspaceId, group));
      if (match === "ambiguous") return "ambiguous" as const;
      const creator = match
        ? await tx.creator.update({
            where: { id: match.id, workspaceId },
            // With an e-mail in the file, the file's spelling of the name wins (the brand's latest);
            // without one, the creator was found by that very name. E-mails are added, never removed.
            data: group.email ? { name: group.name, email: group.email } : {},
          })
        : await tx.creator.create({ data: { workspaceId, name: group.name, email: group.email } });
      const existing = await tx.creatorPlatform.findMany({
        where: { workspaceId, creatorId: creator.id },
        select: { id: true, platform: true, handle: true, followers: true },
      });
      for (const row of group.rows) {
        const current = existing.find((platform) => platform.platform === row.platform) ?? null;
        await writeCreatorPlatform(tx, workspaceId, creator.id, current, row);
      }
      return { creator, status: match ? ("updated" as const) : ("created" as const) };
    });
    if (written === "ambiguous") {
      const message = `Several creators in this workspace are called "${group.name}"; add their e-mail to this row to say which one`;
      refused.push(...group.rows.map((row) => ({ row: row.row, issues: [{ path: "name", message }] })));
      continue;
    }
    creators.push({ id: written.creator.id, name: written.creator.name, status: written.status, platforms: group.rows.length });
    rowsImported += group.rows.length;
  }

  refused.sort((a, b) => a.row - b.row);
  return {
    created: creators.filter((c) => c.status === "created").length,
    updated: creators.filter((c) => c.status === "updated").length,
    rowsImported,
    creators,
    refused,
  };
}

/**
 * The workspace's creators a group could be: the one with its e-mail, and those with its name
 * (compared as normaliseName does). Archived creators are matched too: re-importing someone
 * archived updates them rather than creating a second record of the same person.
 */
function candidates(tx: Tx, workspaceId: string, group: ImportGroup): Promise<KnownCreator[]> {
  return tx.$queryRaw<KnownCreator[]>`
    SELECT id, name, email FROM "Creator"
    WHERE "workspaceId" = ${workspaceId}
      AND (lower(email) = ${group.email ?? null} OR lower(regexp_replace(btrim(name), '\s+', ' ', 'g')) = ${normaliseName(group.name)})
    ORDER BY "createdAt", id`;
}

/**
 * Who a group of rows is about: the creator with its e-mail; else the one creator with its name
 * (when the file gives an e-mail, only a same-named creator without an e-mail can be the same
 * person). null = a new creator; "ambiguous" = several creators share the name and the file does
 * not say which.
 */
function findMatch(group: ImportGroup, known: readonly KnownCreator[]): KnownCreator | null | "ambiguous" {
  if (group.email) {
    const found = known.find((creator) => creator.email?.toLowerCase() === group.email);
    if (found) return found;
  }
  const named = known.filter((creator) => normaliseName(creator.name) === normaliseName(group.name) && (!group.email || !creator.email));
  if (named.length > 1) return "ambiguous";
  return named[0] ?? null;
}
