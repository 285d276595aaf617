// /api/v1/campaigns: campaigns, the creators in them with their terms, and per-creator link generation.
import "server-only";
import { z } from "zod";
import { defineOperation, json } from "@/lib/api/define";
import { pageQuerySchema } from "@/lib/pagination";
import { idParam, pageSchema } from "@/lib/api/schemas";
import { notFound } from "@/lib/errors";
import {
  createCampaign,
  getCampaignForApi,
  listCampaignCreators,
  listCampaignsPage,
  listCampaignsQuerySchema,
  patchCampaign,
  removeCampaignCreator,
  setCampaignArchived,
  setCampaignCreatorTerms,
} from "@/lib/campaigns/campaigns";
import { generateCampaignLinks, generateLinksSchema } from "@/lib/campaigns/generate-links";
import { campaignCreatorTermsSchema, campaignPatchSchema, campaignSchema } from "@/lib/campaigns/schema";
import { campaignCreatorResponseSchema, campaignResponseSchema, serializeCampaign, serializeCampaignCreator } from "@/lib/campaigns/serialize";
import { linkHostsForRequest } from "@/lib/links/request-hosts";
import { shortUrl } from "@/lib/urls/short-url";

const TAG = "Campaigns";
const campaignIdParam = idParam("campaignId", "campaign");
const termsParams = campaignIdParam.extend(idParam("creatorId", "creator").shape);
type CampaignParams = { campaignId: string };
type TermsParams = CampaignParams & { creatorId: string };
const PLAN_NOTE = "Campaigns are a plan feature: on a plan without them this answers 402 `plan_required`.";

async function campaignOr404(workspaceId: string, campaignId: string) {
  const campaign = await getCampaignForApi(workspaceId, campaignId);
  if (!campaign) throw notFound("Campaign not found");
  return serializeCampaign(campaign);
}

export const listCampaignsOperation = defineOperation({
  method: "get",
  path: "/campaigns",
  operationId: "listCampaigns",
  summary: "List campaigns",
  description: "Newest first; archived campaigns with `archived=true`.",
  tag: TAG,
  scope: "campaigns:read",
  query: listCampaignsQuerySchema,
  responses: { 200: { description: "A page of campaigns", schema: pageSchema(campaignResponseSchema) } },
  handle: async ({ workspace, query }) => {
    const { campaigns, nextCursor } = await listCampaignsPage(workspace.id, query);
    return json(pageSchema(campaignResponseSchema), { data: campaigns.map(serializeCampaign), nextCursor });
  },
});

export const createCampaignOperation = defineOperation({
  method: "post",
  path: "/campaigns",
  operationId: "createCampaign",
  summary: "Create a campaign",
  description: `Amounts (budget, money targets) are in minor units of \`currency\`; rate targets are fractions (0.02 = 2 %). ${PLAN_NOTE}`,
  tag: TAG,
  scope: "campaigns:write",
  body: campaignSchema,
  responses: { 201: { description: "Created", schema: campaignResponseSchema } },
  handle: async ({ request, workspace, body }) => {
    const campaign = await createCampaign(workspace.id, body, linkHostsForRequest(request));
    return json(campaignResponseSchema, await campaignOr404(workspace.id, campaign.id), { status: 201 });
  },
});

export const getCampaignOperation = defineOperation<undefined, undefined, CampaignParams>({
  method: "get",
  path: "/campaigns/{campaignId}",
  operationId: "getCampaign",
  summary: "Read a campaign",
  tag: TAG,
  scope: "campaigns:read",
  pathParams: campaignIdParam,
  responses: { 200: { description: "The campaign", schema: campaignResponseSchema } },
  handle: async ({ workspace, params }) => json(campaignResponseSchema, await campaignOr404(workspace.id, params.campaignId)),
});

export const updateCampaignOperation = defineOperation<undefined, typeof campaignPatchSchema, CampaignParams>({
  method: "patch",
  path: "/campaigns/{campaignId}",
  operationId: "updateCampaign",
  summary: "Change a campaign",
  description:
    "The fields sent replace the campaign's (`kpis` as a whole set); the rest stay; `null` clears. The result must still hold together " +
    "(an end date before the start is refused). Changing `currency` keeps the creators' fees as the numbers typed, not converted. " +
    PLAN_NOTE,
  tag: TAG,
  scope: "campaigns:write",
  pathParams: campaignIdParam,
  body: campaignPatchSchema,
  responses: { 200: { description: "The changed campaign", schema: campaignResponseSchema } },
  handle: async ({ request, workspace, params, rawBody }) => {
    await patchCampaign(workspace.id, params.campaignId, rawBody, linkHostsForRequest(request));
    return json(campaignResponseSchema, await campaignOr404(workspace.id, params.campaignId));
  },
});

export const archiveCampaignOperation = defineOperation<undefined, undefined, CampaignParams>({
  method: "delete",
  path: "/campaigns/{campaignId}",
  operationId: "archiveCampaign",
  summary: "Archive a campaign",
  description: `Its links keep redirecting and keep their campaign; its numbers are kept. ${PLAN_NOTE}`,
  tag: TAG,
  scope: "campaigns:write",
  pathParams: campaignIdParam,
  responses: { 200: { description: "The archived campaign", schema: campaignResponseSchema } },
  handle: async ({ workspace, params }) => {
    await setCampaignArchived(workspace.id, params.campaignId, true);
    return json(campaignResponseSchema, await campaignOr404(workspace.id, params.campaignId));
  },
});

const campaignCreatorsQuery = pageQuerySchema(500, 100);

export const listCampaignCreatorsOperation = defineOperation<typeof campaignCreatorsQuery, undefined, CampaignParams>({
  method: "get",
  path: "/campaigns/{campaignId}/creators",
  operationId: "listCampaignCreators",
  summary: "The creators in a campaign, with their terms",
  tag: TAG,
  scope: "campaigns:read",
  pathParams: campaignIdParam,
  query: campaignCreatorsQuery,
  responses: { 200: { description: "A page of them, in the order they joined", schema: pageSchema(campaignCreatorResponseSchema) } },
  handle: async ({ workspace, params, query }) => {
    const campaign = await listCampaignCreators(workspace.id, params.campaignId, query);
    if (!campaign) throw notFound("Campaign not found");
    return json(pageSchema(campaignCreatorResponseSchema), { data: campaign.creators.map((terms) => serializeCampaignCreator(terms, campaign.currency)), nextCursor: campaign.nextCursor });
  },
});

const termsBodySchema = campaignCreatorTermsSchema.omit({ creatorId: true }).meta({ id: "CampaignCreatorTerms" });

export const setCampaignCreatorOperation = defineOperation<undefined, typeof termsBodySchema, TermsParams>({
  method: "put",
  path: "/campaigns/{campaignId}/creators/{creatorId}",
  operationId: "setCampaignCreator",
  summary: "Add a creator to a campaign, or replace their terms",
  description: `Fees in minor units of the campaign's currency; \`commissionRate\` a fraction of attributed revenue. Omitted terms are 0. ${PLAN_NOTE}`,
  tag: TAG,
  scope: "campaigns:write",
  pathParams: termsParams,
  body: termsBodySchema,
  responses: {
    201: { description: "Added with these terms", schema: campaignCreatorResponseSchema },
    200: { description: "Already in it: terms replaced", schema: campaignCreatorResponseSchema },
  },
  handle: async ({ workspace, params, body }) => {
    const { terms, added } = await setCampaignCreatorTerms(workspace.id, params.campaignId, params.creatorId, body);
    return json(campaignCreatorResponseSchema, serializeCampaignCreator(terms, terms.campaign.currency), { status: added ? 201 : 200 });
  },
});

export const removeCampaignCreatorOperation = defineOperation<undefined, undefined, TermsParams>({
  method: "delete",
  path: "/campaigns/{campaignId}/creators/{creatorId}",
  operationId: "removeCampaignCreator",
  summary: "Take a creator out of a campaign",
  description: `Their links stay, with their clicks, still tagged with the campaign. ${PLAN_NOTE}`,
  tag: TAG,
  scope: "campaigns:write",
  pathParams: termsParams,
  responses: { 204: { description: "Removed", contentType: null } },
  handle: async ({ workspace, params }) => {
    await removeCampaignCreator(workspace.id, params.campaignId, params.creatorId);
    return new Response(null, { status: 204 });
  },
});

const generatedLinksSchema = z
  .object({
    created: z.array(
      z.object({ creatorId: z.string(), creatorName: z.string(), linkId: z.string(), domain: z.string().nullable().meta({ description: "a branded domain; null for the app's short domain" }), slug: z.string(), shortUrl: z.string(), url: z.string().meta({ description: "the destination with its UTM tags" }) }),
    ),
    skipped: z.array(z.object({ creatorId: z.string(), creatorName: z.string().nullable(), reason: z.string() })).meta({ description: "creators already holding a link in this campaign, or not in this workspace" }),
  })
  .meta({ id: "GeneratedLinks" });

export const generateCampaignLinksOperation = defineOperation<undefined, typeof generateLinksSchema, CampaignParams>({
  method: "post",
  path: "/campaigns/{campaignId}/links",
  operationId: "generateCampaignLinks",
  summary: "Generate one link per creator",
  description:
    "One link per listed creator to the campaign's destination, with the campaign's UTM template filled in per creator (or `utmTemplate` for this run; " +
    "`null` for none), slugs by the `creator-campaign` convention. Creators who already have a link in the campaign are skipped, so a retry creates nothing twice; " +
    `listed creators join the campaign. Counts against the plan's monthly links. ${PLAN_NOTE}`,
  tag: TAG,
  scope: ["campaigns:write", "links:write"],
  pathParams: campaignIdParam,
  body: generateLinksSchema,
  errors: { 409: "No free slug could be found; retry" },
  responses: {
    201: { description: "At least one link created", schema: generatedLinksSchema },
    200: { description: "Nothing new to create: every creator was skipped", schema: generatedLinksSchema },
  },
  handle: async ({ request, workspace, principal, params, body }) => {
    const hosts = linkHostsForRequest(request);
    const result = await generateCampaignLinks({ workspaceId: workspace.id, userId: principal.userId ?? undefined, hosts }, params.campaignId, body);
    return json(
      generatedLinksSchema,
      { created: result.created.map((link) => ({ ...link, domain: link.domain || null, shortUrl: shortUrl(hosts, link) })), skipped: result.skipped },
      { status: result.created.length > 0 ? 201 : 200 },
    );
  },
});

export const CAMPAIGN_OPERATIONS = [
  listCampaignsOperation,
  createCampaignOperation,
  getCampaignOperation,
  updateCampaignOperation,
  archiveCampaignOperation,
  listCampaignCreatorsOperation,
  setCampaignCreatorOperation,
  removeCampaignCreatorOperation,
  generateCampaignLinksOperation,
];
