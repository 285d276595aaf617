// UTM parameters: the five standard tags, templates with placeholders, and applying them to a URL.
import { z } from "zod";
import { queryPairKey, queryPairs, queryPairValue } from "@/lib/links/query-text";

export const UTM_KEYS = ["utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"] as const;
export type UtmKey = (typeof UTM_KEYS)[number];
export type UtmParams = Partial<Record<UtmKey, string>>;
export const isUtmKey = (value: string): value is UtmKey => (UTM_KEYS as readonly string[]).includes(value);

export const UTM_PLACEHOLDERS = ["platform", "campaign", "creator"] as const;
export type UtmContext = Record<(typeof UTM_PLACEHOLDERS)[number], string>;

/** The seed's convention for per-creator links. */
export const DEFAULT_UTM_TEMPLATE: UtmParams = {
  utm_source: "{platform}",
  utm_medium: "influencer",
  utm_campaign: "{campaign}",
  utm_content: "{creator}",
};

const utmValue = z
  .string()
  .trim()
  .max(200, "UTM values can be at most 200 characters")
  .refine((value) => [...value.matchAll(/\{([^}]*)\}/g)].every((m) => (UTM_PLACEHOLDERS as readonly string[]).includes(m[1] ?? "")), {
    message: `Only ${UTM_PLACEHOLDERS.map((p) => `{${p}}`).join(", ")} can be filled in`,
  });

/** A template: each of the five keys is optional; empty values mean "leave this tag out". */
export const utmTemplateSchema = z
  .object(Object.fromEntries(UTM_KEYS.map((key) => [key, utmValue.optional()])) as Record<UtmKey, z.ZodOptional<typeof utmValue>>)
  .transform((template) => Object.fromEntries(Object.entries(template).filter(([, v]) => v)) as UtmParams);

export function fillUtmTemplate(template: UtmParams, context: UtmContext): UtmParams {
  const filled: UtmParams = {};
  for (const key of UTM_KEYS) {
    const value = template[key];
    if (value) filled[key] = value.replace(/\{(platform|campaign|creator)\}/g, (_, name: keyof UtmContext) => context[name]);
  }
  return filled;
}

/** The URL with these UTM tags set (replacing any the URL already had), other parameters untouched. */
export function applyUtm(url: string, params: UtmParams): string {
  const parsed = new URL(url);
  for (const key of UTM_KEYS) {
    const value = params[key];
    if (value) parsed.searchParams.set(key, value);
  }
  return parsed.toString();
}

/**
 * The URL with one UTM tag set to `value` (or removed when empty), edited as text: every other
 * byte of the URL — other parameters, their encoding, the fragment — stays as written, so signed
 * or strictly parsed destinations keep working. An existing tag is replaced where it stands.
 */
export function withUtmTag(url: string, key: UtmKey, value: string): string {
  const hashAt = url.indexOf("#");
  const base = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const fragment = hashAt >= 0 ? url.slice(hashAt) : "";
  const queryAt = base.indexOf("?");
  const path = queryAt >= 0 ? base.slice(0, queryAt) : base;
  const pairs = queryPairs(base);
  const tag = value ? `${key}=${encodeURIComponent(value)}` : null;
  const kept: string[] = [];
  let placed = false;
  for (const pair of pairs) {
    if (queryPairKey(pair) !== key) kept.push(pair);
    else if (tag && !placed) {
      kept.push(tag);
      placed = true;
    }
  }
  if (tag && !placed) kept.push(tag);
  return `${path}${kept.length ? `?${kept.join("&")}` : ""}${fragment}`;
}

/**
 * A UTM tag of a URL, read as the builder writes it: the first pair named `key`, decoded, so
 * "spring%20drop" and "spring+drop" are the same tag; null when absent or empty.
 */
export function utmTagOf(url: string, key: UtmKey): string | null {
  const pair = queryPairs(url).find((p) => queryPairKey(p) === key);
  return pair === undefined ? null : queryPairValue(pair) || null;
}

/** A UTM template as stored (JSON), read back; null when there is none or it no longer parses. */
export function storedUtmTemplate(value: unknown): UtmParams | null {
  const parsed = utmTemplateSchema.nullable().safeParse(value ?? null);
  return parsed.success ? parsed.data : null;
}
