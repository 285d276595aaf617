import { route } from "@/lib/api/define";
import { listCampaignCreatorsOperation } from "@/lib/api/v1/campaigns";

export const GET = route(listCampaignCreatorsOperation);
