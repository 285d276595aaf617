import { route } from "@/lib/api/define";
import { createCreatorOperation, listCreatorsOperation } from "@/lib/api/v1/creators";

export const GET = route(listCreatorsOperation);
export const POST = route(createCreatorOperation);
