// Content negotiation on the Accept header (RFC 9110 §12.5.1), for the few answers that come in
// more than one media type.

/** How much an Accept header wants a media type: the q of its most specific matching range, 0 for none. */
export function acceptQuality(accept: string | null, type: string): number {
  if (!accept?.trim()) return 1; // no Accept: anything will do
  const [major] = type.split("/");
  let best: { specificity: number; q: number } | null = null;
  for (const part of accept.split(",")) {
    const [range = "", ...params] = part.trim().toLowerCase().split(";").map((piece) => piece.trim());
    const specificity = range === type ? 3 : range === `${major}/*` ? 2 : range === "*/*" ? 1 : 0;
    if (specificity === 0) continue;
    const qParam = params.find((param) => param.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (!Number.isFinite(q)) continue;
    if (!best || specificity > best.specificity) best = { specificity, q: Math.min(Math.max(q, 0), 1) };
  }
  return best?.q ?? 0;
}

/** Which of the offered media types the Accept header prefers (the first offered on a tie). */
export function preferredMediaType<T extends string>(accept: string | null, offered: readonly [T, ...T[]]): T {
  let choice = offered[0];
  let quality = acceptQuality(accept, choice);
  for (const type of offered.slice(1)) {
    const q = acceptQuality(accept, type);
    if (q > quality) [choice, quality] = [type, q];
  }
  return choice;
}
