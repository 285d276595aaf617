// Generating a campaign's links on a branded domain: the links are served on that domain at once.
// The writer used to clear the default domain's cache entry for each new slug, so a slug looked up
// on the branded domain just before (cached as "no such link" for a few seconds) stayed a 404.
import { beforeEach, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { makeWorkspace, testHosts as hosts } from "@/lib/testing/fixtures";

connectTestDatabase();
const { getDb } = await import("@/lib/db");
const { generateCampaignLinks } = await import("@/lib/campaigns/generate-links");
const { clearLinkCache, getCachedLink } = await import("@/lib/cache/link-cache");

describe("generated links on a branded domain", () => {
  beforeEach(async () => {
    await truncateAll();
    clearLinkCache();
  });

  it("clear the cache entry of the domain they are on", async () => {
    const ws = await makeWorkspace("Brand");
    const db = getDb();
    await db.domain.create({ data: { workspaceId: ws.workspace.id, hostname: "go.brand.test", verificationToken: "t".repeat(32), status: "verified", verifiedAt: new Date() } });
    const maya = await db.creator.create({ data: { workspaceId: ws.workspace.id, name: "Maya" } });
    const campaign = await db.campaign.create({ data: { workspaceId: ws.workspace.id, name: "Spring", slug: "spring", destinationUrl: "https://shop.example.com/spring" } });
    // a visit to go.brand.test/maya before the link exists: cached as no such link
    expect(await getCachedLink("go.brand.test", "maya", 60_000, async () => null)).toBeNull();

    const generated = await generateCampaignLinks({ workspaceId: ws.workspace.id, hosts }, campaign.id, { creatorIds: [maya.id], domain: "go.brand.test" });
    expect(generated.created).toEqual([expect.objectContaining({ domain: "go.brand.test", slug: "maya" })]);
    // the next visit loads it afresh instead of the cached "no such link"
    let loaded = false;
    await getCachedLink("go.brand.test", "maya", 60_000, async () => {
      loaded = true;
      return null;
    });
    expect(loaded).toBe(true);
  });
});
