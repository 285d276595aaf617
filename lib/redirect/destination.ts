// The URL a visitor is sent to: the link's destination with the visitor's own query string
// merged in. The destination's parameters win on a clash, so a creator's audience cannot rewrite
// the brand's UTM tags; everything else the visitor brought (e.g. ?ref=story) is passed on. The
// destination's own query text is kept byte for byte (signed or strictly parsed URLs stay valid),
// the visitor's new pairs are appended to it, and the fragment is kept.
export function buildDestination(destination: string, visitorSearch: string): string {
  if (!visitorSearch || visitorSearch === "?") return destination;
  const url = new URL(destination);
  const existing = new URLSearchParams(url.search);
  const added = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(visitorSearch)) {
    if (!existing.has(key)) added.append(key, value);
  }
  const extra = added.toString();
  if (!extra) return destination;
  url.search = url.search ? `${url.search.slice(1)}&${extra}` : extra;
  return url.toString();
}
