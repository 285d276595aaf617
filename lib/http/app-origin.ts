// The app's public origin for links that leave the app (Stripe's return URLs): APP_URL when set,
// otherwise the origin the visitor used.
import "server-only";
import { headers } from "next/headers";
import { getEnv } from "@/lib/env";
import { publicOrigin } from "@/lib/http/public-origin";

export async function appOrigin(): Promise<string> {
  const configured = getEnv().APP_URL;
  return configured ? new URL(configured).origin : publicOrigin(await headers(), "http://localhost:3000");
}
