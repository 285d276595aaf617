import "server-only";
import { requireFeature } from "@/lib/billing/gates";
import { getDb } from "@/lib/db";
import { invalidField, notFound } from "@/lib/errors";
import { linkPostSchema, patchLinkSchema, updateLinkSchema } from "@/lib/links/schema";
import { assertNotOwnHost, type ShortLinkHosts } from "@/lib/links/short-url";
import { invalidateLink } from "@/lib/redirect/link-cache";
import { parseInput } from "@/lib/validation";

async function scopedLink(workspaceId: string, linkId: string) {
  const link = await getDb().link.findFirst({ where: { id: linkId, workspaceId }, select: { id: true, domain: true, slug: true, campaignId: true } });
  if (!link) throw notFound("Link not found");
  return link;
}

export async function updateLinkDestination(workspaceId: string, linkId: string, hosts: ShortLinkHosts, rawInput: unknown) {
  const input = parseInput(updateLinkSchema, rawInput);
  assertNotOwnHost(hosts, input.url);
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
  const input = parseInput(patchLinkSchema, rawInput);
  if (input.url !== undefined) assertNotOwnHost(hosts, input.url);
  const link = await scopedLink(workspaceId, linkId);
  await checkPostReferences(workspaceId, link, input);
  const updated = await getDb().link.update({ where: { id: link.id, workspaceId }, data: input });
  if (input.url !== undefined) invalidateLink(link.domain, link.slug);
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
