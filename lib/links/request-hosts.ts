// Short-link hosts for a page or server action (route handlers use the request URL instead).
import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";
import { linkHostsFor, type ShortLinkHosts } from "@/lib/links/short-url";

export async function currentLinkHosts(): Promise<ShortLinkHosts> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return linkHostsFor(`${proto}://${host}`, getEnv());
}
