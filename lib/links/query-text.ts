// Query strings edited and read as text (so every other byte of a URL stays as written): one
// `key=value` pair's name and value, decoded as a browser would.
function decodeQueryText(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text; // not decodable: taken as written
  }
}

export function queryPairKey(pair: string): string {
  return decodeQueryText(pair.split("=", 1)[0] ?? "");
}

export function queryPairValue(pair: string): string {
  const at = pair.indexOf("=");
  return at < 0 ? "" : decodeQueryText(pair.slice(at + 1));
}

/** The `key=value` pairs of a URL's query, as written (the fragment is not part of it). */
export function queryPairs(url: string): string[] {
  const base = url.split("#", 1)[0] ?? "";
  const queryAt = base.indexOf("?");
  return queryAt >= 0 && base.length > queryAt + 1 ? base.slice(queryAt + 1).split("&") : [];
}
