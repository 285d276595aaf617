// The Content-Security-Policy of the app's pages (middleware.ts sets it on every response that is
// not a redirect): scripts only from our origin and only with this response's nonce, which
// Next.js puts on its own scripts (it reads the nonce from the request's CSP header), so an
// injected <script> or inline handler does not run; nothing may frame the app (clickjacking);
// no plugins; <base> cannot be moved. Styles allow inline: the charts and server-rendered bars
// use style attributes, and a style cannot run code.
export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': scripts our nonced scripts load (Next's chunks) are trusted too.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // QR previews and downloads are data: and blob: URLs
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.development ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** Two years, subdomains included (set by middleware.ts on the app's own hosts only). */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";
