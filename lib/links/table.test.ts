import { describe, expect, it } from "vitest";
import type { LinkRow } from "@/lib/links/queries";
import { shortLinkHosts } from "@/lib/urls/short-url";
import { linksCsv, parseLinkSort, sortLinks } from "@/lib/links/table";

const row = (slug: string, clicks: number, created: string, creator: string | null = null): LinkRow => ({
  id: slug,
  workspaceId: "w",
  domain: "",
  slug,
  url: `https://example.com/${slug}`,
  creatorId: creator ? `c-${creator}` : null,
  tags: [],
  campaignId: null,
  platform: null,
  postedAt: null,
  reach: null,
  impressions: null,
  engagementRate: null,
  createdById: null,
  archivedAt: null,
  notes: null,
  pausedAt: null,
  expiresAt: null,
  maxClicks: null,
  limitedClicks: 0,
  expiredUrl: null,
  createdAt: new Date(created),
  updatedAt: new Date(created),
  creator: creator ? { id: `c-${creator}`, name: creator } : null,
  clicks,
  filtered: 0,
});

const links = [row("b-link", 5, "2026-01-02", "Zoe"), row("a-link", 50, "2026-01-01", "Ana"), row("c-link", 5, "2026-01-03")];

describe("links table", () => {
  it("sorts newest first by default, and by clicks with the slug breaking ties", () => {
    const byDefault = parseLinkSort(undefined, undefined);
    expect(sortLinks(links, byDefault.sort, byDefault.dir).map((l) => l.slug)).toEqual(["c-link", "b-link", "a-link"]);
    expect(sortLinks(links, "clicks", "desc").map((l) => l.slug)).toEqual(["a-link", "b-link", "c-link"]);
    expect(sortLinks(links, "creator", "asc").map((l) => l.slug)).toEqual(["c-link", "a-link", "b-link"]);
  });

  it("refuses unknown sort keys", () => {
    expect(parseLinkSort("constructor", "sideways")).toEqual({ sort: "created", dir: "desc" });
  });

  it("exports what the table shows, with full short URLs", () => {
    const csv = linksCsv([links[1]!], shortLinkHosts({ requestOrigin: "http://localhost:3000" }));
    expect(csv.split("\r\n")).toEqual([
      "Short URL,Slug,Destination,Creator,Clicks,Filtered,Created,Archived",
      "http://localhost:3000/a-link,a-link,https://example.com/a-link,Ana,50,0,2026-01-01T00:00:00.000Z,",
    ]);
  });
});
