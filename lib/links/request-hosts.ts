// Short-link hosts for the request being served: route handlers pass their Request; pages and
// server actions read the incoming headers.
import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";
import { publicOrigin } from "@/lib/http/public-origin";
import { linkHostsFor, type ShortLinkHosts } from "@/lib/links/short-url";

export function linkHostsForRequest(request: Request): ShortLinkHosts {
  return linkHostsFor(publicOrigin(request.headers, request.url), getEnv());
}

export async function currentLinkHosts(): Promise<ShortLinkHosts> {
  return linkHostsFor(publicOrigin(await headers(), "http://localhost:3000"), getEnv());
}
