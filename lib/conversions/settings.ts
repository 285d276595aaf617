// The workspace's conversion settings and the exchange rates the brand enters.
import "server-only";
import { z } from "zod";
import { requireFeature } from "@/lib/billing/gates";
import { isoCurrencySchema } from "@/lib/conversions/schema";
import { getDb } from "@/lib/db";
import { invalidField, notFound } from "@/lib/errors";
import { invalidateWorkspaceLinks } from "@/lib/cache/link-cache";
import { parseInput } from "@/lib/validation";

export const conversionSettingsSchema = z.object({
  conversionTracking: z.boolean(),
  clickIdParam: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,29}$/, "2–30 lower-case letters, digits or _, starting with a letter (e.g. cp_click)"),
  attributionWindowDays: z.coerce
    .number({ error: "Enter a number of days" })
    .int("Whole days")
    .min(1, "At least 1 day")
    .max(365, "At most 365 days"),
  currency: isoCurrencySchema,
});

export function getConversionSettings(workspaceId: string) {
  return getDb().workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: { conversionTracking: true, clickIdParam: true, attributionWindowDays: true, currency: true, exchangeRates: { orderBy: { currency: "asc" } } },
  });
}

export async function updateConversionSettings(workspaceId: string, rawInput: unknown) {
  const input = parseInput(conversionSettingsSchema, rawInput);
  await requireFeature(workspaceId, "conversions");
  const updated = await getDb().workspace.update({ where: { id: workspaceId }, data: input, select: { id: true } });
  invalidateWorkspaceLinks(workspaceId); // every instance's redirects use the new settings at once
  return updated;
}

export const exchangeRateSchema = z.object({
  currency: isoCurrencySchema,
  rate: z.coerce.number({ error: "Enter the rate, e.g. 1.08" }).positive("The rate must be above 0").max(1_000_000, "That rate is too large"),
});

/** Sets what one unit of `currency` is worth in the workspace's currency. */
export async function setExchangeRate(workspaceId: string, rawInput: unknown) {
  const input = parseInput(exchangeRateSchema, rawInput);
  await requireFeature(workspaceId, "conversions");
  const workspace = await getDb().workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { currency: true } });
  if (input.currency === workspace.currency) throw invalidField("currency", `${input.currency} is the workspace's own currency`);
  return getDb().exchangeRate.upsert({
    where: { workspaceId_currency: { workspaceId, currency: input.currency } },
    create: { workspaceId, currency: input.currency, rate: input.rate },
    update: { rate: input.rate },
  });
}

export async function removeExchangeRate(workspaceId: string, currency: string) {
  const { count } = await getDb().exchangeRate.deleteMany({ where: { workspaceId, currency } });
  if (count === 0) throw notFound("No such rate");
}
