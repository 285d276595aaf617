// The workspace every REST suite that walks all operations starts from: a creator with a platform,
// a campaign with that creator, a link of theirs — the ids callOf needs — and an API key, with the
// rate limiter raised so the suite never meets it. Call after connectTestDatabase(), in beforeAll.
import { makeWorkspace } from "@/lib/testing/fixtures";
import type { Ids } from "@/lib/testing/api-samples";

export async function makeApiFixture(name: string, slugPrefix: string): Promise<{ workspaceId: string; key: string; ids: Ids }> {
  const { getDb } = await import("@/lib/db");
  const { createApiRateLimiter, setApiRateLimiterForTests } = await import("@/lib/api/rate-limit");
  const a = await makeWorkspace(name);
  const workspaceId = a.workspace.id;
  const db = getDb();
  const creator = await db.creator.create({ data: { workspaceId, name: "Maya", platforms: { create: { workspaceId, platform: "tiktok", handle: "maya", followers: 10 } } } });
  const campaign = await db.campaign.create({ data: { workspaceId, name: "Spring", slug: "spring", destinationUrl: "https://shop.example.com/spring" } });
  await db.campaignCreator.create({ data: { workspaceId, campaignId: campaign.id, creatorId: creator.id } });
  const link = await db.link.create({ data: { workspaceId, slug: `${slugPrefix}-maya`, url: "https://shop.example.com/", creatorId: creator.id } });
  setApiRateLimiterForTests(createApiRateLimiter({ points: 1_000_000, keyPrefix: `${slugPrefix}-${Date.now()}` }));
  return { workspaceId, key: a.apiKey, ids: { linkId: link.id, creatorId: creator.id, campaignId: campaign.id } };
}
