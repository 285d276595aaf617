// A creator's promo codes per campaign. Codes are unique in a workspace (case-insensitive), so a
// code names exactly one creator in one campaign.
import "server-only";
import { z } from "zod";
import { requireFeature } from "@/lib/billing/gates";
import { getDb } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { invalidField } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

export const promoCodeInputSchema = z.object({
  campaignId: z.string({ error: "Choose a campaign" }).trim().min(1, "Choose a campaign"),
  creatorId: z.string({ error: "Choose a creator" }).trim().min(1, "Choose a creator"),
  code: z
    .string({ error: "Enter the code" })
    .trim()
    .regex(/^[A-Za-z0-9_-]{2,40}$/, "2–40 letters, digits, - or _")
    .transform((code) => code.toUpperCase()),
});

export async function createPromoCode(workspaceId: string, rawInput: unknown) {
  const input = parseInput(promoCodeInputSchema, rawInput);
  await requireFeature(workspaceId, "conversions");
  const db = getDb();
  const [campaign, creator] = await Promise.all([
    db.campaign.findFirst({ where: { id: input.campaignId, workspaceId }, select: { id: true } }),
    db.creator.findFirst({ where: { id: input.creatorId, workspaceId }, select: { id: true } }),
  ]);
  if (!campaign) throw invalidField("campaignId", "No such campaign in this workspace");
  if (!creator) throw invalidField("creatorId", "No such creator in this workspace");
  try {
    return await db.promoCode.create({ data: { workspaceId, campaignId: campaign.id, creatorId: creator.id, code: input.code } });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalidField("code", `${input.code} is already in use in this workspace`);
    throw error;
  }
}

export function listPromoCodes(workspaceId: string, campaignId: string) {
  return getDb().promoCode.findMany({ where: { workspaceId, campaignId }, orderBy: { code: "asc" }, include: { creator: { select: { id: true, name: true } } } });
}
