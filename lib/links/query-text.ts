// Query strings edited as text (so every other byte of a URL stays as written): the name of one
// `key=value` pair, decoded as a browser would.
export function queryPairKey(pair: string): string {
  const key = pair.split("=", 1)[0] ?? "";
  try {
    return decodeURIComponent(key.replace(/\+/g, " "));
  } catch {
    return key; // not decodable: compared as written
  }
}
