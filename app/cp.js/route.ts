// GET /cp.js — the conversion script brands add to their sites (lib/conversions/cp-script.ts).
import { CP_SCRIPT } from "@/lib/conversions/cp-script";

export function GET(): Response {
  return new Response(CP_SCRIPT, {
    headers: { "Content-Type": "application/javascript; charset=utf-8", "Cache-Control": "public, max-age=3600", "X-Content-Type-Options": "nosniff" },
  });
}
