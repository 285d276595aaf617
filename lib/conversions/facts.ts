// Conversions per creator of a campaign, as the KPI module wants them: conversions that still
// count (not fully reversed), purchases among them, and net revenue (value − reversals) in the
// campaign's currency — converted with the brand's rates, or kept apart where a rate is missing —
// and how much of it visitors' browsers reported rather than the brand's server.
import "server-only";
import { sumInCurrency, type Rates } from "@/lib/conversions/currency";
import { isBrowserReported } from "@/lib/conversions/sources";
import { getDb, getPool } from "@/lib/db";

export type ConversionFacts = {
  conversions: number;
  purchases: number;
  revenueMinor: number;
  revenueApart: Map<string, number>;
  /**
   * The part of `conversions` and `revenueMinor` reported by visitors' browsers (/cp.js, source
   * "script") rather than by the brand's server: anyone holding the page's publishable key can send
   * such a report, so it is shown apart for the brand to weigh.
   */
  browserConversions: number;
  browserRevenueMinor: number;
};

export const emptyConversionFacts = (): ConversionFacts => ({ conversions: 0, purchases: 0, revenueMinor: 0, revenueApart: new Map(), browserConversions: 0, browserRevenueMinor: 0 });


export async function getRates(workspaceId: string): Promise<Rates> {
  const workspace = await getDb().workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { currency: true, exchangeRates: { select: { currency: true, rate: true } } } });
  return { base: workspace.currency, rates: new Map(workspace.exchangeRates.map((r) => [r.currency, r.rate])) };
}

type Row = { creatorId: string | null; event: string; currency: string | null; source: string; conversions: number; net: string };

/** Keyed by creator id ("" for conversions attributed to the campaign without a creator). */
export async function getCampaignConversionFacts(workspaceId: string, campaignId: string, currency: string, since: Date): Promise<Map<string, ConversionFacts>> {
  const [{ rows }, rates] = await Promise.all([
    getPool().query<Row>(
      `SELECT c."creatorId", c."event", c."currency", c."source",
              count(*) FILTER (WHERE NOT coalesce(r.cancelled, false))::int AS "conversions",
              sum(coalesce(c."valueMinor", 0) - coalesce(r.reversed, 0))::bigint AS "net"
         FROM "Conversion" c
         LEFT JOIN LATERAL (SELECT bool_or("full") AS cancelled, sum("valueMinor") AS reversed FROM "ConversionReversal" WHERE "conversionId" = c."id") r ON true
        WHERE c."workspaceId" = $1 AND c."campaignId" = $2 AND c."occurredAt" >= $3
        GROUP BY 1, 2, 3, 4`,
      [workspaceId, campaignId, since],
    ),
    getRates(workspaceId),
  ]);
  type Entry = { facts: ConversionFacts; amounts: { currency: string; minor: number }[]; browserAmounts: { currency: string; minor: number }[] };
  const byCreator = new Map<string, Entry>();
  for (const row of rows) {
    const key = row.creatorId ?? "";
    const entry = byCreator.get(key) ?? { facts: emptyConversionFacts(), amounts: [], browserAmounts: [] };
    const fromBrowser = isBrowserReported(row.source);
    entry.facts.conversions += row.conversions;
    if (fromBrowser) entry.facts.browserConversions += row.conversions;
    if (row.event === "purchase") entry.facts.purchases += row.conversions;
    const net = Number(row.net);
    if (row.currency && net !== 0) {
      entry.amounts.push({ currency: row.currency, minor: net });
      if (fromBrowser) entry.browserAmounts.push({ currency: row.currency, minor: net });
    }
    byCreator.set(key, entry);
  }
  const result = new Map<string, ConversionFacts>();
  for (const [key, { facts, amounts, browserAmounts }] of byCreator) {
    const { minor, apart } = sumInCurrency(amounts, currency, rates);
    result.set(key, { ...facts, revenueMinor: minor, revenueApart: apart, browserRevenueMinor: sumInCurrency(browserAmounts, currency, rates).minor });
  }
  return result;
}
