import { invalidField } from "@/lib/errors";

// Where a workspace's short links live, and which hosts count as "ours" (a destination on one of
// them would be a redirect loop or a way to launder a link through us).
export type ShortLinkHosts = {
  /** origin used to print short URLs, e.g. https://clk.example.com or http://localhost:3000 */
  shortOrigin: string;
  /** every host[:port] that serves this app or its short links */
  ownHosts: string[];
  /**
   * This machine's own addresses, on any port: without APP_URL/SHORT_DOMAIN the app serves links
   * on whatever Host reaches it, its own IP included.
   */
  ownAddresses: string[];
};

export function shortLinkHosts(options: {
  shortDomain?: string;
  appUrl?: string;
  requestOrigin: string;
  /** the name brands point their CNAME at: it serves our links too */
  cnameTarget?: string;
  /** the server's interface addresses (lib/links/request-hosts.ts) */
  machineAddresses?: readonly string[];
}): ShortLinkHosts {
  const request = new URL(options.requestOrigin);
  const app = options.appUrl ? new URL(options.appUrl) : request;
  const shortOrigin = options.shortDomain ? `${app.protocol}//${options.shortDomain}` : app.origin;
  const hosts = new Set([request.host, app.host, new URL(shortOrigin).host, ...(options.cnameTarget ? [options.cnameTarget] : [])].map((host) => host.toLowerCase()));
  const addresses = (options.machineAddresses ?? []).map((address) => canonicalName(address.includes(":") ? `[${address}]` : address));
  return { shortOrigin, ownHosts: [...hosts], ownAddresses: [...new Set(addresses)] };
}

/**
 * The short URL of a link: on the workspace's branded domain when it has one (always https —
 * branded domains are served behind TLS), else on the default short domain.
 */
export function shortUrl(hosts: ShortLinkHosts, link: { slug: string; domain: string }): string {
  return link.domain ? `https://${link.domain}/${link.slug}` : `${hosts.shortOrigin}/${link.slug}`;
}

/**
 * The query parameter a QR code adds to the short URL, so a scan is told apart from a click.
 * The redirect removes it before the visitor's query is passed on to the destination.
 */
export const QR_SCAN_PARAM = "qr";

/** What a link's QR code encodes: its short URL with the scan marker. */
export function scanUrl(short: string): string {
  return `${short}?${QR_SCAN_PARAM}=1`;
}

// Names of this machine: a link made on localhost:3000 must not point at 127.0.0.1:3000 (nor at
// 127.1, 2130706433 or [::ffff:127.0.0.1], which the URL parser writes as 127.0.0.1 / [::ffff:7f00:1]).
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1?\]|\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]|\[::ffff:0:0\])$/;

/** A host name as compared for "ours": lowercase, no trailing dot (example.com. is example.com), no www., loopback as one name. */
function canonicalName(host: string): string {
  const hostname = new URL(`http://${host.toLowerCase()}`).hostname.replace(/\.+$/, "");
  return LOOPBACK.test(hostname) || hostname.endsWith(".localhost") ? "localhost" : hostname.replace(/^www\./, "");
}

/** A host[:port] as compared for "ours". */
function canonicalHost(host: string): string {
  const port = new URL(`http://${host.toLowerCase()}`).port;
  return port ? `${canonicalName(host)}:${port}` : canonicalName(host);
}

export function isOwnHost(hosts: ShortLinkHosts, destination: string): boolean {
  const url = new URL(destination);
  const host = canonicalHost(url.host);
  return hosts.ownHosts.some((own) => canonicalHost(own) === host) || hosts.ownAddresses.includes(canonicalName(url.host));
}

/** The refusal for a destination on our own hosts, shared by every path that sets one. */
export function assertNotOwnHost(hosts: ShortLinkHosts, destination: string, field = "url"): void {
  if (isOwnHost(hosts, destination)) {
    throw invalidField(field, "Destination cannot be a Clickproof short link or page (it would loop)");
  }
}
