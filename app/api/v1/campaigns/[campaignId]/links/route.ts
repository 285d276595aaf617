import { route } from "@/lib/api/define";
import { generateCampaignLinksOperation } from "@/lib/api/v1/campaigns";

export const POST = route(generateCampaignLinksOperation);
