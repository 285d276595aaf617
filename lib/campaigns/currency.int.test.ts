// Campaigns in a currency without minor units (JPY, KRW) or with three (KWD): what a brand types
// in the forms is what is stored, shown and exported, through the real server actions.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { makeWorkspace } from "@/lib/testing/fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, expires: "2099-01-01T00:00:00Z" } : null),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost:3000" }) })); // the request's host: our own

connectTestDatabase();
const actions = await import("@/app/(app)/w/[workspace]/campaigns/actions");
const { campaignFormValues } = await import("@/lib/campaigns/form-values");
const { getCampaign } = await import("@/lib/campaigns/campaigns");
const { getDb } = await import("@/lib/db");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};
const campaignForm = (overrides: Record<string, string> = {}) =>
  form({ name: "Tokyo Pop-up", objective: "conversions", currency: "JPY", budget: "1,500,000", destinationUrl: "https://shop.example.jp/", primaryKpi: "cpa", target_cpa: "2500", ...overrides });

/** Runs a create action; returns the new campaign's id (from its redirect) or the failed state. */
async function create(data: FormData, slug: string) {
  try {
    return { failed: await actions.createCampaignAction(slug, null, data) };
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (!digest.startsWith("NEXT_REDIRECT")) throw error;
    return { id: digest.split(";")[2]!.split("/").at(-1)! };
  }
}

describe("campaign money in the campaign's own currency", () => {
  let slug = "";
  let workspaceId = "";
  beforeAll(async () => {
    await truncateAll();
    const { user, workspace } = await makeWorkspace();
    session.userId = user.id;
    slug = workspace.slug;
    workspaceId = workspace.id;
  });

  it("stores yen typed in the form as whole yen, and shows them back the same", async () => {
    const { id } = await create(campaignForm(), slug);
    const campaign = (await getCampaign(workspaceId, id!))!;
    expect(campaign.budgetMinor).toBe(1_500_000);
    expect(campaign.kpis[0]!.target).toBe(2_500);
    const values = campaignFormValues(campaign);
    expect([values.budget, values.targets.cpa]).toEqual(["1500000", "2500"]);
  });

  it("refuses decimals a currency does not have, naming the field and writing nothing", async () => {
    const before = await getDb().campaign.count();
    const { failed } = await create(campaignForm({ budget: "1500.50" }), slug);
    expect(failed).toMatchObject({ ok: false, fieldErrors: { budget: "Enter a whole amount like 5000 (JPY has no decimals)" } });
    const { failed: target } = await create(campaignForm({ target_cpa: "2.5" }), slug);
    expect(target).toMatchObject({ ok: false, fieldErrors: { target_cpa: expect.stringContaining("JPY has no decimals") } });
    expect(await getDb().campaign.count()).toBe(before);
  });

  it("reads a creator's fee in the campaign's currency (¥50,000, not ¥5,000,000)", async () => {
    const { id } = await create(campaignForm({ name: "Fees in yen" }), slug);
    const creator = await getDb().creator.create({ data: { workspaceId, name: "Aiko Tanaka" } });
    const saved = await actions.saveCampaignCreatorAction(slug, id!, null, form({ creatorId: creator.id, flatFee: "50,000", giftedValue: "¥8000" }));
    expect(saved).toMatchObject({ ok: true });
    const terms = await getDb().campaignCreator.findFirstOrThrow({ where: { campaignId: id!, creatorId: creator.id } });
    expect([terms.flatFeeMinor, terms.giftedValueMinor]).toEqual([50_000, 8_000]);

    const refused = await actions.saveCampaignCreatorAction(slug, id!, null, form({ creatorId: creator.id, flatFee: "500.5" }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { flatFee: expect.stringContaining("JPY has no decimals") } });
    expect((await getDb().campaignCreator.findFirstOrThrow({ where: { id: terms.id } })).flatFeeMinor).toBe(50_000);
  });

  it("keeps the typed fees when a campaign moves to another currency: $500.00 becomes ¥500, and back", async () => {
    const { id } = await create(campaignForm({ name: "Moves currency", currency: "USD", budget: "5000.00", target_cpa: "25.00" }), slug);
    const creator = await getDb().creator.create({ data: { workspaceId, name: "Ken Mori" } });
    await actions.saveCampaignCreatorAction(slug, id!, null, form({ creatorId: creator.id, flatFee: "500.00", giftedValue: "12.34" }));
    const fees = async () => {
      const t = await getDb().campaignCreator.findFirstOrThrow({ where: { campaignId: id!, creatorId: creator.id } });
      return [t.flatFeeMinor, t.giftedValueMinor];
    };
    expect(await fees()).toEqual([50_000, 1_234]);

    const update = (fields: Record<string, string>) =>
      actions.updateCampaignAction(slug, id!, null, campaignForm({ name: "Moves currency", ...fields })).catch((error: { digest?: string }) => {
        if (!String(error.digest).startsWith("NEXT_REDIRECT")) throw error;
        return { ok: true };
      });
    await update({ currency: "JPY", budget: "5000", target_cpa: "25" });
    expect(await fees()).toEqual([500, 12]); // ¥500, and ¥12.34 rounds to ¥12
    await update({ currency: "USD", budget: "5000", target_cpa: "25" });
    expect(await fees()).toEqual([50_000, 1_200]);
    await update({ currency: "EUR", budget: "5000", target_cpa: "25" });
    expect(await fees()).toEqual([50_000, 1_200]); // same minor unit: nothing to do
  });

  it("three-decimal currencies keep their third digit", async () => {
    const { id } = await create(campaignForm({ name: "Kuwait", currency: "KWD", budget: "1,250.125", target_cpa: "3.5" }), slug);
    const campaign = (await getCampaign(workspaceId, id!))!;
    expect([campaign.budgetMinor, campaign.kpis[0]!.target]).toEqual([1_250_125, 3_500]);
    expect(campaignFormValues(campaign).budget).toBe("1250.125");
  });
});
