// Conversions per creator of a campaign, as the KPI module wants them: conversions that still
// count (not fully reversed), purchases among them, and net revenue (value − reversals) in the
// campaign's currency — converted with the brand's rates, or kept apart where a rate is missing.
import "server-only";
import { sumInCurrency, type Rates } from "@/lib/conversions/currency";
import { getDb, getPool } from "@/lib/db";

export type ConversionFacts = { conversions: number; purchases: number; revenueMinor: number; revenueApart: Map<string, number> };

export const emptyConversionFacts = (): ConversionFacts => ({ conversions: 0, purchases: 0, revenueMinor: 0, revenueApart: new Map() });

export async function getRates(workspaceId: string): Promise<Rates> {
  const workspace = await getDb().workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { currency: true, exchangeRates: { select: { currency: true, rate: true } } } });
  return { base: workspace.currency, rates: new Map(workspace.exchangeRates.map((r) => [r.currency, r.rate])) };
}

type Row = { creatorId: string | null; event: string; currency: string | null; conversions: number; net: string };

/** Keyed by creator id ("" for conversions attributed to the campaign without a creator). */
export async function getCampaignConversionFacts(workspaceId: string, campaignId: string, currency: string, since: Date): Promise<Map<string, ConversionFacts>> {
  const [{ rows }, rates] = await Promise.all([
    getPool().query<Row>(
      `SELECT c."creatorId", c."event", c."currency",
              count(*) FILTER (WHERE NOT coalesce(r.cancelled, false))::int AS "conversions",
              sum(coalesce(c."valueMinor", 0) - coalesce(r.reversed, 0))::bigint AS "net"
         FROM "Conversion" c
         LEFT JOIN LATERAL (SELECT bool_or("full") AS cancelled, sum("valueMinor") AS reversed FROM "ConversionReversal" WHERE "conversionId" = c."id") r ON true
        WHERE c."workspaceId" = $1 AND c."campaignId" = $2 AND c."occurredAt" >= $3
        GROUP BY 1, 2, 3`,
      [workspaceId, campaignId, since],
    ),
    getRates(workspaceId),
  ]);
  const byCreator = new Map<string, { facts: ConversionFacts; amounts: { currency: string; minor: number }[] }>();
  for (const row of rows) {
    const key = row.creatorId ?? "";
    const entry = byCreator.get(key) ?? { facts: emptyConversionFacts(), amounts: [] };
    entry.facts.conversions += row.conversions;
    if (row.event === "purchase") entry.facts.purchases += row.conversions;
    const net = Number(row.net);
    if (row.currency && net !== 0) entry.amounts.push({ currency: row.currency, minor: net });
    byCreator.set(key, entry);
  }
  const result = new Map<string, ConversionFacts>();
  for (const [key, { facts, amounts }] of byCreator) {
    const { minor, apart } = sumInCurrency(amounts, currency, rates);
    result.set(key, { ...facts, revenueMinor: minor, revenueApart: apart });
  }
  return result;
}
