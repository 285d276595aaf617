import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, truncateAll } from "@/lib/testing/db";
import { makeWorkspace, refusal } from "@/lib/testing/fixtures";

connectTestDatabase();
const { getLinkDefaults, updateLinkDefaults } = await import("@/lib/workspaces/link-defaults");
const { DEFAULT_UTM_TEMPLATE } = await import("@/lib/links/utm");

describe("link defaults", () => {
  let ws: Awaited<ReturnType<typeof makeWorkspace>>;
  beforeAll(async () => {
    await truncateAll();
    ws = await makeWorkspace();
  });

  it("starts with no brand colour and the seed's UTM convention", async () => {
    expect(await getLinkDefaults(ws.workspace.id)).toEqual({ brandColor: null, utmTemplate: DEFAULT_UTM_TEMPLATE });
  });

  it("saves a colour (lowercased) and a template; all-empty tags mean untagged, not the default", async () => {
    const saved = await updateLinkDefaults(ws.workspace.id, { brandColor: " #FF5A1F ", utmTemplate: { utm_source: "{platform}", utm_medium: "creator", utm_term: "" } });
    expect(saved).toEqual({ brandColor: "#ff5a1f", utmTemplate: { utm_source: "{platform}", utm_medium: "creator" } });
    expect(await updateLinkDefaults(ws.workspace.id, { brandColor: null, utmTemplate: {} })).toEqual({ brandColor: null, utmTemplate: {} });
  });

  it("refuses a bad colour and unknown placeholders, by field", async () => {
    const error = await refusal(updateLinkDefaults(ws.workspace.id, { brandColor: "orange", utmTemplate: { utm_content: "{influencer}" } }));
    expect(error.code).toBe("invalid_input");
    expect((error.details as { path: string }[]).map((d) => d.path).sort()).toEqual(["brandColor", "utmTemplate.utm_content"]);
    // a colour too light to scan on white would break every default QR code
    const pale = await refusal(updateLinkDefaults(ws.workspace.id, { brandColor: "#ffd700", utmTemplate: {} }));
    expect(pale.details).toEqual([{ path: "brandColor", message: expect.stringMatching(/contrast/) }]);
  });
});
