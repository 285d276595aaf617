// What a branded domain's host name may be, written once: the settings form, the API and the
// middleware's Host routing all normalise through here.
import { domainToASCII } from "node:url";

export const HOSTNAME_MAX = 253;

/** Names that can never be someone's public short domain. */
const PRIVATE_SUFFIXES = [".localhost", ".local", ".internal", ".home.arpa", ".invalid"];
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

export type HostnameResult = { ok: true; hostname: string } | { ok: false; message: string };

/**
 * The host name someone typed or pasted ("Go.Brand.com", "https://go.brand.com/", "gö.brand.com")
 * as we store it: lowercase ASCII (international names in punycode), no scheme, port, path or
 * trailing dot. Refuses IP addresses, single labels and private names.
 */
export function parseHostname(input: string): HostnameResult {
  let text = input.trim();
  if (!text) return { ok: false, message: "Enter a domain, e.g. go.yourbrand.com" };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { ok: false, message: "This is not a domain name" };
    }
    if (url.pathname !== "/" || url.search || url.hash || url.username || url.port) {
      return { ok: false, message: "Enter only the domain (e.g. go.yourbrand.com), without a path, port or query" };
    }
    text = url.hostname;
  }
  if (/[/:?#@\s]/.test(text)) return { ok: false, message: "Enter only the domain (e.g. go.yourbrand.com), without a path, port or query" };
  const ascii = domainToASCII(text.replace(/\.$/, "").toLowerCase());
  if (!ascii) return { ok: false, message: "This is not a valid domain name" };
  if (ascii.length > HOSTNAME_MAX) return { ok: false, message: `A domain name is at most ${HOSTNAME_MAX} characters` };
  const labels = ascii.split(".");
  if (labels.length < 2) return { ok: false, message: "Use a full domain with a dot, e.g. go.yourbrand.com" };
  if (!labels.every((label) => LABEL.test(label))) {
    return { ok: false, message: "Each part of a domain uses letters, digits and inner hyphens (e.g. go.your-brand.com)" };
  }
  if (/^\d+$/.test(labels.at(-1) ?? "")) return { ok: false, message: "Use a domain name, not an IP address" };
  if (ascii === "localhost" || PRIVATE_SUFFIXES.some((suffix) => ascii.endsWith(suffix))) {
    return { ok: false, message: "Use a public domain: this name only exists on private networks" };
  }
  return { ok: true, hostname: ascii };
}

/** The Host header as a host name to look up: lowercase, without port or trailing dot; null if absent. */
export function requestHostname(hostHeader: string | null): string | null {
  if (!hostHeader) return null;
  const host = hostHeader.trim().toLowerCase();
  // [v6]:port or name:port
  const name = host.startsWith("[") ? host.slice(0, host.indexOf("]") + 1) : host.split(":", 1)[0]!;
  return name.replace(/\.$/, "") || null;
}
