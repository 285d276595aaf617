import "server-only";
import type { Prisma } from "@prisma/client";
import { requireFeature } from "@/lib/billing/gates";
import { getDb } from "@/lib/db";
import { invalidField, notFound } from "@/lib/errors";
import { assertNotServedDomain } from "@/lib/domains/domains";
import { linkOptionsSchema, linkPostSchema, PAST_EXPIRY_MESSAGE, patchLinkSchema, updateLinkSchema, type LinkOptionsInput } from "@/lib/links/schema";
import { assertNotOwnHost, type ShortLinkHosts } from "@/lib/urls/short-url";
import { invalidateLink } from "@/lib/cache/link-cache";
import { parseInput } from "@/lib/validation";

async function scopedLink(workspaceId: string, linkId: string) {
  const link = await getDb().link.findFirst({ where: { id: linkId, workspaceId }, select: { id: true, domain: true, slug: true, campaignId: true } });
  if (!link) throw notFound("Link not found");
  return link;
}

export async function updateLinkDestination(workspaceId: string, linkId: string, hosts: ShortLinkHosts, rawInput: unknown) {
  const input = parseInput(updateLinkSchema, rawInput);
  assertNotOwnHost(hosts, input.url);
  await assertNotServedDomain("url", input.url);
  const link = await scopedLink(workspaceId, linkId);
  const updated = await getDb().link.update({ where: { id: link.id, workspaceId }, data: { url: input.url } });
  invalidateLink(link.domain, link.slug);
  return updated;
}

/** Archived links stop redirecting (their slug shows the not-found page) but keep their clicks. */
export async function setLinkArchived(workspaceId: string, linkId: string, archived: boolean) {
  const link = await scopedLink(workspaceId, linkId);
  const updated = await getDb().link.update({
    where: { id: link.id, workspaceId },
    data: { archivedAt: archived ? new Date() : null },
  });
  invalidateLink(link.domain, link.slug);
  return updated;
}

/** Sets who and where a link is for (creator, campaign, platform, when the post went live) and the
 * post's hand-entered reach, impressions and engagement. Omitted fields stay; null clears. */
export async function updateLinkPost(workspaceId: string, linkId: string, rawInput: unknown) {
  const input = parseInput(linkPostSchema, rawInput);
  const link = await scopedLink(workspaceId, linkId);
  await checkPostReferences(workspaceId, link, input);
  return getDb().link.update({ where: { id: link.id, workspaceId }, data: input });
}

/**
 * PATCH through the API: any of the destination, the tags and the post fields, in one update.
 * Omitted fields stay; null clears a post field.
 */
export async function updateLink(workspaceId: string, linkId: string, hosts: ShortLinkHosts, rawInput: unknown) {
  const { paused, expiresAt, maxClicks, expiredUrl, notes, ...input } = parseInput(patchLinkSchema, rawInput);
  if (input.url !== undefined) assertNotOwnHost(hosts, input.url);
  const link = await scopedLink(workspaceId, linkId);
  await checkPostReferences(workspaceId, link, input);
  return writeLinkOptions(workspaceId, link, hosts, { paused, expiresAt, maxClicks, expiredUrl, notes }, input);
}

/** The link options form: notes, expiry, click limit, expired destination, pause. Omitted fields stay; null clears. */
export async function updateLinkOptions(workspaceId: string, linkId: string, hosts: ShortLinkHosts, rawInput: unknown) {
  const input = parseInput(linkOptionsSchema, rawInput);
  const link = await scopedLink(workspaceId, linkId);
  return writeLinkOptions(workspaceId, link, hosts, input, {});
}

async function writeLinkOptions(
  workspaceId: string,
  link: { id: string; domain: string; slug: string },
  hosts: ShortLinkHosts,
  options: LinkOptionsInput,
  other: Prisma.LinkUncheckedUpdateInput,
) {
  const { paused, maxClicks, expiredUrl, ...rest } = options;
  if (expiredUrl) assertNotOwnHost(hosts, expiredUrl, "expiredUrl");
  await assertNotServedDomain("expiredUrl", expiredUrl);
  if (typeof other.url === "string") await assertNotServedDomain("url", other.url);
  const updated = await getDb().$transaction(async (tx) => {
    const current = await tx.link.findFirst({ where: { id: link.id, workspaceId }, select: { maxClicks: true, pausedAt: true, expiresAt: true } });
    if (!current) throw notFound("Link not found");
    // The form shows minutes: a time within the stored one's minute is the same time sent back.
    const unchanged = rest.expiresAt && current.expiresAt && Math.abs(rest.expiresAt.getTime() - current.expiresAt.getTime()) < 60_000;
    if (unchanged) rest.expiresAt = current.expiresAt;
    const newExpiry = rest.expiresAt && !unchanged ? rest.expiresAt : null;
    if (newExpiry && newExpiry.getTime() <= Date.now()) throw invalidField("expiresAt", PAST_EXPIRY_MESSAGE);
    const data: Prisma.LinkUncheckedUpdateInput = { ...other, ...rest, expiredUrl };
    if (paused !== undefined) data.pausedAt = paused ? (current.pausedAt ?? new Date()) : null;
    if (maxClicks !== undefined) {
      data.maxClicks = maxClicks;
      // A limit set on a link that already has clicks counts them: "expires after 500 clicks"
      // means 500 in all, not 500 more. Changing an existing limit keeps the count.
      if (maxClicks !== null && current.maxClicks === null) {
        const rows = await tx.$queryRaw<{ clicks: number }[]>`
          SELECT coalesce(sum("clicks"), 0)::int AS "clicks" FROM "LinkHourlyStat" WHERE "linkId" = ${link.id}`;
        data.limitedClicks = rows[0]?.clicks ?? 0;
      }
    }
    return tx.link.update({ where: { id: link.id, workspaceId }, data });
  });
  invalidateLink(link.domain, link.slug);
  return updated;
}

async function checkPostReferences(workspaceId: string, link: { campaignId: string | null }, input: { creatorId?: string | null; campaignId?: string | null }) {
  const db = getDb();
  if (input.creatorId) {
    const creator = await db.creator.findFirst({ where: { id: input.creatorId, workspaceId }, select: { id: true } });
    if (!creator) throw invalidField("creatorId", "No such creator in this workspace");
  }
  if (input.campaignId !== undefined && input.campaignId !== link.campaignId) {
    await requireFeature(workspaceId, "campaigns"); // tagging, re-tagging or untagging: a campaign write
  }
  if (input.campaignId) {
    const campaign = await db.campaign.findFirst({ where: { id: input.campaignId, workspaceId }, select: { id: true } });
    if (!campaign) throw invalidField("campaignId", "No such campaign in this workspace");
  }
}
