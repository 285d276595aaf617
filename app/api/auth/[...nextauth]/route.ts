import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { getEnv } from "@/lib/env";
import { publicOrigin } from "@/lib/http/public-origin";

// Auth.js builds its callback and redirect URLs from request.url, which Next.js sets to the
// server's bind address (http://localhost:<port>). Rebuilt on the origin the visitor used (or
// APP_URL), a magic link lands on the host the session cookie belongs to. (NextURL spells
// 127.0.0.1 and [::1] as "localhost", so on a loopback address use http://localhost:<port>.)
async function onPublicOrigin(request: NextRequest): Promise<NextRequest> {
  const origin = getEnv().APP_URL ?? publicOrigin(request.headers, request.url);
  const url = new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, origin);
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  return new NextRequest(url, { method: request.method, headers: request.headers, body });
}

export async function GET(request: NextRequest): Promise<Response> {
  return handlers.GET(await onPublicOrigin(request));
}

export async function POST(request: NextRequest): Promise<Response> {
  // Signing in (password or e-mail link) goes through the app's server actions, which apply the
  // attempt limits and then call Auth.js in process. Auth.js's own sign-in endpoints would skip
  // the e-mail limits, so they are not served.
  if (/^\/api\/auth\/signin(\/|$)/.test(request.nextUrl.pathname)) return Response.json({ error: "Not found" }, { status: 404 });
  return handlers.POST(await onPublicOrigin(request));
}
