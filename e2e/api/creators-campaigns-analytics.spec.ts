// The API a brand's script drives for a launch, against the production server and the seeded demo:
// upsert the creators, make the campaign, add them with their fees, generate one link each, and
// read the numbers back as JSON and as CSV.
import { expect, test } from "@playwright/test";
import { bearer, uniqueSuffix } from "../support/helpers";

type Creator = { id: string; name: string; totalFollowers: number };

test("a launch scripted through the API: creators, campaign, terms, per-creator links, analytics", async ({ request }) => {
  const suffix = uniqueSuffix();
  const headers = bearer();
  const items = [
    { name: `Nia ${suffix}`, email: `nia-${suffix}@example.com`, platforms: [{ platform: "TikTok", handle: `@nia_${suffix}`, followers: "12.4k" }] },
    { name: `Omar ${suffix}`, platforms: [{ platform: "instagram", handle: `omar_${suffix}`, followers: 3_000 }] },
  ];
  const first = await request.post("/api/v1/creators/bulk", { headers, data: { items } });
  expect(first.status()).toBe(200);
  const created = (await first.json()) as { created: number; updated: number; results: { creator: Creator }[] };
  expect([created.created, created.updated]).toEqual([2, 0]);
  expect(created.results[0]!.creator.totalFollowers).toBe(12_400);
  // Running the script again finds them (by e-mail, and by handle) instead of duplicating them.
  const again = (await (await request.post("/api/v1/creators/bulk", { headers, data: { items } })).json()) as { created: number; updated: number; results: { creator: Creator }[] };
  expect([again.created, again.updated]).toEqual([0, 2]);
  expect(again.results.map((r) => r.creator.id)).toEqual(created.results.map((r) => r.creator.id));
  const creatorIds = created.results.map((r) => r.creator.id);

  const campaignResponse = await request.post("/api/v1/campaigns", {
    headers,
    data: { name: `Launch ${suffix}`, objective: "traffic", currency: "EUR", destinationUrl: "https://shop.example.com/launch", utmTemplate: { utm_source: "{platform}", utm_content: "{creator}" } },
  });
  expect(campaignResponse.status()).toBe(201);
  const campaign = (await campaignResponse.json()) as { id: string; currency: string };
  expect(campaign.currency).toBe("EUR");
  expect((await request.put(`/api/v1/campaigns/${campaign.id}/creators/${creatorIds[0]}`, { headers, data: { flatFeeMinor: 40_000, commissionRate: 0.05 } })).status()).toBe(201);

  const generated = await request.post(`/api/v1/campaigns/${campaign.id}/links`, { headers, data: { creatorIds } });
  expect(generated.status()).toBe(201);
  const links = ((await generated.json()) as { created: { creatorId: string; shortUrl: string; url: string }[] }).created;
  expect(links).toHaveLength(2);
  const nia = links.find((l) => l.creatorId === creatorIds[0])!;
  expect(new URL(nia.url).searchParams.get("utm_source")).toBe("tiktok");
  const roster = (await (await request.get(`/api/v1/campaigns/${campaign.id}/creators`, { headers })).json()) as { data: { creatorId: string; flatFeeMinor: number; currency: string }[] };
  expect(roster.data.find((t) => t.creatorId === creatorIds[0])).toMatchObject({ flatFeeMinor: 40_000, currency: "EUR" });

  // A person follows Nia's link twice; a bot once.
  for (let i = 0; i < 2; i++) expect((await request.get(nia.shortUrl, { maxRedirects: 0 })).status()).toBe(302);
  expect((await request.get(nia.shortUrl, { maxRedirects: 0, headers: { "user-agent": "curl/8.5.0" } })).status()).toBe(302);

  await expect(async () => {
    const byCreator = await request.get(`/api/v1/analytics?groupBy=creators&interval=24h&campaignId=${campaign.id}`, { headers });
    expect(byCreator.status()).toBe(200);
    const rows = ((await byCreator.json()) as { data: { creatorId: string; clicks: number; uniqueClicks: number; filteredClicks: number }[] }).data;
    expect(rows).toEqual([{ creatorId: creatorIds[0], name: items[0]!.name, clicks: 2, uniqueClicks: 1, filteredClicks: 1 }]);
  }).toPass({ timeout: 10_000 }); // clicks are written a moment after the redirect

  const csv = await request.get(`/api/v1/analytics?groupBy=timeseries&interval=24h&campaignId=${campaign.id}&format=csv`, { headers });
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  expect(lines[0]).toBe("hour,start,clicks,unique_clicks,filtered_clicks");
  expect(lines).toHaveLength(25);
  expect(lines.slice(1).reduce((sum, line) => sum + Number(line.split(",")[2]), 0)).toBe(2);

  // Leave the demo's campaign list as it was.
  expect((await request.delete(`/api/v1/campaigns/${campaign.id}`, { headers })).status()).toBe(200);
});
