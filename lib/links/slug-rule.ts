// The one slug rule, for every place that makes a slug (forms, the API, bulk generation, random
// slugs) and for the redirect that reads one from a request path. Kept free of zod and the
// database so middleware.ts can use it on the hot path.
//
// A slug is ASCII lowercase letters, digits and single hyphens between them, at most 64
// characters. Nothing else is ever stored, so no Unicode look-alike (Cyrillic "а", the Kelvin
// sign, full-width letters), dot, slash or percent-escape can name a link. A visit's path is read
// with the same rule: ASCII capitals fold to lowercase (a link read aloud or typed on a phone that
// capitalises still works, and can only reach the link of the same letters), and any other path is
// not a slug.

export const SLUG_MAX = 64;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether `text` is a slug exactly as it is stored. */
export function isSlug(text: string): boolean {
  return text.length <= SLUG_MAX && SLUG_PATTERN.test(text);
}

const ASCII_CAPITALS = /[A-Z]/g;

/**
 * The slug a request path names, or null when the path is not one. `pathname` is the URL's path
 * as the server received it (non-ASCII arrives percent-encoded, so it never matches). Only ASCII
 * capitals are folded: `toLowerCase()` would turn the Kelvin sign into "k".
 */
export function slugFromPath(pathname: string): string | null {
  if (!pathname.startsWith("/") || pathname.length > SLUG_MAX + 1) return null;
  const slug = pathname.slice(1).replace(ASCII_CAPITALS, (letter) => String.fromCharCode(letter.charCodeAt(0) + 32));
  return isSlug(slug) ? slug : null;
}
