// The origin a visitor actually used. Next.js hands route handlers a request.url built from the
// server's own bind address (http://localhost:<port>), whatever Host the visitor sent; the Host
// (or the proxy's X-Forwarded-Host, which Next fills from Host when absent) is the truth.
export function publicOrigin(headers: Headers, fallbackUrl: string): string {
  const fallback = new URL(fallbackUrl);
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host") || fallback.host;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || fallback.protocol.replace(":", "");
  try {
    return new URL(`${proto === "https" ? "https" : "http"}://${host}`).origin;
  } catch {
    return fallback.origin; // a malformed Host header
  }
}
