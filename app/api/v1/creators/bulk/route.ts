import { route } from "@/lib/api/define";
import { upsertCreatorsOperation } from "@/lib/api/v1/creators";

export const POST = route(upsertCreatorsOperation);
