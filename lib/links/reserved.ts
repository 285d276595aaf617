// Single-segment paths the app itself owns. Short links share the host with the app (product.md:
// localhost:3000/<slug> must work), so these can never be slugs. reserved.test.ts checks that
// every top-level route folder under app/ is listed here.
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  // app routes
  "api", "login", "signup", "logout", "w", "workspaces", "creator", "pricing", "link-not-found",
  // framework and static files
  "_next", "static", "assets", "public", "favicon.ico", "icon.svg", "apple-icon.png", "robots.txt", "sitemap.xml", "cp.js",
  // words people would expect to be the app's, kept free for it
  "bench-ceiling", "app", "admin", "auth", "billing", "dashboard", "docs", "help", "invite", "invites", "new",
  "onboarding", "settings", "signin", "sign-in", "sign-up", "sign-out", "status", "support",
  "terms", "privacy", "health", "www", "mail", "about", "blog", "account", "register",
]);

export function isReservedSlug(slug: string): boolean {
  return RESERVED_SLUGS.has(slug.toLowerCase());
}
