import { route } from "@/lib/api/define";
import { createCampaignOperation, listCampaignsOperation } from "@/lib/api/v1/campaigns";

export const GET = route(listCampaignsOperation);
export const POST = route(createCampaignOperation);
