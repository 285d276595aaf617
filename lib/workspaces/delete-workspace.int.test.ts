// A workspace deleting itself, against the real database and the fake Stripe: everything below it
// goes (every table with a workspaceId, and the per-link tables), another workspace keeps every
// row, the members' accounts stay, a paid subscription is cancelled first — and when Stripe cannot
// be reached, or the caller is not the owner, or the confirmation is wrong, nothing is deleted.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvForTests } from "@/lib/env";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { clicksAt, makeWorkspace, refusal } from "@/lib/testing/fixtures";
import { startFakeStripe, type FakeStripe } from "@/lib/testing/fake-stripe";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

connectTestDatabase();
const { getDb, getPool } = await import("@/lib/db");
const { deleteWorkspace } = await import("@/lib/workspaces/delete-workspace");
const { startCheckout } = await import("@/lib/billing/checkout");

/** Every table with a workspaceId column, read from the database itself (a new table cannot slip past). */
async function tenantTables(): Promise<string[]> {
  const { rows } = await getPool().query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'workspaceId' ORDER BY 1`,
  );
  return rows.map((row) => row.table_name);
}

/** Rows per table for the workspace, and in the per-link tables that have no workspaceId (by the links it had). */
async function rowsOf(workspaceId: string, linkIds?: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tenantTables()) {
    counts[table] = Number((await getPool().query(`SELECT count(*) FROM "${table}" WHERE "workspaceId" = $1`, [workspaceId])).rows[0].count);
  }
  const links = linkIds ?? (await getPool().query<{ id: string }>(`SELECT "id" FROM "Link" WHERE "workspaceId" = $1`, [workspaceId])).rows.map((r) => r.id);
  counts.LinkDayVisitor = Number((await getPool().query(`SELECT count(*) FROM "LinkDayVisitor" WHERE "linkId" = ANY($1::text[])`, [links])).rows[0].count);
  return counts;
}

/** A workspace with rows in most tables: members, a key, a domain, a creator in a campaign, links with clicks, a conversion. */
async function populated(name: string, clicks = 30) {
  const ws = await makeWorkspace(name);
  const db = getDb();
  const id = ws.workspace.id;
  const admin = await db.user.create({ data: { email: `admin-${id}@delete.test` } });
  await db.membership.create({ data: { workspaceId: id, userId: admin.id, role: "admin" } });
  await db.invitation.create({ data: { workspaceId: id, email: `invited-${id}@delete.test`, role: "viewer", tokenHash: `hash-${id}`, expiresAt: new Date(Date.now() + 86_400_000) } });
  await db.domain.create({ data: { workspaceId: id, hostname: `go.${id}.test`, verificationToken: "t" } });
  const creator = await db.creator.create({ data: { workspaceId: id, name: "Maya", platforms: { create: { workspaceId: id, platform: "tiktok", handle: "maya", followers: 10 } } } });
  const campaign = await db.campaign.create({ data: { workspaceId: id, name: "Spring", slug: "spring" } });
  await db.campaignCreator.create({ data: { workspaceId: id, campaignId: campaign.id, creatorId: creator.id } });
  const link = await db.link.create({ data: { workspaceId: id, slug: `del-${id.slice(-8)}`, url: "https://shop.example.com/", creatorId: creator.id, campaignId: campaign.id } });
  await clicksAt(id, link.id, new Date(), clicks); // with its rollups and visitor-day rows, as the writer makes them
  await getPool().query(`INSERT INTO "UnservedHit" ("id", "workspaceId", "linkId", "reason") VALUES ($1, $2, $3, 'paused')`, [`hit-${id}`, id, link.id]);
  await getPool().query(`INSERT INTO "LinkDailyDimension" ("linkId", "workspaceId", "day", "dimension", "value", "clicks") VALUES ($1, $2, '2025-01-01', 'countries', 'FR', 3)`, [link.id, id]);
  await db.conversion.create({ data: { workspaceId: id, externalId: "order-1", event: "purchase", attribution: "click", attributionReason: "test", source: "api", occurredAt: new Date(), linkId: link.id } });
  return { ...ws, admin };
}

describe("deleting a workspace", () => {
  let fake: FakeStripe;
  beforeAll(async () => {
    await truncateAll();
    fake = await startFakeStripe({ webhookSecret: "whsec_delete_test" });
  });
  afterAll(async () => {
    process.env.STRIPE_SECRET_KEY = "";
    process.env.STRIPE_WEBHOOK_SECRET = "";
    process.env.STRIPE_API_BASE = "";
    resetEnvForTests();
    await fake.close();
  });

  it("deletes everything below the workspace, in steps, and nothing of another workspace", async () => {
    const a = await populated("Leaving", 10_500); // more clicks than one deletion step takes
    const b = await populated("Staying");
    const linkIds = (await getDb().link.findMany({ where: { workspaceId: a.workspace.id }, select: { id: true } })).map((l) => l.id);
    const before = await rowsOf(a.workspace.id, linkIds);
    for (const table of ["UnservedHit", "LinkDailyDimension", "Click", "Link", "Membership", "LinkDayVisitor", "LinkHourlyStat", "LinkDailyStat", "Conversion", "Domain", "ApiKey", "Invitation", "Creator", "CreatorPlatform", "Campaign", "CampaignCreator"]) {
      expect(before[table], `${table} has rows to delete`).toBeGreaterThan(0);
    }
    const bBefore = await rowsOf(b.workspace.id);

    await deleteWorkspace(a.user.id, a.workspace.slug, { confirm: ` ${a.workspace.slug.toUpperCase()} ` });

    expect(await getDb().workspace.findUnique({ where: { id: a.workspace.id } })).toBeNull();
    const after = await rowsOf(a.workspace.id, linkIds);
    expect(Object.values(after).every((n) => n === 0), JSON.stringify(after)).toBe(true);
    expect(await rowsOf(b.workspace.id)).toEqual(bBefore);
    // people keep their accounts (they may belong to other workspaces)
    expect(await getDb().user.count({ where: { id: { in: [a.user.id, a.admin.id] } } })).toBe(2);
  });

  it("refuses an admin, a stranger and a wrong confirmation, and deletes nothing", async () => {
    const a = await populated("Guarded");
    const stranger = await makeWorkspace("Stranger");
    const before = await rowsOf(a.workspace.id);
    expect((await refusal(deleteWorkspace(a.admin.id, a.workspace.slug, { confirm: a.workspace.slug }))).code).toBe("forbidden");
    expect((await refusal(deleteWorkspace(stranger.user.id, a.workspace.slug, { confirm: a.workspace.slug }))).code).toBe("not_found");
    const wrong = await refusal(deleteWorkspace(a.user.id, a.workspace.slug, { confirm: "something-else" }));
    expect(wrong.details).toEqual([{ path: "confirm", message: `That is not this workspace's address; type ${a.workspace.slug} exactly` }]);
    expect(await rowsOf(a.workspace.id)).toEqual(before);
  });

  it("cancels a paid subscription at Stripe first; with Stripe unreachable, deletes nothing", async () => {
    process.env.STRIPE_SECRET_KEY = "sk_test_delete";
    process.env.STRIPE_WEBHOOK_SECRET = "whsec_delete_test";
    process.env.STRIPE_API_BASE = fake.url;
    resetEnvForTests();
    const paying = await makeWorkspace("Paying", "free");
    const url = await startCheckout(paying.workspace, { plan: "team", interval: "monthly" }, { origin: "http://localhost:3000", userId: paying.user.id });
    const subscription = await fake.completeCheckout(url.split("/").at(-1) ?? "");
    // what the webhook would have written (no webhook receiver in this test)
    await getDb().workspace.update({ where: { id: paying.workspace.id }, data: { plan: "team", stripeSubscriptionId: subscription.id, billingStatus: "active" } });

    process.env.STRIPE_API_BASE = "http://127.0.0.1:9"; // nothing listens there
    resetEnvForTests();
    const unreachable = await refusal(deleteWorkspace(paying.user.id, paying.workspace.slug, { confirm: paying.workspace.slug }));
    expect(unreachable.code).toBe("unavailable");
    expect(await getDb().workspace.findUnique({ where: { id: paying.workspace.id } })).not.toBeNull();
    expect(fake.subscriptions.get(subscription.id)?.status).toBe("active");

    process.env.STRIPE_API_BASE = fake.url;
    resetEnvForTests();
    await deleteWorkspace(paying.user.id, paying.workspace.slug, { confirm: paying.workspace.slug });
    expect(fake.subscriptions.get(subscription.id)?.status).toBe("canceled");
    expect(await getDb().workspace.findUnique({ where: { id: paying.workspace.id } })).toBeNull();
  });

  it("goes on when the subscription was already cancelled at Stripe and its webhook has not arrived", async () => {
    const paying = await makeWorkspace("Cancelled in the portal", "free");
    const url = await startCheckout(paying.workspace, { plan: "single", interval: "monthly" }, { origin: "http://localhost:3000", userId: paying.user.id });
    const subscription = await fake.completeCheckout(url.split("/").at(-1) ?? "");
    await getDb().workspace.update({ where: { id: paying.workspace.id }, data: { plan: "single", stripeSubscriptionId: subscription.id, billingStatus: "active" } });
    await fake.updateSubscription(subscription.id, { status: "canceled" });
    await deleteWorkspace(paying.user.id, paying.workspace.slug, { confirm: paying.workspace.slug });
    expect(await getDb().workspace.findUnique({ where: { id: paying.workspace.id } })).toBeNull();
  });
});
