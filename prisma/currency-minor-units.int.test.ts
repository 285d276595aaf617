// The data migration 20261121040000_currency_minor_units, run over rows written the old way
// (every amount as hundredths, whatever the currency): yen become whole yen, dinars thousandths,
// dollars stay.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { makeWorkspace } from "@/lib/testing/fixtures";

connectTestDatabase();
const { getDb, getPool } = await import("@/lib/db");
const sql = fs.readFileSync(path.join(import.meta.dirname, "migrations/20261121040000_currency_minor_units/migration.sql"), "utf8");

describe("migration: campaign amounts to ISO minor units", () => {
  beforeAll(async () => {
    await truncateAll();
  });

  it("rescales budgets, money targets and fees of non-two-decimal campaigns only", async () => {
    const { workspace } = await makeWorkspace();
    const db = getDb();
    const creator = await db.creator.create({ data: { workspaceId: workspace.id, name: "Aiko" } });
    const make = async (currency: string) => {
      // ¥150,000 budget, ¥2,500 CPA target, 50,000 clicks target, ¥50,000 fee — typed, then stored ×100 the old way
      const campaign = await db.campaign.create({
        data: {
          workspaceId: workspace.id,
          name: currency,
          slug: currency.toLowerCase(),
          currency,
          budgetMinor: 15_000_000,
          kpis: { create: [{ workspaceId: workspace.id, kpi: "cpa", target: 250_000, primary: true }, { workspaceId: workspace.id, kpi: "clicks", target: 50_000 }] },
        },
      });
      await db.campaignCreator.create({ data: { workspaceId: workspace.id, campaignId: campaign.id, creatorId: creator.id, flatFeeMinor: 5_000_000, giftedValueMinor: 1_234 } });
      return campaign.id;
    };
    const ids = { JPY: await make("JPY"), KWD: await make("KWD"), USD: await make("USD") };

    await getPool().query(sql);

    const read = async (id: string) => {
      const campaign = await db.campaign.findUniqueOrThrow({ where: { id }, include: { kpis: { orderBy: { kpi: "asc" } }, creators: true } });
      return { budget: campaign.budgetMinor, targets: campaign.kpis.map((k) => [k.kpi, k.target]), fees: [campaign.creators[0]!.flatFeeMinor, campaign.creators[0]!.giftedValueMinor] };
    };
    expect(await read(ids.JPY)).toEqual({ budget: 150_000, targets: [["clicks", 50_000], ["cpa", 2_500]], fees: [50_000, 12] });
    expect(await read(ids.KWD)).toEqual({ budget: 150_000_000, targets: [["clicks", 50_000], ["cpa", 2_500_000]], fees: [50_000_000, 12_340] });
    expect(await read(ids.USD)).toEqual({ budget: 15_000_000, targets: [["clicks", 50_000], ["cpa", 250_000]], fees: [5_000_000, 1_234] });
  });
});
