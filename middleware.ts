// Short-link redirects and click logging — nothing else. Runs on the Node.js runtime (Prisma-free:
// lib/redirect uses the shared pg pool) so a cached link costs no database round trip and the
// click is written by the batched, durable writer before the visitor is answered.
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { isReservedSlug } from "@/lib/links/reserved";
import { serveShortLink } from "@/lib/redirect/serve-short-link";

export const config = {
  runtime: "nodejs",
  // Only single-segment paths can be slugs; app pages live under reserved first segments.
  matcher: ["/:slug"],
};

const SLUG_CHARS = /^[a-z0-9-]+$/;

export async function middleware(request: NextRequest): Promise<NextResponse> {
  const slug = request.nextUrl.pathname.slice(1);
  // Slugs are lowercase; anything else (favicon.ico, /Login, reserved words) is the app's.
  if (slug === "bench-ceiling" && getEnv().BENCH_CEILING) {
    return NextResponse.redirect("https://example.com/ceiling", 302);
  }
  if (!SLUG_CHARS.test(slug) || isReservedSlug(slug)) return NextResponse.next();
  // A short link is followed with GET (people) or HEAD (unfurlers); anything else is not a visit.
  if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.next();

  const outcome = await serveShortLink({
    domain: "",
    slug,
    method: request.method,
    headers: request.headers,
    search: request.nextUrl.search,
  });

  switch (outcome.kind) {
    case "redirect": {
      const response = NextResponse.redirect(outcome.location, 302);
      // Every visit must reach us to be counted, so nothing may cache the redirect.
      response.headers.set("Cache-Control", "private, no-store");
      response.headers.set("X-Robots-Tag", "noindex");
      return response;
    }
    case "not_found":
      // Falls through to the app, which has no page at /<slug>: the friendly not-found page.
      return NextResponse.next();
    case "unavailable":
      console.error(`[redirect] /${slug}: ${outcome.reason}`);
      return new NextResponse("This link is temporarily unavailable. Please try again in a moment.", {
        status: 503,
        headers: { "Retry-After": "5", "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
      });
  }
}
