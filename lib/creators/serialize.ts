// The public (API) shape of a creator, as the OpenAPI document publishes it.
import type { Platform } from "@prisma/client";
import { z } from "zod";
import { PLATFORM_VALUES } from "@/lib/creators/platforms";

const isoTime = z.string().meta({ format: "date-time" });

export const creatorResponseSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    niche: z.string().nullable(),
    notes: z.string().nullable(),
    platforms: z.array(z.object({ platform: z.enum(PLATFORM_VALUES), handle: z.string(), followers: z.number().int() })).meta({ description: "largest audience first" }),
    totalFollowers: z.number().int(),
    archived: z.boolean(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: "Creator" });
export type CreatorResponse = z.input<typeof creatorResponseSchema>;

export type CreatorRecord = {
  id: string;
  name: string;
  email: string | null;
  niche: string | null;
  notes: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  platforms: { platform: Platform; handle: string; followers: number }[];
};

/** What the API answers with a creator; reads only what it publishes. */
export const CREATOR_API_SELECT = {
  id: true,
  name: true,
  email: true,
  niche: true,
  notes: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
  platforms: { select: { platform: true, handle: true, followers: true }, orderBy: [{ followers: "desc" as const }, { platform: "asc" as const }] },
};

export function serializeCreator(creator: CreatorRecord): CreatorResponse {
  return {
    id: creator.id,
    name: creator.name,
    email: creator.email,
    niche: creator.niche,
    notes: creator.notes,
    platforms: creator.platforms.map((p) => ({ platform: p.platform, handle: p.handle, followers: p.followers })),
    totalFollowers: creator.platforms.reduce((sum, p) => sum + p.followers, 0),
    archived: creator.archivedAt !== null,
    createdAt: creator.createdAt.toISOString(),
    updatedAt: creator.updatedAt.toISOString(),
  };
}
