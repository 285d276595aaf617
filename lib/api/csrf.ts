// Cross-site request forgery: which requests a session cookie must not authorise (lib/api/with-workspace.ts).
/**
 * CSRF defence for cookie-authenticated writes (API-key calls carry no ambient credential). The
 * session cookie is SameSite=Lax, so browsers do not send it on cross-site POSTs already; this
 * refuses them anyway from what the browser says about the request: Sec-Fetch-Site (every
 * current browser), else the Origin header, else (neither sent: not a browser) nothing to refuse.
 */
export function crossSiteWrite(request: Request): boolean {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return false;
  const site = request.headers.get("sec-fetch-site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  try {
    return new URL(origin).host !== host;
  } catch {
    return true; // "null" or garbage: an opaque origin is never ours
  }
}

