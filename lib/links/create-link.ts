import "server-only";
import { randomInt } from "node:crypto";
import { reserveLinkQuota } from "@/lib/billing/gates";
import { getDb } from "@/lib/db";
import { AppError, invalidField } from "@/lib/errors";
import { isReservedSlug } from "@/lib/links/reserved";
import { createLinkSchema, type CreateLinkInput } from "@/lib/links/schema";
import { assertNotOwnHost, type ShortLinkHosts } from "@/lib/links/short-url";
import { isUniqueViolation } from "@/lib/db/errors";
import { invalidateLink } from "@/lib/redirect/link-cache";
import { parseInput } from "@/lib/validation";

const RANDOM_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // no l/1/o/0: slugs get read aloud
const RANDOM_LENGTH = 7;
export const DEFAULT_DOMAIN = "";

export function randomSlug(): string {
  let slug = "";
  for (let i = 0; i < RANDOM_LENGTH; i++) slug += RANDOM_ALPHABET[randomInt(RANDOM_ALPHABET.length)];
  return slug;
}

export type CreateLinkContext = { workspaceId: string; userId?: string; hosts: ShortLinkHosts };

export async function createLink(ctx: CreateLinkContext, rawInput: unknown) {
  const input: CreateLinkInput = parseInput(createLinkSchema, rawInput);
  assertNotOwnHost(ctx.hosts, input.url);
  const db = getDb();
  if (input.creatorId) {
    const creator = await db.creator.findFirst({
      where: { id: input.creatorId, workspaceId: ctx.workspaceId },
      select: { id: true },
    });
    if (!creator) throw invalidField("creatorId", "No such creator in this workspace");
  }

  const custom = input.slug;
  for (let attempt = 0; attempt < 5; attempt++) {
    const slug = custom ?? randomSlug();
    if (!custom && isReservedSlug(slug)) continue;
    try {
      const link = await db.$transaction(async (tx) => {
        await reserveLinkQuota(tx, ctx.workspaceId, 1);
        return tx.link.create({
          data: {
            workspaceId: ctx.workspaceId,
            domain: DEFAULT_DOMAIN,
            slug,
            url: input.url,
            creatorId: input.creatorId,
            createdById: ctx.userId,
          },
        });
      });
      invalidateLink(link.domain, link.slug); // forget a cached "unknown slug"
      return link;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (custom) {
        throw new AppError("conflict", `The slug "${custom}" is already taken on this domain`, [
          { path: "slug", message: `"${custom}" is already taken on this domain; choose another` },
        ]);
      }
    }
  }
  throw new AppError("conflict", "Could not find a free random slug; try again or choose one");
}
