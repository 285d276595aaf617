import "server-only";
import { getDb, getPool } from "@/lib/db";

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

export function getLink(workspaceId: string, linkId: string) {
  return getDb().link.findFirst({
    where: { id: linkId, workspaceId },
    include: { creator: { select: { id: true, name: true } }, campaign: { select: { id: true, name: true } } },
  });
}
