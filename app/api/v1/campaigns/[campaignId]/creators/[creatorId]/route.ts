import { route } from "@/lib/api/define";
import { removeCampaignCreatorOperation, setCampaignCreatorOperation } from "@/lib/api/v1/campaigns";

export const PUT = route(setCampaignCreatorOperation);
export const DELETE = route(removeCampaignCreatorOperation);
