// CSV import of creators: lib/creators/csv-import.ts reads and groups the file; this writes each
// creator (found by e-mail, else by name, in this workspace) in its own transaction, so a
// creator is imported whole or not at all and one creator's failure never undoes another's.
import "server-only";
import { getDb } from "@/lib/db";
import { writeCreatorPlatform } from "@/lib/creators/creator-platforms";
import { normaliseName, readCreatorCsv, type ImportGroup, type RefusedRow } from "@/lib/creators/csv-import";

export type ImportedCreator = { id: string; name: string; status: "created" | "updated"; platforms: number };
export type CreatorImportReport = { created: number; updated: number; rowsImported: number; creators: ImportedCreator[]; refused: RefusedRow[] };

type KnownCreator = { id: string; name: string; email: string | null };

export async function importCreatorsCsv(workspaceId: string, text: string): Promise<CreatorImportReport> {
  const { groups, refused } = readCreatorCsv(text);
  const db = getDb();
  // Archived creators are matched too: re-importing someone archived updates them rather than
  // creating a second record of the same person.
  const known = await db.creator.findMany({ where: { workspaceId }, select: { id: true, name: true, email: true } });
  const byEmail = new Map<string, KnownCreator>();
  const byName = new Map<string, KnownCreator[]>();
  for (const creator of known) {
    if (creator.email) byEmail.set(creator.email.toLowerCase(), creator);
    const key = normaliseName(creator.name);
    byName.set(key, [...(byName.get(key) ?? []), creator]);
  }

  const creators: ImportedCreator[] = [];
  let rowsImported = 0;
  for (const group of groups) {
    const match = findMatch(group, byEmail, byName);
    if (match === "ambiguous") {
      const message = `Several creators in this workspace are called "${group.name}"; add their e-mail to this row to say which one`;
      refused.push(...group.rows.map((row) => ({ row: row.row, issues: [{ path: "name", message }] })));
      continue;
    }
    const written = await db.$transaction(async (tx) => {
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
      return creator;
    });
    const record = { id: written.id, name: written.name, email: written.email };
    if (record.email) byEmail.set(record.email, record);
    if (!match) byName.set(normaliseName(record.name), [...(byName.get(normaliseName(record.name)) ?? []), record]);
    creators.push({ id: written.id, name: written.name, status: match ? "updated" : "created", platforms: group.rows.length });
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
 * Who a group of rows is about: the creator with its e-mail; else the one creator with its name
 * (when the file gives an e-mail, only a same-named creator without an e-mail can be the same
 * person). null = a new creator; "ambiguous" = several creators share the name and the file does
 * not say which.
 */
function findMatch(group: ImportGroup, byEmail: Map<string, KnownCreator>, byName: Map<string, KnownCreator[]>): KnownCreator | null | "ambiguous" {
  if (group.email) {
    const found = byEmail.get(group.email);
    if (found) return found;
  }
  const named = (byName.get(normaliseName(group.name)) ?? []).filter((creator) => !group.email || !creator.email);
  if (named.length > 1) return "ambiguous";
  return named[0] ?? null;
}
