// The permission matrix as the guards apply it: every role × every action, each action through
// a real entry point (a server action or an API route with a session), on the real database.
// Refused: the role's refusal and nothing written. Allowed: the guard lets it through to the
// domain (which may still refuse for its own reasons, e.g. billing not configured here).
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Role } from "@prisma/client";
import { resetEnvForTests } from "@/lib/env";
import { truncateAll, connectTestDatabase } from "@/lib/testing/db";
import { makeWorkspace } from "@/lib/testing/fixtures";
import { ACTIONS, can, ROLES, type Action } from "@/lib/workspaces/permissions";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/auth", () => ({
  auth: async () => (session.userId ? { user: { id: session.userId }, expires: "2099-01-01T00:00:00Z" } : null),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "localhost:3000" }) }));

connectTestDatabase();
process.env.APP_URL = "http://localhost:3000";
resetEnvForTests();
const linkRoutes = await import("@/app/api/v1/links/route");
const conversionRoutes = await import("@/app/api/v1/conversions/route");
const workspaceActions = await import("@/app/(app)/w/[workspace]/actions");
const creatorActions = await import("@/app/(app)/w/[workspace]/creators/actions");
const campaignActions = await import("@/app/(app)/w/[workspace]/campaigns/actions");
const memberActions = await import("@/app/(app)/w/[workspace]/settings/members/actions");
const conversionSettingsActions = await import("@/app/(app)/w/[workspace]/settings/conversions/actions");
const billingActions = await import("@/app/(app)/w/[workspace]/settings/billing/actions");
const settingsActions = await import("@/app/(app)/w/[workspace]/settings/actions");
const exportRoute = await import("@/app/(app)/w/[workspace]/settings/export/route");
const { getDb } = await import("@/lib/db");

type Outcome = { refusedForRole: boolean };
// a new rate each time it is let through (setting one currency again updates its row)
const CURRENCIES = ["EUR", "GBP", "CAD", "AUD", "CHF", "SEK", "NOK", "DKK", "PLN", "NZD", "SGD", "HKD", "MXN", "BRL", "ZAR", "INR", "KRW"];
const noParams = { params: Promise.resolve({}) };
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

/** A server action's result: refused for the role, or let through (a redirect counts as through). */
async function viaAction(run: () => Promise<{ ok: boolean; error?: string } | null>): Promise<Outcome> {
  try {
    const state = await run();
    return { refusedForRole: Boolean(state && !state.ok && /^Your role \(\w+\) cannot do this/.test(state.error ?? "")) };
  } catch (error) {
    if (String((error as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT")) return { refusedForRole: false };
    throw error;
  }
}

async function viaRoute(response: Promise<Response>): Promise<Outcome> {
  const answered = await response;
  if (answered.status !== 403) return { refusedForRole: false };
  const body = (await answered.json()) as { error: { code: string; message: string } };
  return { refusedForRole: body.error.code === "forbidden" && /permission, which a \w+ does not have/.test(body.error.message) };
}

describe("every role × every action through the guards", () => {
  let slug = "";
  let creatorId = "";
  const users = {} as Record<Role, string>;
  let n = 0;

  // One real entry point per action, and the rows it writes when let through.
  const ENTRY: Record<Action, { run: () => Promise<Outcome>; count: () => Promise<number>; reset?: () => Promise<unknown> }> = {
    "workspace.read": {
      run: () => viaRoute(linkRoutes.GET(new Request(`http://localhost:3000/api/v1/links?workspace=${slug}`), noParams)),
      count: async () => 0,
    },
    "links.write": {
      run: () => viaRoute(linkRoutes.POST(new Request(`http://localhost:3000/api/v1/links?workspace=${slug}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ url: "https://example.com/" }) }), noParams)),
      count: () => getDb().link.count(),
    },
    "creators.write": {
      run: () => viaAction(() => creatorActions.createCreatorAction(slug, null, form({ name: `Creator ${++n}`, "platforms.0.platform": "instagram", "platforms.0.handle": `creator${n}`, "platforms.0.followers": "1000" }))),
      count: () => getDb().creator.count(),
    },
    "campaigns.write": {
      run: () => viaAction(() => campaignActions.createCampaignAction(slug, null, form({ name: `Campaign ${++n}`, objective: "traffic", currency: "USD", destinationUrl: "https://shop.example.com/", primaryKpi: "clicks" }))),
      count: () => getDb().campaign.count(),
    },
    "conversions.write": {
      run: () => viaRoute(conversionRoutes.POST(new Request(`http://localhost:3000/api/v1/conversions?workspace=${slug}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ event: "signup", externalId: `e-${++n}` }) }), noParams)),
      count: () => getDb().conversion.count(),
    },
    "creatorPages.manage": {
      run: () => viaAction(() => creatorActions.enableCreatorPageAction(slug, creatorId, null)),
      count: () => getDb().creatorPage.count(),
      // one page per creator: start each case without it
      reset: () => getDb().creatorPage.deleteMany(),
    },
    "members.manage": {
      run: () => viaAction(() => memberActions.inviteMemberAction(slug, null, form({ email: `new${++n}@brand.test`, role: "viewer" }))),
      count: () => getDb().invitation.count(),
    },
    "apiKeys.manage": {
      run: () => viaAction(() => workspaceActions.createApiKeyAction(slug, null, form({ name: `key ${++n}`, scopes: "links:read" }))),
      count: () => getDb().apiKey.count(),
    },
    "settings.manage": {
      run: () => viaAction(() => conversionSettingsActions.setExchangeRateAction(slug, null, form({ currency: CURRENCIES[++n % CURRENCIES.length]!, rate: "1.1" }))),
      count: () => getDb().exchangeRate.count(),
    },
    "billing.manage": {
      // Stripe is not configured in this test: let through, it answers that billing is off.
      run: () => viaAction(() => billingActions.startCheckoutAction(slug, null, form({ plan: "team", interval: "monthly" }))),
      count: () => getDb().stripeEvent.count(),
    },
    "workspace.export": {
      run: () => viaRoute(exportRoute.GET(new Request(`http://localhost:3000/w/${slug}/settings/export`), { params: Promise.resolve({ workspace: slug }) })),
      count: async () => 0,
    },
    "workspace.delete": {
      // let through with a wrong confirmation, so the shared workspace is refused for that and stays
      run: () => viaAction(() => settingsActions.deleteWorkspaceAction(slug, null, form({ confirm: "not-the-address" }))),
      count: () => getDb().workspace.count(),
    },
  };

  beforeAll(async () => {
    await truncateAll();
    const ws = await makeWorkspace("Matrix Brand", "team");
    slug = ws.workspace.slug;
    users.owner = ws.user.id;
    for (const role of ["admin", "member", "viewer"] as const) {
      const user = await getDb().user.create({ data: { email: `${role}@matrix.test` } });
      await getDb().membership.create({ data: { workspaceId: ws.workspace.id, userId: user.id, role } });
      users[role] = user.id;
    }
    creatorId = (await getDb().creator.create({ data: { workspaceId: ws.workspace.id, name: "Page Creator" } })).id;
  });

  for (const action of ACTIONS) {
    for (const role of ROLES) {
      const allowed = can(role, action);
      it(`${role} ${allowed ? "passes" : "is refused"}: ${action}`, async () => {
        session.userId = users[role];
        await ENTRY[action].reset?.();
        const before = await ENTRY[action].count();
        const outcome = await ENTRY[action].run();
        expect(outcome.refusedForRole).toBe(!allowed);
        if (!allowed) expect(await ENTRY[action].count()).toBe(before);
      });
    }
  }

  it("every writing entry point above really writes when let through (so a refusal test cannot pass vacuously)", async () => {
    session.userId = users.owner;
    for (const action of ["links.write", "creators.write", "campaigns.write", "conversions.write", "creatorPages.manage", "members.manage", "apiKeys.manage", "settings.manage"] as const) {
      await ENTRY[action].reset?.();
      const before = await ENTRY[action].count();
      await ENTRY[action].run();
      expect(await ENTRY[action].count(), action).toBeGreaterThan(before);
    }
  });
});
