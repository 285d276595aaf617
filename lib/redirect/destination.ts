// The URL a visitor is sent to: the link's destination with the visitor's own query string
// merged in. The destination's parameters win on a clash, so a creator's audience cannot rewrite
// the brand's UTM tags; everything else the visitor brought (e.g. ?ref=story) is passed on. The
// destination's own query text is kept byte for byte (signed or strictly parsed URLs stay valid),
// the visitor's new pairs are appended to it, and the fragment is kept. With conversion tracking
// on, the click id is appended under the workspace's parameter name — always this click's: a
// value already in the destination or sent by the visitor is dropped.
import { queryPairKey } from "@/lib/links/query-text";

export type ClickIdParam = { name: string; value: string };

function withoutParam(search: string, name: string): string {
  if (!search) return search;
  return search
    .split("&")
    .filter((pair) => queryPairKey(pair) !== name)
    .join("&");
}

export function buildDestination(destination: string, visitorSearch: string, clickId?: ClickIdParam): string {
  const visitor = visitorSearch && visitorSearch !== "?" ? visitorSearch : "";
  if (!visitor && !clickId) return destination;
  const url = new URL(destination);
  let own = url.search.slice(1);
  if (clickId) own = withoutParam(own, clickId.name);
  const existing = new URLSearchParams(own);
  const added = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(visitor)) {
    if (!existing.has(key) && key !== clickId?.name) added.append(key, value);
  }
  if (clickId) added.append(clickId.name, clickId.value);
  const extra = added.toString();
  if (!extra && own === url.search.slice(1)) return destination;
  url.search = own && extra ? `${own}&${extra}` : own || extra;
  return url.toString();
}
