// Every operation of the REST API v1, in the order the reference lists them.
import "server-only";
import { ANALYTICS_OPERATIONS } from "@/lib/api/v1/analytics";
import { CAMPAIGN_OPERATIONS } from "@/lib/api/v1/campaigns";
import { CONVERSION_OPERATIONS } from "@/lib/api/v1/conversions";
import { CREATOR_OPERATIONS } from "@/lib/api/v1/creators";
import { LINK_OPERATIONS } from "@/lib/api/v1/links";
import type { AnyOperation } from "@/lib/api/define";

export const OPERATIONS: readonly AnyOperation[] = [...LINK_OPERATIONS, ...CREATOR_OPERATIONS, ...CAMPAIGN_OPERATIONS, ...ANALYTICS_OPERATIONS, ...CONVERSION_OPERATIONS];
