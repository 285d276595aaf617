import "server-only";
import { z } from "zod";
import { afterCursor, archivedFlagSchema, cursorSchema, encodeCursor, pageLimitSchema, pageOf } from "@/lib/pagination";
import { getDb, getPool } from "@/lib/db";
import { tagSchema } from "@/lib/links/schema";

export type LinkRow = Awaited<ReturnType<typeof listLinks>>[number];

/** The workspace's links, newest first, with human click counts (bots are counted apart). */
export async function listLinks(workspaceId: string, options: { archived?: boolean } = {}) {
  const links = await getDb().link.findMany({
    where: { workspaceId, archivedAt: options.archived ? { not: null } : null },
    orderBy: { createdAt: "desc" },
    include: { creator: { select: { id: true, name: true } } },
  });
  const counts = await clickCountsByLink(workspaceId, links.map((link) => link.id));
  return links.map((link) => ({ ...link, clicks: counts.get(link.id)?.clicks ?? 0, filtered: counts.get(link.id)?.filtered ?? 0 }));
}

/** GET /api/v1/links: newest first, filtered, a page at a time. */
export const listLinksQuerySchema = z.object({
  campaignId: z.string().trim().min(1).max(64).optional(),
  creatorId: z.string().trim().min(1).max(64).optional(),
  tag: tagSchema.optional(),
  archived: archivedFlagSchema("links"),
  limit: pageLimitSchema(1000, 100).meta({ description: "page size, 1–1000 (100 by default); follow `nextCursor` for the rest" }),
  cursor: cursorSchema.optional(),
});

export async function listLinksPage(workspaceId: string, query: z.output<typeof listLinksQuerySchema>) {
  const rows = await getDb().link.findMany({
    where: {
      workspaceId,
      archivedAt: query.archived ? { not: null } : null,
      ...(query.campaignId ? { campaignId: query.campaignId } : {}),
      ...(query.creatorId ? { creatorId: query.creatorId } : {}),
      ...(query.tag ? { tags: { has: query.tag } } : {}),
      ...afterCursor("createdAt", query.cursor),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const { page, nextCursor } = pageOf(rows, query.limit, (link) => encodeCursor(link.createdAt, link.id));
  const counts = await clickCountsByLink(workspaceId, page.map((link) => link.id));
  return { links: page.map((link) => ({ ...link, clicks: counts.get(link.id)?.clicks ?? 0, filtered: counts.get(link.id)?.filtered ?? 0 })), nextCursor };
}

/** Human clicks and filtered hits of one link over all time (0 and 0 for a link without any). */
export async function linkCounts(workspaceId: string, linkId: string): Promise<{ clicks: number; filtered: number }> {
  return (await clickCountsByLink(workspaceId, [linkId])).get(linkId) ?? NO_CLICKS;
}

export const NO_CLICKS = { clicks: 0, filtered: 0 } as const;

async function clickCountsByLink(workspaceId: string, linkIds: string[]) {
  const counts = new Map<string, { clicks: number; filtered: number }>();
  if (linkIds.length === 0) return counts;
  const { rows } = await getPool().query<{ linkId: string; clicks: number; filtered: number }>(
    `SELECT "linkId", sum("clicks")::int AS clicks, sum("filtered")::int AS filtered
       FROM "LinkHourlyStat" WHERE "workspaceId" = $1 AND "linkId" = ANY($2::text[]) GROUP BY "linkId"`,
    [workspaceId, linkIds],
  );
  for (const row of rows) counts.set(row.linkId, { clicks: row.clicks, filtered: row.filtered });
  return counts;
}

/** Whether the workspace has this link (a page's layout asks before its loading boundary). */
export async function linkExists(workspaceId: string, linkId: string): Promise<boolean> {
  return (await getDb().link.count({ where: { id: linkId, workspaceId } })) > 0;
}

export function getLink(workspaceId: string, linkId: string) {
  return getDb().link.findFirst({
    where: { id: linkId, workspaceId },
    include: { creator: { select: { id: true, name: true } }, campaign: { select: { id: true, name: true } } },
  });
}
