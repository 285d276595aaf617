import { route } from "@/lib/api/define";
import { archiveCreatorOperation, getCreatorOperation, updateCreatorOperation } from "@/lib/api/v1/creators";

export const GET = route(getCreatorOperation);
export const PATCH = route(updateCreatorOperation);
export const DELETE = route(archiveCreatorOperation);
