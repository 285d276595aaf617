/**
 * Where to go after signing in or up: only a path on this site (an open redirect after sign-in is
 * a phishing tool), otherwise the fallback. Browsers drop tabs and newlines from URLs and treat
 * "\" like "/", so "/\t/evil.test" or "/\evil.test" would leave the site: anything that is not
 * plainly a local path is refused, and what is kept is re-serialised from a parsed URL.
 */
const BASE = "http://clickproof.invalid";

export function safeNext(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length > 2000) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f\u007f\s]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  // "/.//evil.test" normalises to the path "//evil.test", which a browser reads as another host.
  if (url.origin !== BASE || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
