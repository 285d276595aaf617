import "server-only";
import { z } from "zod";
import { afterCursor, archivedFlagSchema, cursorSchema, encodeCursor, pageLimitSchema, pageOf } from "@/lib/pagination";
import { getDb, getPool } from "@/lib/db";
import type { RosterOptions } from "@/lib/creators/roster-options";
import { CREATOR_API_SELECT } from "@/lib/creators/serialize";

/** The workspace's active creators, by name, for pickers. */
export function listCreatorOptions(workspaceId: string) {
  return getDb().creator.findMany({
    where: { workspaceId, archivedAt: null },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

export type RosterCreator = Awaited<ReturnType<typeof listCreators>>[number];

const byName = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/**
 * The roster: active (or archived) creators matching the search, with their platforms, total
 * followers and number of active links, in the asked order. Sorting happens here rather than in
 * SQL because total followers is a sum over platforms; rosters are hundreds of rows, not millions.
 */
export async function listCreators(workspaceId: string, options: RosterOptions) {
  const q = options.q;
  const creators = await getDb().creator.findMany({
    where: {
      workspaceId,
      archivedAt: options.archived ? { not: null } : null,
      ...(q
        ? {
            OR: [
              { name: { contains: q, mode: "insensitive" as const } },
              { platforms: { some: { handle: { contains: q, mode: "insensitive" as const } } } },
            ],
          }
        : {}),
    },
    select: {
      id: true,
      name: true,
      email: true,
      niche: true,
      createdAt: true,
      archivedAt: true,
      platforms: { select: { id: true, platform: true, handle: true, followers: true }, orderBy: { followers: "desc" } },
      _count: { select: { links: { where: { archivedAt: null } } } },
    },
  });
  const rows = creators.map(({ _count, ...creator }) => ({
    ...creator,
    totalFollowers: creator.platforms.reduce((sum, platform) => sum + platform.followers, 0),
    linkCount: _count.links,
  }));
  const direction = options.sort.startsWith("-") ? -1 : 1;
  return rows.sort((a, b) => {
    const primary = options.sort.endsWith("followers") ? a.totalFollowers - b.totalFollowers : byName.compare(a.name, b.name);
    return primary !== 0 ? primary * direction : byName.compare(a.name, b.name);
  });
}

/** One creator with its platforms and their follower history (oldest first); null when not in this workspace. */
/** Whether the workspace has this creator (a page's layout asks before its loading boundary). */
export async function creatorExists(workspaceId: string, creatorId: string): Promise<boolean> {
  return (await getDb().creator.count({ where: { id: creatorId, workspaceId } })) > 0;
}

export function getCreator(workspaceId: string, creatorId: string) {
  return getDb().creator.findFirst({
    where: { id: creatorId, workspaceId },
    include: {
      platforms: {
        orderBy: { createdAt: "asc" },
        include: { history: { where: { workspaceId }, orderBy: { recordedAt: "asc" }, select: { id: true, followers: true, recordedAt: true } } },
      },
    },
  });
}

export type CreatorLink = Awaited<ReturnType<typeof listCreatorLinks>>[number];

/** The creator's links (archived ones too, marked), newest first, with human click counts. */
export async function listCreatorLinks(workspaceId: string, creatorId: string) {
  const links = await getDb().link.findMany({
    where: { workspaceId, creatorId },
    orderBy: { createdAt: "desc" },
    select: { id: true, slug: true, url: true, platform: true, archivedAt: true, createdAt: true },
  });
  if (links.length === 0) return [];
  const { rows } = await getPool().query<{ linkId: string; clicks: number; filtered: number }>(
    `SELECT "linkId", sum("clicks")::int AS clicks, sum("filtered")::int AS filtered
       FROM "LinkHourlyStat" WHERE "workspaceId" = $1 AND "linkId" = ANY($2::text[]) GROUP BY "linkId"`,
    [workspaceId, links.map((link) => link.id)],
  );
  const counts = new Map(rows.map((row) => [row.linkId, row]));
  return links.map((link) => ({ ...link, clicks: counts.get(link.id)?.clicks ?? 0, filtered: counts.get(link.id)?.filtered ?? 0 }));
}

/** GET /api/v1/creators: newest first, a page at a time. */
export const listCreatorsQuerySchema = z.object({
  q: z.string().trim().max(100, "q can be at most 100 characters").optional().meta({ description: "part of a name or handle" }),
  email: z.string().trim().toLowerCase().max(254).optional().meta({ description: "exact e-mail, case-insensitive" }),
  archived: archivedFlagSchema("creators"),
  limit: pageLimitSchema(1000, 100).meta({ description: "page size, 1–1000 (100 by default)" }),
  cursor: cursorSchema.optional(),
});

export async function listCreatorsPage(workspaceId: string, query: z.output<typeof listCreatorsQuerySchema>) {
  const rows = await getDb().creator.findMany({
    where: {
      workspaceId,
      archivedAt: query.archived ? { not: null } : null,
      ...(query.email ? { email: { equals: query.email, mode: "insensitive" as const } } : {}),
      // under AND: the cursor's own OR must not replace the search's
      AND: [
        query.q
          ? {
              OR: [
                { name: { contains: query.q, mode: "insensitive" as const } },
                { platforms: { some: { handle: { contains: query.q.replace(/^@+/, ""), mode: "insensitive" as const } } } },
              ],
            }
          : {},
        afterCursor("createdAt", query.cursor),
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: CREATOR_API_SELECT,
  });
  const { page, nextCursor } = pageOf(rows, query.limit, (creator) => encodeCursor(creator.createdAt, creator.id));
  return { creators: page, nextCursor };
}

/** One creator in the API's shape; null when not in this workspace. */
export function getCreatorForApi(workspaceId: string, creatorId: string) {
  return getDb().creator.findFirst({ where: { id: creatorId, workspaceId }, select: CREATOR_API_SELECT });
}
