// The address a request came from, as every limit, the visitor hash and the country lookup read
// it: an HTTP concern, below the sign-in limits (lib/auth) and the click path (lib/clicks) alike.
import { isIP } from "node:net";

const MAPPED_IPV4_DOTTED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;
const MAPPED_IPV4_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i;
const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;

/**
 * One address as written in a forwarding header, reduced to the plain IP it names:
 * "[2001:db8::1]:443" → "2001:db8::1", "1.2.3.4:5678" → "1.2.3.4", "::ffff:1.2.3.4" →
 * "1.2.3.4" (Node reports IPv4 clients on dual-stack sockets that way, and the same visitor
 * must hash and geolocate the same whichever form arrives). IPv6 is lowercased for the same
 * reason. Null when what remains is not an IP address.
 */
export function normaliseIp(raw: string): string | null {
  let ip = raw.trim();
  if (ip.startsWith('"') && ip.endsWith('"') && ip.length >= 2) ip = ip.slice(1, -1);
  if (ip.startsWith("[")) {
    const end = ip.indexOf("]");
    if (end === -1) return null;
    ip = ip.slice(1, end);
  } else {
    const v4 = IPV4_WITH_PORT.exec(ip);
    if (v4?.[1]) ip = v4[1];
  }
  const zone = ip.indexOf("%"); // fe80::1%eth0: the zone only means something on the host
  if (zone !== -1) ip = ip.slice(0, zone);
  ip = ip.toLowerCase();

  const dotted = MAPPED_IPV4_DOTTED.exec(ip);
  if (dotted?.[1]) ip = dotted[1];
  const hex = MAPPED_IPV4_HEX.exec(ip);
  if (hex?.[1] && hex[2]) {
    const high = Number.parseInt(hex[1], 16);
    const low = Number.parseInt(hex[2], 16);
    ip = `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  }
  return isIP(ip) === 0 ? null : ip;
}

/**
 * The visitor's IP address, normalised (see `normaliseIp`), or null.
 *
 * trustProxy = true (the app runs behind a proxy/CDN you control, which sets the headers):
 * the first (leftmost) X-Forwarded-For entry, i.e. the client as the outermost proxy saw it;
 * if X-Forwarded-For is missing or its first entry is not an IP, X-Real-IP.
 *
 * trustProxy = false: the last (rightmost) X-Forwarded-For entry, the hop nearest to us.
 * Middleware cannot see the socket address; the Next.js server puts it into X-Forwarded-For
 * when the client sent none, so that entry is the peer address in a proxy-less setup.
 * X-Real-IP is ignored here because only a proxy would set it. Either way a client can lie
 * about its address; that only skews its own click's country and visitor hash.
 */
export function clientIp(headers: Headers, trustProxy: boolean): string | null {
  const forwardedFor = headers.get("x-forwarded-for");
  if (!trustProxy) {
    if (!forwardedFor) return null;
    const last = forwardedFor.slice(forwardedFor.lastIndexOf(",") + 1);
    return normaliseIp(last);
  }
  if (forwardedFor) {
    const comma = forwardedFor.indexOf(",");
    const first = normaliseIp(comma === -1 ? forwardedFor : forwardedFor.slice(0, comma));
    if (first) return first;
  }
  const realIp = headers.get("x-real-ip");
  return realIp ? normaliseIp(realIp) : null;
}
