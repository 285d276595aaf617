import "server-only";
import { z } from "zod";
import { assertNotServedDomain, servedHostnames } from "@/lib/domains/domains";
import { chooseLinkSlug, slugCandidates } from "@/lib/campaigns/link-slugs";
import { getDb } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError, invalidField, notFound } from "@/lib/errors";
import { requireFeature, reserveLinkQuota } from "@/lib/billing/gates";
import { DEFAULT_DOMAIN } from "@/lib/links/create-link";
import { assertNotOwnHost, type ShortLinkHosts } from "@/lib/urls/short-url";
import { applyUtm, fillUtmTemplate, utmTemplateSchema, type UtmParams } from "@/lib/links/utm";
import { invalidateLink } from "@/lib/cache/link-cache";
import { slugify } from "@/lib/slug";
import { parseInput } from "@/lib/validation";

export const generateLinksSchema = z.object({
  creatorIds: z.array(z.string().trim().min(1)).min(1, "Choose at least one creator").max(1_000, "At most 1,000 creators at a time"),
  /** overrides the campaign's own template for this run; null = no UTM tags */
  utmTemplate: utmTemplateSchema.nullable().optional(),
  /** one of the workspace's verified branded domains; omitted (or "") for the default short domain */
  domain: z
    .string({ error: "domain must be text" })
    .trim()
    .toLowerCase()
    .max(253)
    .optional()
    .meta({ description: "one of the workspace's verified branded domains; omitted for the default short domain" }),
});

export type GeneratedLinks = {
  created: { creatorId: string; creatorName: string; linkId: string; domain: string; slug: string; url: string }[];
  skipped: { creatorId: string; creatorName: string | null; reason: string }[];
};

type Context = { workspaceId: string; userId?: string; hosts: ShortLinkHosts };

/**
 * One link per selected creator, all to the campaign's destination (with UTM tags filled in per
 * creator), slugs by the seed's convention. Creators who already have a link in the campaign are
 * skipped, so running it again creates nothing twice. Selected creators join the campaign.
 */
export async function generateCampaignLinks(ctx: Context, campaignId: string, rawInput: unknown): Promise<GeneratedLinks> {
  const input = parseInput(generateLinksSchema, rawInput);
  await requireFeature(ctx.workspaceId, "campaigns");
  const db = getDb();
  const campaign = await db.campaign.findFirst({
    where: { id: campaignId, workspaceId: ctx.workspaceId },
    select: { id: true, slug: true, destinationUrl: true, utmTemplate: true },
  });
  if (!campaign) throw notFound("Campaign not found");
  const domain = input.domain || DEFAULT_DOMAIN;
  if (domain && !(await servedHostnames(ctx.workspaceId)).includes(domain)) {
    throw invalidField("domain", `${domain} is not a verified domain of this workspace; add and verify it under Settings → Domains`);
  }
  const destination = campaign.destinationUrl;
  if (!destination) throw invalidField("destinationUrl", "Set the campaign's destination URL before generating links");
  assertNotOwnHost(ctx.hosts, destination);
  await assertNotServedDomain("destinationUrl", destination);
  const template: UtmParams | null =
    input.utmTemplate !== undefined ? input.utmTemplate : campaign.utmTemplate ? utmTemplateSchema.parse(campaign.utmTemplate) : null;

  const ids = [...new Set(input.creatorIds)];
  const creators = await db.creator.findMany({
    where: { id: { in: ids }, workspaceId: ctx.workspaceId },
    select: {
      id: true,
      name: true,
      platforms: { select: { platform: true, followers: true }, orderBy: { followers: "desc" } },
      links: { select: { campaignId: true, slug: true } },
    },
  });
  const result: GeneratedLinks = { created: [], skipped: [] };
  for (const id of ids) {
    if (!creators.some((c) => c.id === id)) result.skipped.push({ creatorId: id, creatorName: null, reason: "No such creator in this workspace" });
  }

  const toCreate = creators.flatMap((creator) => {
    const existing = creator.links.find((link) => link.campaignId === campaign.id);
    if (existing) {
      result.skipped.push({ creatorId: creator.id, creatorName: creator.name, reason: `Already has a link in this campaign: /${existing.slug}` });
      return [];
    }
    const creatorSlug = slugify(creator.name, 40) || "creator";
    const platform = creator.platforms[0]?.platform ?? null;
    const url = template
      ? applyUtm(destination, fillUtmTemplate(template, { platform: platform ?? "other", campaign: campaign.slug, creator: creatorSlug }))
      : destination;
    return [{ creator, creatorSlug, platform, url, hasLinks: creator.links.length > 0 }];
  });

  const raced: GeneratedLinks["skipped"] = [];
  for (let attempt = 0; attempt < 3 && toCreate.length > 0; attempt++) {
    raced.length = 0;
    const candidates = toCreate.flatMap((item) => slugCandidates(item.creatorSlug, campaign.slug, item.hasLinks));
    const takenRows = await db.link.findMany({ where: { domain, slug: { in: candidates } }, select: { slug: true } });
    const taken = new Set(takenRows.map((row) => row.slug));
    const planned = toCreate.map((item) => {
      const slug = chooseLinkSlug(item.creatorSlug, campaign.slug, item.hasLinks, taken);
      if (!slug) throw new AppError("conflict", `No free slug left for ${item.creator.name}`);
      taken.add(slug); // two creators with one name in this batch get different slugs
      return { ...item, slug };
    });
    try {
      const links = await db.$transaction(async (tx) => {
        // Two runs at once take turns here; the second sees the first's links and skips those creators.
        await tx.$queryRaw`SELECT id FROM "Campaign" WHERE id = ${campaign.id} AND "workspaceId" = ${ctx.workspaceId} FOR UPDATE`;
        const already = await tx.link.findMany({
          where: { workspaceId: ctx.workspaceId, campaignId: campaign.id, creatorId: { in: planned.map((item) => item.creator.id) } },
          select: { creatorId: true, slug: true },
        });
        for (const link of already) {
          const index = planned.findIndex((item) => item.creator.id === link.creatorId);
          const item = planned[index];
          if (!item) continue;
          planned.splice(index, 1);
          raced.push({ creatorId: item.creator.id, creatorName: item.creator.name, reason: `Already has a link in this campaign: /${link.slug}` });
        }
        if (planned.length === 0) return [];
        await reserveLinkQuota(tx, ctx.workspaceId, planned.length);
        await tx.campaignCreator.createMany({
          data: planned.map((item) => ({ workspaceId: ctx.workspaceId, campaignId: campaign.id, creatorId: item.creator.id })),
          skipDuplicates: true,
        });
        return Promise.all(
          planned.map((item) =>
            tx.link.create({
              data: {
                workspaceId: ctx.workspaceId,
                domain,
                slug: item.slug,
                url: item.url,
                creatorId: item.creator.id,
                campaignId: campaign.id,
                platform: item.platform,
                createdById: ctx.userId,
              },
              select: { id: true, domain: true, slug: true, url: true, creatorId: true },
            }),
          ),
        );
      });
      for (const link of links) {
        // on the domain the link is on (a visit a moment ago may have cached "no such link")
        invalidateLink(link.domain, link.slug);
        const item = planned.find((p) => p.creator.id === link.creatorId);
        result.created.push({ creatorId: link.creatorId ?? "", creatorName: item?.creator.name ?? "", linkId: link.id, domain: link.domain, slug: link.slug, url: link.url });
      }
      result.skipped.push(...raced);
      return result;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // someone took a slug meanwhile: plan again
    }
  }
  if (toCreate.length > 0) throw new AppError("conflict", "Slugs kept being taken while generating; please try again");
  return result;
}
