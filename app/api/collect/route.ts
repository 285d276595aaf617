// POST /api/collect — conversions from /cp.js on a brand's own pages, with a publishable key.
// Cross-origin by design: the page's Origin must be one of the key's allowed hostnames, and only
// then does the answer carry CORS headers. The body is JSON sent as text/plain (a "simple"
// request, so browsers need no preflight); it is the same conversion body as the API's, plus `key`.
// A publishable key is public, so the endpoint is rate-limited per address and per key, and what
// it records is marked as reported by the browser (source "script"), apart from server-sent ones.
import { errorResponse } from "@/lib/api/error-response";
import { apiRateLimiter } from "@/lib/api/rate-limit";
import { MAX_BODY_BYTES } from "@/lib/api/with-workspace";
import { hostnameAllowed, unsafeFindPublishableKey } from "@/lib/conversions/publishable-keys";
import { z } from "zod";
import { recordConversion } from "@/lib/conversions/record";
import { clientIp } from "@/lib/http/client-ip";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

function cors(origin: string): HeadersInit {
  return { "Access-Control-Allow-Origin": origin, "Access-Control-Allow-Methods": "POST", "Access-Control-Allow-Headers": "Content-Type", Vary: "Origin" };
}

function originHost(origin: string | null): string | null {
  if (!origin) return null;
  try {
    return new URL(origin).hostname;
  } catch {
    return null;
  }
}

export async function OPTIONS(request: Request): Promise<Response> {
  const origin = request.headers.get("origin");
  return new Response(null, { status: 204, headers: origin ? { ...cors(origin), "Access-Control-Max-Age": "600" } : {} });
}

export async function POST(request: Request): Promise<Response> {
  const origin = request.headers.get("origin");
  try {
    return await collect(request, origin);
  } catch (error) {
    // the page reads the refusal when it is one of the key's; an outage is a 503, never a 500
    const response = errorResponse(error);
    if (origin && error instanceof AppError && error.code !== "forbidden" && error.code !== "unauthorized") {
      for (const [name, value] of Object.entries(cors(origin))) response.headers.set(name, value);
    }
    return response;
  }
}

async function collect(request: Request, origin: string | null): Promise<Response> {
  const env = getEnv();
  // Before anything is read: one address cannot flood the endpoint (keys are public).
  await apiRateLimiter().consume(`collect:ip:${clientIp(request.headers, env.TRUST_PROXY) ?? "unknown"}`, env.COLLECT_PER_IP_PER_MINUTE, "conversions from one address");
  const host = originHost(origin);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw new AppError("payload_too_large", "Body too large");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const object = z.record(z.string(), z.unknown()).safeParse(parsed);
  if (!object.success) throw new AppError("invalid_input", "The body is not a JSON object", [{ path: "(body)", message: "Malformed JSON" }]);
  const { key, ...conversion } = object.data;
  const found = typeof key === "string" ? await unsafeFindPublishableKey(key) : null;
  if (!found) throw new AppError("unauthorized", "Unknown or revoked publishable key");
  // A key works only on the brand's own pages: anywhere else it is refused, without CORS headers.
  if (!host || !origin || !hostnameAllowed(host, found.allowedHostnames)) {
    throw new AppError("forbidden", `This publishable key is not allowed on ${host ?? "pages without an Origin"}`);
  }
  await apiRateLimiter().consume(`collect:key:${found.id}`, env.COLLECT_PER_KEY_PER_MINUTE, "this publishable key");
  // The page learns only that it was received: attribution is the brand's business, not the visitor's.
  const { conversion: recorded, created } = await recordConversion(found.workspaceId, conversion, "script");
  return Response.json({ received: true, externalId: recorded.externalId, duplicate: !created }, { status: created ? 201 : 200, headers: cors(origin) });
}
