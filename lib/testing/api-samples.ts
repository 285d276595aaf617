// A valid call of every REST operation (a body and query it accepts), given the ids of a
// workspace's link, creator and campaign. Shared by the isolation matrix and the fuzz tests,
// which both must cover every operation: a new operation needs its sample here.
import { OPERATIONS } from "@/lib/api/v1";

export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
export type Ids = { linkId: string; creatorId: string; campaignId: string };
/** A call each operation accepts (a valid body), given workspace A's ids. A new operation needs one here. */
export const SAMPLES: Record<string, (ids: Ids) => { query?: string; body?: unknown }> = {
  listLinks: () => ({}),
  createLink: () => ({ body: { url: "https://shop.example.com/new" } }),
  createLinksInBulk: () => ({ body: { items: [{ url: "https://shop.example.com/bulk" }] } }),
  getLink: () => ({}),
  getLinkQr: () => ({ query: "format=png&size=256" }),
  updateLink: () => ({ body: { tags: ["changed"] } }),
  archiveLink: () => ({}),
  listCreators: () => ({}),
  createCreator: () => ({ body: { name: "New", platforms: [{ platform: "x", handle: "new", followers: 1 }] } }),
  upsertCreators: () => ({ body: { items: [{ name: "Up", platforms: [{ platform: "x", handle: "up", followers: 1 }] }] } }),
  getCreator: () => ({}),
  updateCreator: () => ({ body: { name: "Changed" } }),
  archiveCreator: () => ({}),
  listCampaigns: () => ({}),
  createCampaign: () => ({ body: { name: "New campaign", objective: "traffic" } }),
  getCampaign: () => ({}),
  updateCampaign: () => ({ body: { name: "Changed campaign" } }),
  archiveCampaign: () => ({}),
  listCampaignCreators: () => ({}),
  setCampaignCreator: () => ({ body: { flatFeeMinor: 100 } }),
  removeCampaignCreator: () => ({}),
  generateCampaignLinks: (ids) => ({ body: { creatorIds: [ids.creatorId] } }),
  linkAnalytics: (ids) => ({ query: `linkId=${ids.linkId}` }),
  listConversions: () => ({}),
  createConversion: () => ({ body: { event: "signup", externalId: "matrix-1" } }),
  createReversal: () => ({ body: { conversionExternalId: "matrix-1", externalId: "matrix-r1" } }),
};

export function callOf(operation: (typeof OPERATIONS)[number], ids: Ids) {
  const sample = SAMPLES[operation.operationId]!(ids);
  const pathname = `/api/v1${operation.path.replace(/\{(\w+)\}/g, (_, name: keyof Ids) => ids[name])}`;
  return { method: operation.method.toUpperCase() as Method, url: sample.query ? `${pathname}?${sample.query}` : pathname, body: sample.body };
}

/** A body with the value at `path` replaced, e.g. ["items", 0, "url"] (objects along the way are copied). */
export function withValue(body: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(body)) return body.map((item, i) => (i === head ? withValue(item, rest, value) : item));
  const object = (body ?? {}) as Record<string, unknown>;
  return { ...object, [head!]: withValue(object[head!], rest, value) };
}
