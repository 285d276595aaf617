// Short-link hosts for the request being served: route handlers pass their Request; pages and
// server actions read the incoming headers; writes with no request use the configured ones.
import "server-only";
import { networkInterfaces } from "node:os";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";
import { publicOrigin } from "@/lib/http/public-origin";
import { shortLinkHosts, type ShortLinkHosts } from "@/lib/urls/short-url";

let machineAddresses: string[] | undefined;

/**
 * This machine's network addresses, read once: a destination on one of them, on any port, would
 * come back to us. Loopback is left to the host check, per port (a link to another local service
 * on localhost:4000 is fine in development).
 */
function ownMachineAddresses(): string[] {
  machineAddresses ??= Object.values(networkInterfaces()).flatMap((entries) => (entries ?? []).filter((entry) => !entry.internal).map((entry) => entry.address.replace(/%.*$/, "")));
  return machineAddresses;
}

/** The short-link hosts for a request that reached the app at `requestOrigin`. */
export function linkHostsFor(requestOrigin: string): ShortLinkHosts {
  const env = getEnv();
  return shortLinkHosts({ shortDomain: env.SHORT_DOMAIN, appUrl: env.APP_URL, requestOrigin, cnameTarget: env.BRANDED_DOMAIN_CNAME, machineAddresses: ownMachineAddresses() });
}

export function linkHostsForRequest(request: Request): ShortLinkHosts {
  return linkHostsFor(publicOrigin(request.headers, request.url));
}

export async function currentLinkHosts(): Promise<ShortLinkHosts> {
  return linkHostsFor(publicOrigin(await headers(), "http://localhost:3000"));
}

/** The hosts of the configured app (APP_URL, SHORT_DOMAIN) when no request says more. */
export function configuredLinkHosts(): ShortLinkHosts {
  return linkHostsFor(getEnv().APP_URL ?? "http://localhost:3000");
}
