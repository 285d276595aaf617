/**
 * Where to go after signing in or up: only a same-site path (an open redirect after sign-in is a
 * phishing tool), otherwise the fallback.
 */
export function safeNext(value: unknown, fallback: string): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") ? value : fallback;
}
