import { route } from "@/lib/api/define";
import { archiveCampaignOperation, getCampaignOperation, updateCampaignOperation } from "@/lib/api/v1/campaigns";

export const GET = route(getCampaignOperation);
export const PATCH = route(updateCampaignOperation);
export const DELETE = route(archiveCampaignOperation);
