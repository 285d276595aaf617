// The URL a visitor is sent to: the link's destination with the visitor's own query string
// merged in. The destination's parameters win on a clash, so a creator's audience cannot rewrite
// the brand's UTM tags; everything else the visitor brought (e.g. ?ref=story) is passed on.
// The destination's fragment is kept.
export function buildDestination(destination: string, visitorSearch: string): string {
  if (!visitorSearch || visitorSearch === "?") return destination;
  const url = new URL(destination);
  const incoming = new URLSearchParams(visitorSearch);
  for (const [key, value] of incoming) {
    if (!url.searchParams.has(key)) url.searchParams.append(key, value);
  }
  return url.toString();
}
